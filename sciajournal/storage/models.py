"""SQLAlchemy Core tables of a journal file.

Every timestamp is stored twice over: the naive UTC instant (`*_utc`, indexed, used
for ordering and ranges) and the offset in minutes it was entered with (`*_offset`).
Enum values are stored as their snake_case text. Any change here needs an Alembic
migration in `migrations/versions/`; a test compares the two.

Core tables rather than ORM classes: the journal reads and writes them with Core
statements only (mapping.py turns rows into entities), and importing SQLAlchemy's ORM
cost the start-up about 11 MiB and 150 ms before the journal's rows appeared (issue 14).
Columns are NOT NULL unless marked `nullable=True`.
"""

from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from sciajournal.storage.mapping import KindMapping

# Stable constraint names, so batch migrations on SQLite can refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID = String(36)


def _column(name: str, kind: Any, *args: Any, nullable: bool = False, **kwargs: Any) -> Column[Any]:
    """A column that is NOT NULL unless said otherwise (as the ORM models' Mapped[X] were)."""
    return Column(name, kind, *args, nullable=nullable, **kwargs)


def _entry_id() -> Column[Any]:
    return Column("id", ID, primary_key=True)


walks = Table(
    "walks",
    metadata,
    _entry_id(),
    _column("start_utc", DateTime, index=True),
    _column("start_offset", Integer),
    _column("minutes", Float),
    _column("surface", String(20)),
    _column("pace", String(20)),
    _column("distance_km", Float, nullable=True),
    _column("steps", Integer, nullable=True),
    _column("supportive_shoes", Boolean),
    _column("trekking_poles", Boolean),
    _column("stretched_before", Boolean),
    _column("stretched_after", Boolean),
    _column("stopped_early", Boolean),
    _column("symptoms_after_minutes", Float, nullable=True),
    _column("pain_lasted_hours", Float, nullable=True),
    _column("notes", Text),
    CheckConstraint("minutes > 0", name="minutes_positive"),
)

pain_ratings = Table(
    "pain_ratings",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    _column("back", Integer),
    _column("leg", Integer),
    _column("context", String(20)),
    # A walk's own ratings go with it when it is deleted (the GUI's undo restores both).
    _column("walk_id", ID, ForeignKey("walks.id", ondelete="CASCADE"), index=True, nullable=True),
    _column("side", String(10), nullable=True),
    _column("reach", String(10), nullable=True),
    _column("numbness", Boolean),
    _column("tingling", Boolean),
    _column("weakness", Boolean),
    _column("notes", Text),
    # Schema 0004: sleep on morning ratings, comfortable sitting on bedtime ones.
    _column("times_woken", Integer, nullable=True),
    _column("hours_slept", Float, nullable=True),
    _column("comfortable_sitting_minutes", Float, nullable=True),
    CheckConstraint("back BETWEEN 0 AND 10", name="back_range"),
    CheckConstraint("leg BETWEEN 0 AND 10", name="leg_range"),
)

treatments = Table(
    "treatments",
    metadata,
    _entry_id(),
    _column("start_utc", DateTime, index=True),
    _column("start_offset", Integer),
    _column("kind", String(20)),
    _column("minutes", Float),
    _column("body_area", String(100)),
    _column("back_before", Integer, nullable=True),
    _column("leg_before", Integer, nullable=True),
    _column("back_after", Integer, nullable=True),
    _column("leg_after", Integer, nullable=True),
    _column("notes", Text),
)

medication_doses = Table(
    "medication_doses",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    _column("name", String(100)),
    _column("dose", Float),
    _column("unit", String(20)),
    _column("quantity", Float),
    _column("as_needed", Boolean),
    _column("notes", Text),
)

red_flag_checks = Table(
    "red_flag_checks",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    # Sorted, comma-separated RedFlag values; empty when the check found nothing.
    _column("signs", Text),
    _column("notes", Text),
)

notes = Table(
    "notes",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    _column("text", Text),
)

#: Sciatica Bothersomeness Index answers (schema 0004).
bothersomeness_checks = Table(
    "bothersomeness_checks",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    _column("leg_pain", Integer),
    _column("numbness_tingling", Integer),
    _column("weakness", Integer),
    _column("sitting_pain", Integer),
    _column("notes", Text),
    *(
        CheckConstraint(f"{item} BETWEEN 0 AND 6", name=f"{item}_range")
        for item in ("leg_pain", "numbness_tingling", "weakness", "sitting_pain")
    ),
)

#: An activity named for the Patient-Specific Functional Scale (schema 0004).
function_activities = Table(
    "function_activities",
    metadata,
    _entry_id(),
    _column("added_utc", DateTime, index=True),
    _column("added_offset", Integer),
    _column("name", String(100)),
    _column("retired_utc", DateTime, nullable=True),
    _column("retired_offset", Integer, nullable=True),
    _column("notes", Text),
)

#: A sitting of the functional scale (schema 0004).
#:
#: Its scores are one text column, "<activity id>=<score>" joined by commas in the
#: order given, not a child table: a rating is then one row that is written, read,
#: updated and deleted whole like every other entry, and reads back exactly as saved.
#: The service checks that each named activity exists.
function_ratings = Table(
    "function_ratings",
    metadata,
    _entry_id(),
    _column("at_utc", DateTime, index=True),
    _column("at_offset", Integer),
    _column("scores", Text),
    _column("notes", Text),
)

#: User settings (thresholds, units, the patient's name) travel inside the journal.
settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    _column("value", Text),
)


def table_of(mapping: KindMapping) -> Table:
    """The Table a kind's entries are stored in (mapping.py names it: it imports no SQLAlchemy)."""
    return metadata.tables[mapping.table]
