"""ice/heat pain before and after, for back and leg apart

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:30:00

Before 0003 an ice/heat session had one "pain before" and one "pain after" number, and
the form did not say whether back or leg was meant. From 0003 it has four: back_before,
leg_before, back_after, leg_after.

Where the old numbers go: into BOTH back and leg. The patient rated the pain they felt
as one number, and nothing says which part it was; copying it to one side only would
invent a difference, and dropping it would lose the session's record. Analysis of what
helps then counts such a session once for back and once for leg with the same change.
Downgrading takes the back numbers back into the single pair.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite's own ADD and DROP COLUMN (3.35+) change the table in place; a batch copy
    # of the table would leave its old pages free inside the file.
    for name in ("back_before", "leg_before", "back_after", "leg_after"):
        op.add_column("treatments", sa.Column(name, sa.Integer(), nullable=True))
    op.execute(
        "UPDATE treatments SET back_before = pain_before, leg_before = pain_before, "
        "back_after = pain_after, leg_after = pain_after"
    )
    op.execute("ALTER TABLE treatments DROP COLUMN pain_before")
    op.execute("ALTER TABLE treatments DROP COLUMN pain_after")


def downgrade() -> None:
    with op.batch_alter_table("treatments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pain_before", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("pain_after", sa.Integer(), nullable=True))
    op.execute("UPDATE treatments SET pain_before = back_before, pain_after = back_after")
    with op.batch_alter_table("treatments", schema=None) as batch_op:
        for name in ("back_before", "leg_before", "back_after", "leg_after"):
            batch_op.drop_column(name)
