"""Weekly walking volume against the 10 %-a-week guide (domain.md, rule 3).

Weeks are ISO weeks, Monday to Sunday, by the local date each walk was logged in.
Every week of the range is present, walked or not, so a rest week is a zero, not a gap.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sciajournal.analysis.outcomes import Outcome, WalkOutcome
from sciajournal.core.entities import Walk
from sciajournal.core.settings import Settings

TOLERANCE_WEEKS = 4


class GuideWarning(StrEnum):
    NONE = "none"
    ABOVE_GUIDE = "above_guide"  # more than 10 % above last week
    WELL_ABOVE = "well_above"  # more than 30 % above two weeks before


@dataclass(frozen=True, slots=True)
class WeekVolume:
    monday: date
    minutes: float
    distance_km: float
    walks: int
    pain_continued: int
    #: Percent change against the previous week; None when that week had no walking.
    change_percent: float | None
    #: Percent change against two weeks before; None when that week had no walking.
    two_week_change_percent: float | None
    warning: GuideWarning

    @property
    def iso_week(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True, slots=True)
class Progression:
    weeks: list[WeekVolume]
    #: The week the target is for: the one after the last complete week of the range.
    target_week: date
    #: Suggested minutes for `target_week`; None when the week before had no walking.
    target_minutes: float | None
    #: True when the target was held at the previous week's volume because pain continued.
    target_held_back: bool
    #: The longest settled walk in the last four weeks (minutes), or None.
    tolerance_minutes: float | None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def percent_change(now: float, before: float) -> float | None:
    if before <= 0:
        return None
    return (now - before) / before * 100


def weekly_volume(
    walks: Sequence[Walk],
    outcomes: Sequence[WalkOutcome],
    first_day: date,
    last_day: date,
    settings: Settings,
) -> Progression:
    """Weeks from the one holding `first_day` to the one holding `last_day`."""
    first_monday, last_monday = monday_of(first_day), monday_of(last_day)
    count = (last_monday - first_monday).days // 7 + 1
    minutes = [0.0] * count
    distance = [0.0] * count
    walk_counts = [0] * count
    continued = [0] * count
    for walk in walks:
        index = (monday_of(walk.start.date()) - first_monday).days // 7
        if 0 <= index < count:
            minutes[index] += walk.minutes
            distance[index] += walk.distance_km or 0.0
            walk_counts[index] += 1
    for result in outcomes:
        index = (monday_of(result.walk.start.date()) - first_monday).days // 7
        if 0 <= index < count and result.outcome is Outcome.PAIN_CONTINUED:
            continued[index] += 1

    weeks: list[WeekVolume] = []
    for index in range(count):
        change = percent_change(minutes[index], minutes[index - 1]) if index >= 1 else None
        two_week = percent_change(minutes[index], minutes[index - 2]) if index >= 2 else None
        if two_week is not None and two_week > settings.two_week_increase_percent:
            warning = GuideWarning.WELL_ABOVE
        elif change is not None and change > settings.weekly_increase_percent:
            warning = GuideWarning.ABOVE_GUIDE
        else:
            warning = GuideWarning.NONE
        weeks.append(
            WeekVolume(
                monday=first_monday + timedelta(weeks=index),
                minutes=minutes[index],
                distance_km=round(distance[index], 3),
                walks=walk_counts[index],
                pain_continued=continued[index],
                change_percent=change,
                two_week_change_percent=two_week,
                warning=warning,
            )
        )

    # The target builds on the last complete week: with the range ending mid-week, that is
    # the week before, and the target is for the week in progress.
    base = weeks[-1] if last_day.weekday() == 6 or len(weeks) == 1 else weeks[-2]
    held_back = base.pain_continued > 0
    if base.minutes <= 0:
        target = None
    elif held_back:
        target = base.minutes
    else:
        target = round(base.minutes * (1 + settings.weekly_increase_percent / 100), 1)
    return Progression(
        weeks=weeks,
        target_week=base.monday + timedelta(weeks=1),
        target_minutes=target,
        target_held_back=held_back and target is not None,
        tolerance_minutes=current_tolerance(outcomes, last_day),
    )


def current_tolerance(outcomes: Sequence[WalkOutcome], last_day: date) -> float | None:
    """The longest walk that settled in the four weeks up to `last_day`."""
    since = last_day - timedelta(weeks=TOLERANCE_WEEKS) + timedelta(days=1)
    settled = [
        result.walk.minutes
        for result in outcomes
        if result.outcome is Outcome.SETTLED and since <= result.walk.start.date() <= last_day
    ]
    return max(settled) if settled else None
