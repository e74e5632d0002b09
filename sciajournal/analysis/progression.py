"""Weekly walking volume against the 10 %-a-week guide (domain.md, rule 3).

Weeks are whole ISO weeks (Monday to Sunday, by the local date each walk was logged in)
of the whole journal: a week's figures never depend on the range on screen, which only
selects the weeks shown. A rest week is a zero, not a gap. The week in progress is
"so far" and never warned. After a week or more without walking the patient should
resume lighter; an increase is suggested only when last week's walks were judged settled.

A week that rose above what the guide allowed it is not a base for the next week's guide:
the guide builds on the lower of that week's minutes and its allowance (guide_base), so
one spike week does not raise the bar for the week after it (docs/report-format.md).
"""

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from sciajournal.analysis.outcomes import Outcome, WalkOutcome
from sciajournal.analysis.red_flags import WORDING, most_urgent
from sciajournal.analysis.week_frame import monday_of as monday_of  # re-exported, as before
from sciajournal.analysis.week_frame import partly_outside_range
from sciajournal.core.entities import RedFlagCheck, Walk
from sciajournal.core.settings import Settings

#: "Current tolerance" is the longest settled walk over this many weeks.
TOLERANCE_WEEKS = 4
#: This many weeks without walking make the next walking week a restart.
BREAK_WEEKS = 1
#: weekly_volume compares a week with the two before it, and its target builds on the
#: week before the range at the earliest: whole weeks from this many weeks before the
#: range's first week, plus the last week with walking before those, give the same figures
#: as the whole journal (see history_monday).
WEEKS_LOOKED_BACK = 3


class GuideWarning(StrEnum):
    NONE = "none"
    ABOVE_GUIDE = "above_guide"  # above this week's guide (guide_minutes)
    WELL_ABOVE = "well_above"  # more than 30 % above two weeks before, even after a fall
    RESTART_TOO_FAST = "restart_too_fast"  # after a break, near the old volume


class TargetKind(StrEnum):
    INCREASE = "increase"  # last week + 10 %: its walks settled, none after a painkiller
    HOLD = "hold"  # last week's volume: pain continued after a walk that week
    RESTART = "restart"  # about half of the last active week, after a break
    NONE = "none"  # no suggestion: no evidence (see the reason), or no walking yet


@dataclass(frozen=True, slots=True)
class WeekVolume:
    monday: date
    minutes: float
    distance_km: float
    walks: int
    settled: int
    #: Of the settled walks, those within the painkiller window: not evidence of tolerance.
    settled_after_painkiller: int
    pain_continued: int
    not_judged: int
    awaiting_follow_up: int
    #: Percent change against the previous week; None when that week had no walking, or
    #: while this week is in progress (a few days are not comparable with a whole week).
    change_percent: float | None
    #: Percent change against two weeks before; None as for change_percent.
    two_week_change_percent: float | None
    #: The most the guide allowed this week: last week's guide_base + 10 %, or after a
    #: break the restart volume + 10 %; None without walking to build on.
    guide_minutes: float | None
    #: What next week's guide builds on: this week's minutes, but no more than this week
    #: was allowed before the spike rule (the week before + 10 %, or the restart guide).
    guide_base_minutes: float
    #: Weeks without walking just before this one, when this week restarts after a break.
    break_weeks: int
    #: The last active week's minutes before the break, for a restart week.
    restart_from_minutes: float | None
    warning: GuideWarning
    #: The week holding today: its figures are "so far", and it is never warned.
    in_progress: bool
    #: The range on screen covers only part of this week; the figures are the whole week's.
    partly_outside_range: bool

    @property
    def iso_week(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def rose(self) -> bool:
        """A complete week with more walking than the week before (or none that week)."""
        if self.in_progress:
            return False  # "so far": judged when it is over
        return self.minutes > 0 and (self.change_percent is None or self.change_percent > 0)

    @property
    def no_change_reason(self) -> str | None:
        """Why change_percent is None, in words; None when there is a change."""
        if self.in_progress:
            return "week in progress: minutes so far are not compared with a whole week"
        if self.change_percent is None:
            return "no walking the week before"
        return None


@dataclass(frozen=True, slots=True)
class Target:
    week: date
    minutes: float | None
    kind: TargetKind
    #: Why the target is held or missing, in words; None for a plain increase.
    reason: str | None
    #: The week the target builds on (target_base_monday: the range's last complete week,
    #: judged on all its walks, even before the range); `week` follows it, or, when that
    #: is the week in progress, the week after (next week).
    base_week: date
    #: `week` is the week after the one holding today ("next week"), not a past range's.
    next_week: bool = False


@dataclass(frozen=True, slots=True)
class Progression:
    #: The weeks touched by the range, with whole-week figures.
    weeks: list[WeekVolume]
    target: Target
    #: The longest settled walk in the last TOLERANCE_WEEKS weeks of the range, or None.
    tolerance_minutes: float | None

    @property
    def weeks_above_guide(self) -> list[WeekVolume]:
        """Complete weeks above their guide or the two-week limit (restarts counted apart)."""
        rising = (GuideWarning.ABOVE_GUIDE, GuideWarning.WELL_ABOVE)
        return [w for w in self.weeks if w.warning in rising]

    @property
    def fast_restarts(self) -> list[WeekVolume]:
        return [w for w in self.weeks if w.warning is GuideWarning.RESTART_TOO_FAST]


def percent_change(now: float, before: float) -> float | None:
    if before <= 0:
        return None
    return (now - before) / before * 100


def guide_minutes(last_week: float, settings: Settings) -> float | None:
    """The most this week may reach against last week's minutes; None after a rest week."""
    if last_week <= 0:
        return None
    return last_week * (1 + settings.weekly_increase_percent / 100)


def restart_minutes(last_active: float, settings: Settings) -> float:
    """ "Resume lighter": the suggested first week after a break."""
    return last_active * settings.restart_percent / 100


def weekly_volume(
    walk_history: Iterable[Walk],
    outcomes: Sequence[WalkOutcome],
    first_day: date,
    last_day: date,
    settings: Settings,
    today: date,
    red_flag_checks: Iterable[RedFlagCheck] = (),
) -> Progression:
    """Weeks holding first_day..last_day, with figures from the whole `walk_history`.

    `outcomes` must cover every walk of judged_weeks (not only of the range) for the
    weeks' counts to be whole-week counts; without them, no target is suggested.
    `red_flag_checks` must cover the target's base week up to today: a red-flag sign
    there means no target at all (domain.md rule 4: stop exercising).
    """
    walks = list(walk_history)
    minutes: defaultdict[date, float] = defaultdict(float)
    distance: defaultdict[date, float] = defaultdict(float)
    walk_counts: Counter[date] = Counter()
    for walk in walks:
        monday = monday_of(walk.start.date())
        minutes[monday] += walk.minutes
        distance[monday] += walk.distance_km or 0.0
        walk_counts[monday] += 1
    kinds: dict[date, Counter[Outcome]] = {}
    masked: Counter[date] = Counter()
    for result in outcomes:
        monday = monday_of(result.walk.start.date())
        kinds.setdefault(monday, Counter())[result.outcome] += 1
        if result.outcome is Outcome.SETTLED and not result.counts_as_tolerated:
            masked[monday] += 1

    first_monday, last_monday = monday_of(first_day), monday_of(last_day)
    this_monday = monday_of(today)
    active = sorted(m for m in minutes if minutes[m] > 0)

    def plain_guide(monday: date) -> tuple[float | None, date | None]:
        """The week's allowance from the week before alone (+ 10 %), or after a break
        from the restart volume; and the last active week it restarts from, if so."""
        now, before = minutes[monday], minutes[monday - timedelta(weeks=1)]
        last_active = _last_active_before(active, monday)
        if (
            now > 0
            and before <= 0
            and last_active is not None
            and (monday - last_active).days // 7 - 1 >= BREAK_WEEKS
        ):
            restart = restart_minutes(minutes[last_active], settings)
            return guide_minutes(restart, settings), last_active
        return guide_minutes(before, settings), None

    def guide_base(monday: date) -> float:
        allowed, _ = plain_guide(monday)
        return minutes[monday] if allowed is None else min(minutes[monday], allowed)

    def week(monday: date) -> WeekVolume:
        now, before = minutes[monday], minutes[monday - timedelta(weeks=1)]
        two_before = minutes[monday - timedelta(weeks=2)]
        in_progress = monday == this_monday
        # The week in progress is "so far": its minutes are shown, never a percentage.
        change = None if in_progress else percent_change(now, before)
        two_week = None if in_progress else percent_change(now, two_before)
        guide, restarts_from = plain_guide(monday)
        break_weeks = 0
        restart_from = None
        if restarts_from is not None:
            break_weeks = (monday - restarts_from).days // 7 - 1
            restart_from = minutes[restarts_from]
        elif before > 0:
            # Not on a spike: a week above its allowance passes on only the allowance.
            guide = guide_minutes(guide_base(monday - timedelta(weeks=1)), settings)
        warning = GuideWarning.NONE
        if in_progress:
            pass  # "so far": a week is judged when it is over
        elif restart_from is not None and guide is not None and _above(now, guide):
            warning = GuideWarning.RESTART_TOO_FAST
        elif two_week is not None and two_week > settings.two_week_increase_percent:
            # Domain rule 3's stronger warning, also for a week that fell against a spike.
            warning = GuideWarning.WELL_ABOVE
        elif guide is not None and _above(now, guide):
            warning = GuideWarning.ABOVE_GUIDE
        counts = kinds.get(monday, Counter())
        return WeekVolume(
            monday=monday,
            minutes=now,
            distance_km=round(distance[monday], 3),
            walks=walk_counts[monday],
            settled=counts[Outcome.SETTLED],
            settled_after_painkiller=masked[monday],
            pain_continued=counts[Outcome.PAIN_CONTINUED],
            not_judged=counts[Outcome.NOT_JUDGED],
            awaiting_follow_up=counts[Outcome.AWAITING_FOLLOW_UP],
            change_percent=change,
            two_week_change_percent=two_week,
            guide_minutes=guide,
            guide_base_minutes=guide_base(monday),
            break_weeks=break_weeks,
            restart_from_minutes=restart_from,
            warning=warning,
            in_progress=in_progress,
            partly_outside_range=partly_outside_range(monday, first_day, last_day, today),
        )

    count = (last_monday - first_monday).days // 7 + 1
    weeks = [week(first_monday + timedelta(weeks=i)) for i in range(count)]
    # It is "next week's target" (domain.md rule 3): when its base is last week, the target
    # is for the week after the one in progress, never for the week already under way; for
    # a range that ended earlier it is the week after the base.
    base_monday = target_base_monday(last_day, today)
    target_monday = base_monday + timedelta(weeks=1)
    if target_monday == this_monday:
        target_monday += timedelta(weeks=1)
    target = _target(
        week(base_monday),
        target_monday,
        active,
        minutes,
        settings,
        next_monday=this_monday + timedelta(weeks=1),
    )
    if target_monday > this_monday > base_monday:
        target = _held_for_the_week_so_far(target, week(base_monday), week(this_monday))
    tomorrow = today + timedelta(days=1)
    flagged = _red_flag_since(red_flag_checks, base_monday, min(tomorrow, target_monday))
    if flagged is not None:
        target = flagged_target(target, flagged)
    return Progression(
        weeks=weeks,
        target=target,
        tolerance_minutes=current_tolerance(outcomes, first_day, last_day),
    )


def target_base_monday(last_day: date, today: date) -> date:
    """The week the target builds on: the range's last complete week.

    That is last week when the range reaches the week in progress, even if the range
    starts after last week's Monday: its walks must then be judged too (judged_weeks).
    """
    this_monday = monday_of(today)
    return min(monday_of(min(last_day, today)), this_monday - timedelta(weeks=1))


def judged_weeks(first_day: date, last_day: date, today: date) -> tuple[date, date]:
    """The first Monday and last Sunday of the days whose walks must be judged for the
    weekly figures of first_day..last_day: the range's whole ISO weeks and the week the
    target builds on, which may be the week before the range starts."""
    first_monday = min(monday_of(first_day), target_base_monday(last_day, today))
    return first_monday, monday_of(last_day) + timedelta(days=6)


def history_monday(first_day: date) -> date:
    """The first Monday whose week's walks weekly_volume may read for a range starting
    on `first_day`; before it, only the last week with walking is needed (a restart's
    "last active week"), and it must be whole."""
    return monday_of(first_day) - timedelta(weeks=WEEKS_LOOKED_BACK)


def _above(minutes: float, guide: float) -> bool:
    """More than the guide, not by a rounding error (100 -> 110 is exactly +10 %)."""
    return minutes > guide * (1 + 1e-9)


def _last_active_before(active: list[date], monday: date) -> date | None:
    """The last week with walking before `monday` (`active` is sorted)."""
    index = bisect_left(active, monday) - 1
    return active[index] if index >= 0 else None


def _target(
    base: WeekVolume,
    week: date,
    active: list[date],
    minutes: defaultdict[date, float],
    settings: Settings,
    next_monday: date,
) -> Target:
    def target(value: float | None, kind: TargetKind, reason: str | None) -> Target:
        rounded = None if value is None else round(value, 1)
        return Target(week, rounded, kind, reason, base.monday, week == next_monday)

    judged = base.settled + base.pain_continued + base.not_judged + base.awaiting_follow_up
    if base.walks > judged:
        # Walks whose outcomes were not given (outside what was read): their pain may have
        # continued, so neither an increase nor "settled" can be claimed.
        return target(
            None,
            TargetKind.NONE,
            f"not judged: the outcome of {_walks(base.walks - judged)} of the week of "
            f"{base.monday:%d %b} was not looked at",
        )
    if base.minutes <= 0:
        last_active = _last_active_before(active, base.monday)
        if last_active is None:
            return target(None, TargetKind.NONE, "no walking yet to build on")
        old = minutes[last_active]
        weeks = (base.monday - last_active).days // 7
        return target(
            restart_minutes(old, settings),
            TargetKind.RESTART,
            f"after {weeks} week{'s' if weeks != 1 else ''} without walking: resume lighter, "
            f"about {settings.restart_percent:g} % of the last active week ({old:g} min)",
        )
    if base.warning is GuideWarning.RESTART_TOO_FAST and base.restart_from_minutes is not None:
        # Holding a restart that was already too fast would keep the patient there.
        return target(
            restart_minutes(base.restart_from_minutes, settings),
            TargetKind.RESTART,
            f"last week restarted at {base.minutes:g} min after {base.break_weeks} "
            f"week{'s' if base.break_weeks != 1 else ''} without walking: resume lighter, "
            f"about {settings.restart_percent:g} % of the last active week "
            f"({base.restart_from_minutes:g} min)",
        )
    # A week above its allowance is no base: hold or build on the allowance instead.
    spike = (
        ""
        if base.guide_base_minutes >= base.minutes
        else f" ({base.guide_base_minutes:.0f} min, what the guide allowed that week; "
        f"{base.minutes:g} min were walked)"
    )
    if base.pain_continued:
        return target(
            base.guide_base_minutes,
            TargetKind.HOLD,
            (f"held at last week's allowance{spike}" if spike else "held at last week's volume")
            + f": pain continued after {_walks(base.pain_continued)}",
        )
    unjudged = []
    if base.awaiting_follow_up:
        unjudged.append(f"{_walks(base.awaiting_follow_up)} awaiting a follow-up")
    if base.not_judged:
        unjudged.append(f"{_walks(base.not_judged)} not judged")
    if base.settled_after_painkiller:
        # The dose may have masked the pain after the walk: settled, but not evidence.
        unjudged.append(
            f"{_walks(base.settled_after_painkiller)} settled, but taken after a painkiller"
        )
    if unjudged:
        return target(
            None,
            TargetKind.NONE,
            f"no increase suggested: last week {' and '.join(unjudged)}; "
            "only walks that settled without a painkiller before them show that an increase "
            "is tolerated",
        )
    return target(
        guide_minutes(base.guide_base_minutes, settings),
        TargetKind.INCREASE,
        f"{settings.weekly_increase_percent:g} % more than last week's allowance{spike}, not "
        "than the minutes walked: a week above the guide is not a base"
        if spike
        else None,
    )


def _held_for_the_week_so_far(target: Target, base: WeekVolume, so_far: WeekVolume) -> Target:
    """No increase for next week while pain continued after a walk of this week: the week
    in progress is never warned, but it is evidence against going further."""
    if target.kind is not TargetKind.INCREASE or not so_far.pain_continued:
        return target
    held = "volume" if base.guide_base_minutes >= base.minutes else "allowance"
    return replace(
        target,
        minutes=round(base.guide_base_minutes, 1),
        kind=TargetKind.HOLD,
        reason=(
            f"held at last week's {held}: pain continued after "
            f"{_walks(so_far.pain_continued)} this week so far"
        ),
    )


def _red_flag_since(
    checks: Iterable[RedFlagCheck], first: date, before: date
) -> RedFlagCheck | None:
    """The most recent check with a red-flag sign from `first` to before `before`."""
    found = [c for c in checks if c.signs and first <= c.at.date() < before]
    return max(found, key=lambda c: c.at, default=None)


def flagged_target(target: Target, check: RedFlagCheck) -> Target:
    urgency = most_urgent(check.signs)
    assert urgency is not None  # a check with signs
    wording = WORDING[urgency]
    return replace(
        target,
        minutes=None,
        kind=TargetKind.NONE,
        reason=(
            f"a red-flag sign was recorded on {check.at:%a %d %b} "
            f"({wording.grade.lower()}: {wording.where}); stop exercising until you have "
            "been seen, then walk as your doctor advises"
        ),
    )


def _walks(count: int) -> str:
    return f"{count} walk{'s' if count != 1 else ''}"


def current_tolerance(
    outcomes: Sequence[WalkOutcome], first_day: date, last_day: date
) -> float | None:
    """The longest walk that settled in the range's last TOLERANCE_WEEKS weeks."""
    since = max(first_day, last_day - timedelta(weeks=TOLERANCE_WEEKS) + timedelta(days=1))
    settled = [
        result.walk.minutes
        for result in outcomes
        if result.counts_as_tolerated and since <= result.walk.start.date() <= last_day
    ]
    return max(settled) if settled else None
