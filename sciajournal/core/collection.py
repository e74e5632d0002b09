"""All entries of a journal (or of a date range), grouped by kind, in time order.

This is what analysis, the report and the exchange format read: plain lists of
immutable entries, no database session behind them.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sciajournal.core.entities import (
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

#: Exchange-format key (and attribute name below) of each entry kind, in document order.
KIND_KEYS: dict[type[Any], str] = {
    Walk: "walks",
    PainRating: "pain",
    Treatment: "treatments",
    MedicationDose: "medications",
    RedFlagCheck: "red_flags",
    Note: "notes",
    BothersomenessCheck: "bothersomeness",
    FunctionActivity: "function_activities",
    FunctionRating: "function_ratings",
}


def time_order(entry: Entry) -> tuple[Any, str]:
    """Sort key: the instant, then the id so that ties are stable."""
    return entry.when, entry.id


@dataclass
class Entries:
    walks: list[Walk] = field(default_factory=list)
    pain: list[PainRating] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    medications: list[MedicationDose] = field(default_factory=list)
    red_flags: list[RedFlagCheck] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    bothersomeness: list[BothersomenessCheck] = field(default_factory=list)
    #: Every activity named for the functional scale, retired ones too (their scores stay).
    function_activities: list[FunctionActivity] = field(default_factory=list)
    function_ratings: list[FunctionRating] = field(default_factory=list)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> "Entries":
        grouped = cls()
        for entry in entries:
            grouped.list_for(type(entry)).append(entry)
        for key in KIND_KEYS.values():
            getattr(grouped, key).sort(key=time_order)
        return grouped

    def list_for(self, kind: type[Any]) -> list[Entry]:
        entries: list[Entry] = getattr(self, KIND_KEYS[kind])
        return entries

    def __iter__(self) -> Iterator[Entry]:
        """Every entry, kind by kind."""
        for key in KIND_KEYS.values():
            yield from getattr(self, key)

    def __len__(self) -> int:
        return sum(len(getattr(self, key)) for key in KIND_KEYS.values())
