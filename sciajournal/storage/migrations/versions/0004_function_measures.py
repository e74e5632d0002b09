"""function measures: bothersomeness, functional scale, sleep and sitting

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 07:20:00

Issue 16 adds three kinds of entry, each in a new table: the Sciatica Bothersomeness
Index (bothersomeness_checks), the activities named for the Patient-Specific Functional
Scale (function_activities) and its ratings (function_ratings, whose scores are one
text column: see models.function_ratings). Pain ratings gain three empty columns:
times woken and hours slept (morning ratings), comfortable sitting (bedtime ratings).
Nothing already stored changes; downgrading drops what was added.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SBI_ITEMS = ("leg_pain", "numbness_tingling", "weakness", "sitting_pain")
PAIN_COLUMNS = (
    ("times_woken", sa.Integer()),
    ("hours_slept", sa.Float()),
    ("comfortable_sitting_minutes", sa.Float()),
)


def _timestamp(name: str, *, nullable: bool = False) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column(f"{name}_utc", sa.DateTime(), nullable=nullable),
        sa.Column(f"{name}_offset", sa.Integer(), nullable=nullable),
    ]


def upgrade() -> None:
    # SQLite's own ADD COLUMN changes the table in place (no copy of every rating).
    for name, kind in PAIN_COLUMNS:
        op.add_column("pain_ratings", sa.Column(name, kind, nullable=True))

    op.create_table(
        "bothersomeness_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        *_timestamp("at"),
        *(sa.Column(item, sa.Integer(), nullable=False) for item in SBI_ITEMS),
        sa.Column("notes", sa.Text(), nullable=False),
        *(
            sa.CheckConstraint(
                f"{item} BETWEEN 0 AND 6", name=op.f(f"ck_bothersomeness_checks_{item}_range")
            )
            for item in SBI_ITEMS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bothersomeness_checks")),
    )
    op.create_index(op.f("ix_bothersomeness_checks_at_utc"), "bothersomeness_checks", ["at_utc"])

    op.create_table(
        "function_activities",
        sa.Column("id", sa.String(length=36), nullable=False),
        *_timestamp("added"),
        sa.Column("name", sa.String(length=100), nullable=False),
        *_timestamp("retired", nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_function_activities")),
    )
    op.create_index(op.f("ix_function_activities_added_utc"), "function_activities", ["added_utc"])

    op.create_table(
        "function_ratings",
        sa.Column("id", sa.String(length=36), nullable=False),
        *_timestamp("at"),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_function_ratings")),
    )
    op.create_index(op.f("ix_function_ratings_at_utc"), "function_ratings", ["at_utc"])


def downgrade() -> None:
    for table in ("function_ratings", "function_activities", "bothersomeness_checks"):
        op.drop_table(table)
    for name, _kind in PAIN_COLUMNS:
        op.execute(f"ALTER TABLE pain_ratings DROP COLUMN {name}")
