"""Sleep and sitting week by week, from the morning and bedtime ratings.

The morning rating can record how often pain woke the patient and hours slept; the
bedtime rating the longest sitting that was comfortable that day. The report gives weekly
figures without a meaningful-change call (domain.md): no such value is established. Whole
ISO weeks (week_frame); partial weeks are marked, and the week in progress is shown (it
holds the latest figures); a week with nothing recorded is None, never zero.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from statistics import fmean
from typing import Protocol

from sciajournal.analysis.week_frame import RangeWeek, monday_of, range_weeks

NO_VERDICT = "weekly figures, without a meaningful-change call"


class SleepSittingRating(Protocol):
    """What this module reads of a pain rating."""

    @property
    def at(self) -> datetime: ...
    @property
    def times_woken(self) -> int | None: ...
    @property
    def hours_slept(self) -> float | None: ...
    @property
    def comfortable_sitting_minutes(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class SleepSittingWeek:
    week: RangeWeek
    #: Nights with times woken recorded, and their mean (None: none recorded).
    woken_nights: int
    times_woken_mean: float | None
    #: Nights with hours slept recorded, and their mean.
    slept_nights: int
    hours_slept_mean: float | None
    #: Days with the longest comfortable sitting recorded, and the longest of them.
    sitting_days: int
    longest_sitting_minutes: float | None

    @property
    def recorded(self) -> bool:
        return bool(self.woken_nights or self.slept_nights or self.sitting_days)


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def sleep_sitting_weeks(
    ratings: Iterable[SleepSittingRating], first_day: date, last_day: date, today: date
) -> list[SleepSittingWeek]:
    """One figure set per ISO week the range touches, over the whole week's ratings."""
    weeks = range_weeks(first_day, last_day, today)
    woken: dict[date, list[float]] = {week.monday: [] for week in weeks}
    slept: dict[date, list[float]] = {week.monday: [] for week in weeks}
    sitting: dict[date, list[float]] = {week.monday: [] for week in weeks}
    for rating in ratings:
        monday = monday_of(rating.at.date())
        if monday not in woken:
            continue
        if rating.times_woken is not None:
            woken[monday].append(rating.times_woken)
        if rating.hours_slept is not None:
            slept[monday].append(rating.hours_slept)
        if rating.comfortable_sitting_minutes is not None:
            sitting[monday].append(rating.comfortable_sitting_minutes)
    return [
        SleepSittingWeek(
            week=week,
            woken_nights=len(woken[week.monday]),
            times_woken_mean=_mean(woken[week.monday]),
            slept_nights=len(slept[week.monday]),
            hours_slept_mean=_mean(slept[week.monday]),
            sitting_days=len(sitting[week.monday]),
            longest_sitting_minutes=max(sitting[week.monday], default=None),
        )
        for week in weeks
    ]


@dataclass(frozen=True, slots=True)
class SleepSittingDay:
    """One day's figures; None where that day's ratings recorded nothing, never zero."""

    #: From the day's morning rating (last night); the latest one if there were several.
    times_woken: int | None
    hours_slept: float | None
    #: From the bedtime rating; the longest if several recorded it.
    longest_sitting_minutes: float | None


def sleep_sitting_by_day(ratings: Iterable[SleepSittingRating]) -> dict[date, SleepSittingDay]:
    """The days on which something was recorded, each with its figures."""
    woken: dict[date, int] = {}
    slept: dict[date, float] = {}
    sitting: dict[date, float] = {}
    for rating in sorted(ratings, key=lambda r: r.at):
        day = rating.at.date()
        if rating.times_woken is not None:
            woken[day] = rating.times_woken  # later ratings of the day overwrite earlier
        if rating.hours_slept is not None:
            slept[day] = rating.hours_slept
        if rating.comfortable_sitting_minutes is not None:
            sitting[day] = max(sitting.get(day, 0.0), rating.comfortable_sitting_minutes)
    return {
        day: SleepSittingDay(woken.get(day), slept.get(day), sitting.get(day))
        for day in sorted(woken.keys() | slept.keys() | sitting.keys())
    }


def latest_recorded(weeks: list[SleepSittingWeek]) -> SleepSittingWeek | None:
    """The newest week with anything recorded; None when nothing was."""
    return next((week for week in reversed(weeks) if week.recorded), None)


@dataclass(frozen=True, slots=True)
class FigureWeek:
    """One figure of one week: the value and how many nights (or days) it rests on."""

    week: RangeWeek
    value: float
    count: int


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure in the first week that has it and in the latest week that has it, the
    week in progress included: the most recent figures are the ones a clinician needs,
    however few nights they rest on (the week is marked "so far")."""

    first: FigureWeek
    latest: FigureWeek

    @property
    def one_week(self) -> bool:
        return self.first.week == self.latest.week


@dataclass(frozen=True, slots=True)
class SleepSittingSpans:
    """Each figure on its own: a week without a sitting figure is no baseline for sitting."""

    woken: FigureSpan | None
    slept: FigureSpan | None
    sitting: FigureSpan | None

    @property
    def recorded(self) -> bool:
        return any((self.woken, self.slept, self.sitting))


def _span(weeks: list[SleepSittingWeek], figure: str, count: str) -> FigureSpan | None:
    with_figure = [
        FigureWeek(week.week, value, getattr(week, count))
        for week in weeks
        if (value := getattr(week, figure)) is not None
    ]
    if not with_figure:
        return None
    # The first week inside the period where there is one: a week that began before the
    # period is mostly days the report was not asked about.
    inside = [f for f in with_figure if f.week.in_progress or not f.week.partly_outside_range]
    return FigureSpan((inside or with_figure)[0], with_figure[-1])


def sleep_sitting_spans(weeks: list[SleepSittingWeek]) -> SleepSittingSpans:
    """For each figure, its first week (inside the period where there is one) and its
    latest week, the week in progress included (None: never recorded)."""
    return SleepSittingSpans(
        woken=_span(weeks, "times_woken_mean", "woken_nights"),
        slept=_span(weeks, "hours_slept_mean", "slept_nights"),
        sitting=_span(weeks, "longest_sitting_minutes", "sitting_days"),
    )
