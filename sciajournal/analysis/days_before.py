"""The days of a range worked out before, reused for the days a change did not touch.

A day's figures (series.Day) are those of the walks, ratings, ice/heat sessions and doses
of that local date and nothing else. After a save, the days of the entries it added,
edited or deleted (changed_entries: by identity, the edited entry's old date and its new
one) are worked out again, each from that date's entries in their list's order (so its
sums add up in the same order as a full series), and every other day is the Day of the
series before. tests/analysis/test_reuse_after_edits.py holds it to a full series, edit by edit.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from typing import Any, TypeVar

from sciajournal.analysis.changed_entries import Changed, changed, on_days
from sciajournal.analysis.series import Day, daily_series
from sciajournal.core.entities import MedicationDose, PainRating, Treatment, Walk

#: Series kept to start from: one per range a patient switches between.
KEPT_RANGES = 3

T = TypeVar("T")
_start: Callable[[Any], datetime] = attrgetter("start")
_at: Callable[[Any], datetime] = attrgetter("at")


@dataclass(frozen=True, slots=True)
class _Series:
    first_day: date
    last_day: date
    #: Copies of what the series was worked out from.
    walks: list[Walk]
    ratings: list[PainRating]
    treatments: list[Treatment]
    doses: list[MedicationDose]
    days: list[Day]


class DaysBefore:
    """Daily series of earlier analyses of one journal (see the module text)."""

    def __init__(self) -> None:
        #: The last few series, most recent last.
        self._kept: list[_Series] = []

    def daily_series(
        self,
        first_day: date,
        last_day: date,
        walks: Sequence[Walk],
        ratings: Sequence[PainRating],
        treatments: Sequence[Treatment],
        medications: Sequence[MedicationDose],
    ) -> list[Day]:
        """As series.daily_series, working out again only the days whose entries changed."""
        inputs = (list(walks), list(ratings), list(treatments), list(medications))
        earlier = next(
            (s for s in self._kept if (s.first_day, s.last_day) == (first_day, last_day)), None
        )
        days = None
        if earlier is not None:
            self._kept.remove(earlier)
            days = self._after_changes(earlier, *inputs)
        if days is None:
            days = daily_series(first_day, last_day, *inputs)
        self._kept.append(_Series(first_day, last_day, *inputs, days))
        del self._kept[:-KEPT_RANGES]
        return list(days)

    @staticmethod
    def _after_changes(
        earlier: _Series,
        walks: list[Walk],
        ratings: list[PainRating],
        treatments: list[Treatment],
        doses: list[MedicationDose],
    ) -> list[Day] | None:
        changes: list[tuple[Changed[Any] | None, Callable[[Any], datetime]]] = [
            (changed(earlier.walks, walks), _start),
            (changed(earlier.ratings, ratings), _at),
            (changed(earlier.treatments, treatments), _start),
            (changed(earlier.doses, doses), _at),
        ]
        touched: set[date] = set()
        for found, when in changes:
            if found is None:
                return None
            touched.update(when(entry).date() for entry in found.both())
        first, last = earlier.first_day, earlier.last_day
        touched = {day for day in touched if first <= day <= last}
        days = list(earlier.days)
        if not touched:
            return days
        walks_on = _by_day(walks, _start, touched)
        ratings_on = _by_day(ratings, _at, touched)
        treatments_on = _by_day(treatments, _start, touched)
        doses_on = _by_day(doses, _at, touched)
        for day in touched:
            (days[(day - first).days],) = daily_series(
                day,
                day,
                walks_on.get(day, []),
                ratings_on.get(day, []),
                treatments_on.get(day, []),
                doses_on.get(day, []),
            )
        return days


def _by_day(
    entries: list[T], when: Callable[[T], datetime], days: set[date]
) -> dict[date, list[T]]:
    """The entries of each of `days`, in their list's order."""
    grouped: dict[date, list[T]] = {}
    for entry in on_days(entries, when, days):
        grouped.setdefault(when(entry).date(), []).append(entry)
    return grouped
