"""Converts entries to table rows and back.

Column names equal the entity's field names, except timestamps, each split into
`<field>_utc` and `<field>_offset`, enums, stored as their text value, a red-flag
check's set of signs, stored as sorted comma-separated text, and a functional rating's
scores, stored as "<activity id>=<score>" joined by commas in their own order.

A mapping names its table rather than holding SQLAlchemy's Table (models.table_of looks
it up): the first screen reads rows with the sqlite3 module and converts them here,
before SQLAlchemy is imported (storage/first_screen.py, issue 14).
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    Entry,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import Pace, PainContext, Reach, RedFlag, Side, Surface, TreatmentKind
from sciajournal.core.timestamps import join_instant, split_instant


@dataclass(frozen=True)
class KindMapping:
    entity: type[Any]
    #: The table's name in the journal file (models.table_of gives SQLAlchemy's Table).
    table: str
    time_field: str
    enums: Mapping[str, type[StrEnum]]
    #: Other timestamps, which may be None (an activity's `retired`).
    optional_instants: tuple[str, ...] = ()

    @property
    def time_column(self) -> str:
        return f"{self.time_field}_utc"

    def to_row(self, entry: Entry) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for item in dataclasses.fields(entry):
            value = getattr(entry, item.name)
            if item.name == self.time_field or (
                item.name in self.optional_instants and value is not None
            ):
                utc, offset = split_instant(value)
                row[f"{item.name}_utc"] = utc
                row[f"{item.name}_offset"] = offset
            elif item.name in self.optional_instants:
                row[f"{item.name}_utc"] = row[f"{item.name}_offset"] = None
            elif item.name == "scores":
                row[item.name] = encode_scores(value)
            elif isinstance(value, frozenset):
                row[item.name] = ",".join(sorted(str(sign) for sign in value))
            elif isinstance(value, StrEnum):
                row[item.name] = value.value
            else:
                row[item.name] = value
        return row

    def from_row(self, row: Mapping[Any, Any]) -> Entry:
        values: dict[str, Any] = {}
        for item in dataclasses.fields(self.entity):
            name = item.name
            if name == self.time_field or (
                name in self.optional_instants and row[f"{name}_utc"] is not None
            ):
                values[name] = join_instant(row[f"{name}_utc"], row[f"{name}_offset"])
            elif name in self.optional_instants:
                values[name] = None
            elif name == "scores":
                values[name] = decode_scores(row[name])
            elif name == "signs":
                text = row[name]
                values[name] = (
                    frozenset(RedFlag(s) for s in text.split(",")) if text else frozenset()
                )
            elif name in self.enums and row[name] is not None:
                values[name] = self.enums[name](row[name])
            else:
                values[name] = row[name]
        entry: Entry = self.entity(**values)
        return entry


MAPPINGS: dict[type[Any], KindMapping] = {
    Walk: KindMapping(Walk, "walks", "start", {"surface": Surface, "pace": Pace}),
    PainRating: KindMapping(
        PainRating,
        "pain_ratings",
        "at",
        {"context": PainContext, "side": Side, "reach": Reach},
    ),
    Treatment: KindMapping(Treatment, "treatments", "start", {"kind": TreatmentKind}),
    MedicationDose: KindMapping(MedicationDose, "medication_doses", "at", {}),
    RedFlagCheck: KindMapping(RedFlagCheck, "red_flag_checks", "at", {}),
    Note: KindMapping(Note, "notes", "at", {}),
    BothersomenessCheck: KindMapping(BothersomenessCheck, "bothersomeness_checks", "at", {}),
    FunctionActivity: KindMapping(
        FunctionActivity,
        "function_activities",
        "added",
        {},
        optional_instants=("retired",),
    ),
    FunctionRating: KindMapping(FunctionRating, "function_ratings", "at", {}),
}


def encode_scores(scores: tuple[ActivityScore, ...]) -> str:
    return ",".join(f"{score.activity_id}={score.score}" for score in scores)


def decode_scores(text: str) -> tuple[ActivityScore, ...]:
    """The scores as saved; a damaged value raises ValueError (reported as damage)."""
    if not text:
        return ()
    pairs = (item.split("=") for item in text.split(","))
    return tuple(ActivityScore(activity_id, int(score)) for activity_id, score in pairs)


def mapping_for(entry_or_kind: Entry | type[Any]) -> KindMapping:
    kind = entry_or_kind if isinstance(entry_or_kind, type) else type(entry_or_kind)
    return MAPPINGS[kind]
