"""Plot-ready numbers for the three charts, from the analysis. No Qt, no rules of its own.

x values are seconds since the epoch at noon UTC of each local date, shown by a date axis
with no offset, so a day never slips to its neighbour whatever the machine's time zone.
"""

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.progression import GuideWarning
from sciajournal.analysis.series import Day, WeekPoint, weekly_points

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

    # Days and weeks carry the same fields; a week's bar sits over its Thursday.
    periods: list[tuple[date, float, str, Day | WeekPoint]] = (
        [(w.monday, day_x(w.monday) + 3 * DAY, f"Week of {w.monday:%a %d %b %Y}", w)
         for w in weekly_points(analysis.days)]
        if weekly
        else [(d.day, day_x(d.day), f"{d.day:%a %d %b %Y}", d) for d in analysis.days]
    )  # fmt: skip
    for key, x, title, period in periods:
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
        flagged = flagged_days.get(key, 0)
        if flagged:
            data.flagged_x.append(x)
            data.flagged_count.append(flagged)
        data.hover.append(
            f"{title}: walked {period.walk_minutes:g} min · "
            f"back {_pain_text(period.back_mean, period.back_max)} · "
            f"leg {_pain_text(period.leg_mean, period.leg_max)}"
            + _extras(flagged, period.treatments, period.medication_doses)
        )
    return data


def _extras(flagged: int, treatments: int, doses: int) -> str:
    parts = []
    if flagged:
        parts.append(f"pain continued after {flagged} walk{'s' if flagged > 1 else ''}")
    if treatments:
        parts.append(f"ice/heat {treatments}×")
    if doses:
        parts.append(f"medication {doses}×")
    return (" · " + " · ".join(parts)) if parts else ""


@dataclass
class WeeklyData:
    x: list[float] = field(default_factory=list)
    minutes: list[float] = field(default_factory=list)
    above_guide: list[bool] = field(default_factory=list)
    #: The most the guide allowed each week (the week before + 10 %); NaN without a week before.
    guide: list[float] = field(default_factory=list)
    target_x: float | None = None
    target_minutes: float | None = None
    hover: list[str] = field(default_factory=list)


def weekly_data(analysis: JournalAnalysis) -> WeeklyData:
    data = WeeklyData()
    increase = 1 + analysis.settings.weekly_increase_percent / 100
    previous: float | None = None
    for week in analysis.progression.weeks:
        data.x.append(day_x(week.monday) + 3 * DAY)
        data.minutes.append(week.minutes)
        data.above_guide.append(week.warning is not GuideWarning.NONE)
        data.guide.append(previous * increase if previous else NAN)
        change = "" if week.change_percent is None else f" ({week.change_percent:+.0f} %)"
        warning = {
            GuideWarning.NONE: "",
            GuideWarning.ABOVE_GUIDE: " · above the weekly guide",
            GuideWarning.WELL_ABOVE: " · well above the guide over two weeks",
        }[week.warning]
        data.hover.append(
            f"Week of {week.monday:%d %b %Y}: {week.minutes:g} min in {week.walks} "
            f"walk{'s' if week.walks != 1 else ''}{change}{warning}"
        )
        previous = week.minutes
    progression = analysis.progression
    if progression.target_minutes is not None:
        data.target_x = day_x(progression.target_week) + 3 * DAY
        data.target_minutes = progression.target_minutes
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
    data = ResponseData()
    outcomes = {o.walk.id: o for o in analysis.outcomes}
    for response in analysis.responses:
        # "Afterwards" is the worse of the follow-up and the next morning (what a flag is
        # about); only a walk with neither is placed by its end-of-walk change.
        later = [
            (change, measured_at)
            for change, measured_at in (
                (response.change_follow_up, "follow-up"),
                (response.change_next_morning, "next morning"),
            )
            if change is not None
        ]
        if not later and response.change_end is not None:
            later = [(response.change_end, "end of walk")]
        if not later:
            continue
        change, measured_at = max(later, key=lambda pair: pair[0])
        walk = outcomes[response.walk_id].walk
        outcome = response.outcome.value.replace("_", " ")
        data.points.append(
            ResponsePoint(
                response.minutes,
                change,
                response.outcome,
                measured_at,
                f"{walk.start:%a %d %b %Y %H:%M}: {response.minutes:g} min, "
                f"pain {change:+d} at the {measured_at} ({outcome})",
            )
        )
    for band in analysis.bands:
        rate = (
            "no walks"
            if band.flag_rate is None
            else (f"{band.pain_continued} of {band.decided} flagged ({band.flag_rate:.0%})")
        )
        data.bands.append((band.low, band.high, f"{band.label}: {rate}"))
    return data
