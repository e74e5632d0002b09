"""The ISO weeks (Monday to Sunday) a range touches, and which of them are partial.

Weekly figures are whole-week figures, whatever the range on screen: a week the range
covers only in part, or the week still in progress, is marked so, never cut or left out.
Walking progression and the function measures' weekly figures share these marks.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache


@cache  # called for every rating and walk of ten years, on a few thousand distinct dates
def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def partly_outside_range(monday: date, first_day: date, last_day: date, today: date) -> bool:
    """The range covers only part of the week. The days after today are not outside the
    range: they have not happened yet."""
    return monday < first_day or min(monday + timedelta(days=6), today) > last_day


@dataclass(frozen=True, slots=True)
class RangeWeek:
    monday: date
    #: The week holding today: its figures are "so far".
    in_progress: bool
    #: The range covers only part of the week; the figures are still the whole week's.
    partly_outside_range: bool

    @property
    def partial(self) -> bool:
        return self.in_progress or self.partly_outside_range

    @property
    def iso_week(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


def range_weeks(first_day: date, last_day: date, today: date) -> list[RangeWeek]:
    """Every ISO week holding a day of first_day..last_day, oldest first."""
    first, last = monday_of(first_day), monday_of(last_day)
    this_monday = monday_of(today)
    return [
        RangeWeek(
            monday,
            in_progress=monday == this_monday,
            partly_outside_range=partly_outside_range(monday, first_day, last_day, today),
        )
        for monday in (first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1))
    ]
