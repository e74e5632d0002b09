"""Plot-ready numbers for the three charts, from the analysis. No Qt, no rules of its own.

x values are seconds since the epoch at noon UTC of each local date, shown by a date axis
with no offset, so a day never slips to its neighbour whatever the machine's time zone.
"""

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from operator import attrgetter
from typing import Generic, TypeVar

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.outcomes import OUTCOME_TEXT, Outcome
from sciajournal.analysis.progression import GuideWarning
from sciajournal.analysis.red_flags import WORDING, Urgency, most_urgent, signs_text
from sciajournal.analysis.series import Day, WeekPoint, weekly_points
from sciajournal.core.entities import RedFlagCheck

DAY = 86_400.0
#: Longer ranges are drawn week by week so that bars stay readable.
WEEKLY_FROM_DAYS = 120
NAN = math.nan


def day_x(day: date) -> float:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()


def _or_nan(value: float | None) -> float:
    return NAN if value is None else float(value)


@dataclass
class TimelineData:
    by_week: bool
    x: list[float] = field(default_factory=list)
    bar_width: float = DAY * 0.8
    minutes: list[float] = field(default_factory=list)
    back_mean: list[float] = field(default_factory=list)
    back_max: list[float] = field(default_factory=list)
    leg_mean: list[float] = field(default_factory=list)
    leg_max: list[float] = field(default_factory=list)
    #: Days (or weeks) with a walk after which pain continued, and how many such walks.
    flagged_x: list[float] = field(default_factory=list)
    flagged_count: list[int] = field(default_factory=list)
    treatment_x: list[float] = field(default_factory=list)
    medication_x: list[float] = field(default_factory=list)
    #: Each red-flag check that found a sign, at its day (or week), by its grade; checks
    #: that found none are not marked.
    red_flag_x: dict[Urgency, list[float]] = field(
        default_factory=lambda: {grade: [] for grade in Urgency}
    )
    hover: list[str] = field(default_factory=list)


def _pain_text(mean: float | None, maximum: int | None) -> str:
    return "–" if mean is None else f"{mean:g} (max {maximum})"


def timeline_data(analysis: JournalAnalysis, by_week: bool | None = None) -> TimelineData:
    length = (analysis.last_day - analysis.first_day).days + 1
    weekly = length > WEEKLY_FROM_DAYS if by_week is None else by_week
    data = TimelineData(by_week=weekly, bar_width=DAY * (7 * 0.8 if weekly else 0.8))
    flagged_days: dict[date, int] = {}
    for result in analysis.outcomes:
        if result.outcome is Outcome.PAIN_CONTINUED:
            day = result.walk.start.date()
            key = day - timedelta(days=day.weekday()) if weekly else day
            flagged_days[key] = flagged_days.get(key, 0) + 1
    red_flags: dict[date, list[RedFlagCheck]] = {}
    for check in analysis.red_flag_history.flagged:
        day = check.at.date()
        red_flags.setdefault(day - timedelta(days=day.weekday()) if weekly else day, []).append(
            check
        )

    # Days and weeks carry the same fields; a week's bar sits over its Thursday.
    periods = _weeks(analysis.days) if weekly else analysis.days
    rows = _ROWS[weekly]
    for period in periods:
        key = period.monday if isinstance(period, WeekPoint) else period.day
        flagged = flagged_days.get(key, 0)
        checks = sorted(red_flags.get(key, []), key=lambda check: check.at)
        row = rows.get((period, *checks), partial(_row, period, flagged, checks), flagged)
        x = row.x
        data.x.append(x)
        data.minutes.append(period.walk_minutes)
        data.back_mean.append(_or_nan(period.back_mean))
        data.back_max.append(_or_nan(period.back_max))
        data.leg_mean.append(_or_nan(period.leg_mean))
        data.leg_max.append(_or_nan(period.leg_max))
        if period.treatments:
            data.treatment_x.append(x)
        if period.medication_doses:
            data.medication_x.append(x)
        if flagged:
            data.flagged_x.append(x)
            data.flagged_count.append(flagged)
        for grade in row.grades:
            data.red_flag_x[grade].append(x)
        data.hover.append(row.hover)
    rows.forget_unused()
    return data


@dataclass(frozen=True, slots=True)
class _Row:
    """What a day's or week's place on the timeline shows beside its figures."""

    x: float
    hover: str
    #: The grade of each red-flag check that found a sign, in time order.
    grades: tuple[Urgency, ...]


def _row(period: Day | WeekPoint, flagged: int, checks: list[RedFlagCheck]) -> _Row:
    if isinstance(period, WeekPoint):
        x, title = day_x(period.monday) + 3 * DAY, f"Week of {period.monday:%a %d %b %Y}"
    else:
        x, title = day_x(period.day), f"{period.day:%a %d %b %Y}"
    grades = tuple(grade for check in checks if (grade := most_urgent(check.signs)) is not None)
    hover = (
        f"{title}: walked {period.walk_minutes:g} min · "
        f"back {_pain_text(period.back_mean, period.back_max)} · "
        f"leg {_pain_text(period.leg_mean, period.leg_max)}"
        + _extras(flagged, period.treatments, period.medication_doses)
        + "".join(_red_flag_text(check) for check in checks)
    )
    return _Row(x, hover, grades)


K = TypeVar("K", bound=tuple[object, ...])
V = TypeVar("V")


class _ByIdentity(Generic[K, V]):
    """Values worked out from immutable objects, kept under those objects' identity.

    After a save the analysis hands out the same Day objects for every day the save did
    not touch (analysis/days_before.py): their weeks and their places on the timeline are
    then what they were, and ten years of them took as long to work out again as the
    analysis itself (issue 14). A key's objects are kept with its value, so no other
    object can take their ids meanwhile; what the last call did not use is let go.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[Hashable, ...], tuple[K, V]] = {}
        self._used: dict[tuple[Hashable, ...], tuple[K, V]] = {}

    def get(self, objects: K, work_out: Callable[[], V], value: Hashable = None) -> V:
        """What `work_out` gives for `objects` (and `value`, compared by equality)."""
        key = (*map(id, objects), value)
        found = self._kept.get(key)
        if found is None:
            found = (objects, work_out())
        self._used[key] = self._kept[key] = found
        return found[1]

    def forget_unused(self) -> None:
        self._kept, self._used = self._used, {}


_ROWS: dict[bool, _ByIdentity[tuple[object, ...], _Row]] = {
    True: _ByIdentity(),
    False: _ByIdentity(),
}
_WEEKS: _ByIdentity[tuple[Day, ...], WeekPoint] = _ByIdentity()


def _weeks(days: list[Day]) -> list[WeekPoint]:
    """series.weekly_points(days), each week's worked out again only if one of its days
    is a new object. Consecutive days (as an analysis gives them) are cut into weeks by
    position; other lists go to weekly_points as they are."""
    if not days:
        return []
    first = days[0].day.toordinal()
    if list(map(date.toordinal, map(_day_of, days))) != list(range(first, first + len(days))):
        return weekly_points(days)
    points = []
    start = 0
    while start < len(days):
        end = start + 7 - days[start].day.weekday()
        week = tuple(days[start:end])
        points.append(_WEEKS.get(week, partial(_week_point, week)))
        start = end
    _WEEKS.forget_unused()
    return points


_day_of: Callable[[Day], date] = attrgetter("day")


def _week_point(days: tuple[Day, ...]) -> WeekPoint:
    (point,) = weekly_points(days)
    return point


def _red_flag_text(check: RedFlagCheck) -> str:
    """ " · RED FLAG, emergency now (Tue 17 Mar 08:00): Loss of bowel or bladder control"."""
    grade = most_urgent(check.signs)
    if grade is None:
        return ""
    return (
        f" · RED FLAG, {WORDING[grade].grade.lower()} ({check.at:%a %d %b %H:%M}): "
        f"{signs_text(check.signs)}"
    )


def _extras(flagged: int, treatments: int, doses: int) -> str:
    parts = []
    if flagged:
        parts.append(f"pain continued after {flagged} walk{'s' if flagged > 1 else ''}")
    if treatments:
        parts.append(f"ice/heat {treatments}×")
    if doses:
        parts.append(f"medication {doses}×")
    return (" · " + " · ".join(parts)) if parts else ""


#: Under the weekly chart: what the axis marks mean.
PARTIAL_WEEK_NOTE = "* week only partly in the range (whole-week figures shown)"


@dataclass
class WeeklyData:
    x: list[float] = field(default_factory=list)
    minutes: list[float] = field(default_factory=list)
    above_guide: list[bool] = field(default_factory=list)
    #: Of those, the weeks with the stronger warning (more than 30 % over two weeks), for
    #: a drawing distinct from "above": GuideWarning.WELL_ABOVE.
    well_above: list[bool] = field(default_factory=list)
    #: The most the guide allowed each week (from the analysis); NaN without a week before.
    guide: list[float] = field(default_factory=list)
    guide_label: str = "Guide"
    target_x: float | None = None
    target_minutes: float | None = None
    #: Why no target, or why it is held: shown instead of (or with) the target.
    target_note: str = ""
    #: The week the target is for, as said on the chart: "week of 23 Mar (next week)".
    target_week: str = ""
    hover: list[str] = field(default_factory=list)
    #: The x-axis label of each week: its Monday, marked "*" when the range covers only
    #: part of it and "so far" while it is in progress.
    labels: list[str] = field(default_factory=list)


WARNING_TEXT = {
    GuideWarning.NONE: "",
    GuideWarning.ABOVE_GUIDE: " · above the weekly guide",
    GuideWarning.WELL_ABOVE: " · well above the guide over two weeks",
    GuideWarning.RESTART_TOO_FAST: " · restart after a break: resume lighter",
}


def weekly_data(analysis: JournalAnalysis) -> WeeklyData:
    settings = analysis.settings
    data = WeeklyData(guide_label=f"Guide: week before + {settings.weekly_increase_percent:g} %")
    for week in analysis.progression.weeks:
        data.x.append(day_x(week.monday) + 3 * DAY)
        data.minutes.append(week.minutes)
        data.above_guide.append(week.warning is not GuideWarning.NONE)
        data.well_above.append(week.warning is GuideWarning.WELL_ABOVE)
        data.guide.append(_or_nan(week.guide_minutes))
        change = "" if week.change_percent is None else f" ({week.change_percent:+.0f} %)"
        labels = [
            label
            for label, present in (
                ("so far", week.in_progress),
                ("partly outside the range, whole-week figures", week.partly_outside_range),
            )
            if present
        ]
        label = f" [{'; '.join(labels)}]" if labels else ""
        data.labels.append(
            f"{week.monday:%d %b}"
            + ("*" if week.partly_outside_range else "")
            + (" so far" if week.in_progress else "")
        )
        data.hover.append(
            f"Week of {week.monday:%d %b %Y}{label}: {week.minutes:g} min in {week.walks} "
            f"walk{'s' if week.walks != 1 else ''}{change}{WARNING_TEXT[week.warning]}"
        )
    target = analysis.progression.target
    if target.minutes is not None:
        data.target_x = day_x(target.week) + 3 * DAY
        data.target_minutes = target.minutes
    data.target_note = target.reason or ""
    data.target_week = f"week of {target.week:%d %b}" + (" (next week)" if target.next_week else "")
    return data


@dataclass
class ResponsePoint:
    minutes: float
    change: int
    outcome: Outcome
    #: Which measurement `change` is: "follow-up", "next morning" or "end of walk".
    measured_at: str
    label: str


@dataclass
class ResponseData:
    points: list[ResponsePoint] = field(default_factory=list)
    #: (low, high, label text) for each walk-length band.
    bands: list[tuple[float, float, str]] = field(default_factory=list)


def response_data(analysis: JournalAnalysis) -> ResponseData:
    """Each walk at its "change afterwards" as the analysis chose it (the worse of back
    and leg, at the follow-up or next morning)."""
    data = ResponseData()
    outcomes = {o.walk.id: o for o in analysis.outcomes}
    for response in analysis.responses:
        change, measured_at = response.afterwards, response.afterwards_measured_at
        if change is None or measured_at is None:
            continue
        walk = outcomes[response.walk_id].walk
        data.points.append(
            ResponsePoint(
                response.minutes,
                change.worst,
                response.outcome,
                measured_at,
                f"{walk.start:%a %d %b %Y %H:%M}: {response.minutes:g} min, "
                f"pain {change.text} at the {measured_at} ({OUTCOME_TEXT[response.outcome]})",
            )
        )
    for band in analysis.bands:
        rate = (
            "no judged walks"
            if band.flag_rate is None
            else (f"{band.pain_continued} of {band.decided} flagged ({band.flag_rate:.0%})")
        )
        data.bands.append((band.low, band.high, f"{band.label}: {rate}"))
    return data
