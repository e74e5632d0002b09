"""SQLAlchemy 2 typed table models of a journal file.

Every timestamp is stored twice over: the naive UTC instant (`*_utc`, indexed, used
for ordering and ranges) and the offset in minutes it was entered with (`*_offset`).
Enum values are stored as their snake_case text. Any change here needs an Alembic
migration in `migrations/versions/`; a test compares the two.
"""

from datetime import datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so batch migrations on SQLite can refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, typed as such (for bulk inserts and selects)."""
    return cast(Table, model.__table__)


ID = String(36)


class WalkRow(Base):
    __tablename__ = "walks"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    start_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    start_offset: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[float] = mapped_column(Float)
    surface: Mapped[str] = mapped_column(String(20))
    pace: Mapped[str] = mapped_column(String(20))
    distance_km: Mapped[float | None] = mapped_column(Float)
    steps: Mapped[int | None] = mapped_column(Integer)
    supportive_shoes: Mapped[bool] = mapped_column(Boolean)
    trekking_poles: Mapped[bool] = mapped_column(Boolean)
    stretched_before: Mapped[bool] = mapped_column(Boolean)
    stretched_after: Mapped[bool] = mapped_column(Boolean)
    stopped_early: Mapped[bool] = mapped_column(Boolean)
    symptoms_after_minutes: Mapped[float | None] = mapped_column(Float)
    pain_lasted_hours: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text)


class PainRatingRow(Base):
    __tablename__ = "pain_ratings"
    __table_args__ = (
        CheckConstraint("back BETWEEN 0 AND 10", name="back_range"),
        CheckConstraint("leg BETWEEN 0 AND 10", name="leg_range"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    back: Mapped[int] = mapped_column(Integer)
    leg: Mapped[int] = mapped_column(Integer)
    context: Mapped[str] = mapped_column(String(20))
    # A walk's own ratings go with it when it is deleted (the GUI's undo restores both).
    walk_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("walks.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str | None] = mapped_column(String(10))
    reach: Mapped[str | None] = mapped_column(String(10))
    numbness: Mapped[bool] = mapped_column(Boolean)
    tingling: Mapped[bool] = mapped_column(Boolean)
    weakness: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text)
    # Schema 0004: sleep on morning ratings, comfortable sitting on bedtime ones.
    times_woken: Mapped[int | None] = mapped_column(Integer)
    hours_slept: Mapped[float | None] = mapped_column(Float)
    comfortable_sitting_minutes: Mapped[float | None] = mapped_column(Float)


class TreatmentRow(Base):
    __tablename__ = "treatments"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    start_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    start_offset: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[float] = mapped_column(Float)
    body_area: Mapped[str] = mapped_column(String(100))
    back_before: Mapped[int | None] = mapped_column(Integer)
    leg_before: Mapped[int | None] = mapped_column(Integer)
    back_after: Mapped[int | None] = mapped_column(Integer)
    leg_after: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text)


class MedicationDoseRow(Base):
    __tablename__ = "medication_doses"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    dose: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[float] = mapped_column(Float)
    as_needed: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text)


class RedFlagCheckRow(Base):
    __tablename__ = "red_flag_checks"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    # Sorted, comma-separated RedFlag values; empty when the check found nothing.
    signs: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)


class NoteRow(Base):
    __tablename__ = "notes"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class BothersomenessCheckRow(Base):
    """Sciatica Bothersomeness Index answers (schema 0004)."""

    __tablename__ = "bothersomeness_checks"
    __table_args__ = tuple(
        CheckConstraint(f"{item} BETWEEN 0 AND 6", name=f"{item}_range")
        for item in ("leg_pain", "numbness_tingling", "weakness", "sitting_pain")
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    leg_pain: Mapped[int] = mapped_column(Integer)
    numbness_tingling: Mapped[int] = mapped_column(Integer)
    weakness: Mapped[int] = mapped_column(Integer)
    sitting_pain: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text)


class FunctionActivityRow(Base):
    """An activity named for the Patient-Specific Functional Scale (schema 0004)."""

    __tablename__ = "function_activities"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    added_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    added_offset: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    retired_utc: Mapped[datetime | None] = mapped_column(DateTime)
    retired_offset: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text)


class FunctionRatingRow(Base):
    """A sitting of the functional scale (schema 0004).

    Its scores are one text column, "<activity id>=<score>" joined by commas in the
    order given, not a child table: a rating is then one row that is written, read,
    updated and deleted whole like every other entry, and reads back exactly as saved.
    The service checks that each named activity exists.
    """

    __tablename__ = "function_ratings"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, index=True)
    at_offset: Mapped[int] = mapped_column(Integer)
    scores: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    """User settings (thresholds, units, the patient's name) travel inside the journal."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
