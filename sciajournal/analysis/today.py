"""What the main window's status area shows: today's totals and what needs attention now."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sciajournal.analysis.outcomes import Outcome, WalkOutcome, walk_outcomes
from sciajournal.analysis.progression import monday_of, weekly_volume
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.analysis.red_flag_history import red_flags_in_view
from sciajournal.core.collection import Entries
from sciajournal.core.entities import PainRating, RedFlagCheck, Walk
from sciajournal.core.settings import Settings

#: Follow-ups are asked for until this long after the walk ended; later they stay
#: "awaiting" in the journal without a prompt.
FOLLOW_UP_ASK_WINDOW = timedelta(hours=36)
#: Why a walk whose follow-up is no longer asked for stays unjudged (row and summary).
NO_FOLLOW_UP_RECORDED = "no follow-up rating was recorded"
#: How far back the status area reads: this week and the two before, whatever day it is
#: (this week's guide builds on last week only up to its own allowance: progression).
STATUS_LOOKBACK = timedelta(days=22)
#: The morning rating is asked for until noon...
MORNING_ASK_UNTIL = time(12)
#: ...for a walk that ended before this time of today (a night walk) or on an earlier day.
NIGHT_ENDS = time(5)


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    walk: Walk
    due: datetime

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def follow_up_still_asked(result: WalkOutcome, now: datetime) -> bool:
    """A walk awaiting its follow-up is asked about until FOLLOW_UP_ASK_WINDOW after it."""
    return (
        result.outcome is Outcome.AWAITING_FOLLOW_UP
        and timedelta(0) <= now - result.walk.end <= FOLLOW_UP_ASK_WINDOW
    )


def follow_up_asked_on(result: WalkOutcome, day: date) -> bool:
    """For a summary dated `day`: a walk awaiting its follow-up that was still asked for
    at some time that day. Older ones are no longer awaited: the journal row and the
    summary both call them not judged (no follow-up rating was recorded)."""
    if result.outcome is not Outcome.AWAITING_FOLLOW_UP or result.walk.end.date() > day:
        return False
    start_of_day = datetime.combine(day, time(), tzinfo=result.walk.end.tzinfo)
    return result.walk.end + FOLLOW_UP_ASK_WINDOW >= start_of_day


@dataclass(frozen=True, slots=True)
class TodayStatus:
    walk_minutes_today: float
    walks_today: int
    latest_rating: PainRating | None
    #: Walks still without a follow-up in the window, oldest first; some may not be due yet.
    #: A follow-up taken too early does not end the wait.
    follow_ups: list[FollowUpDue]
    #: The walk to ask the next-morning rating for, when its next morning is not rated yet.
    morning_rating_for: Walk | None
    red_flags: list[RedFlagCheck]
    week_minutes: float
    last_week_minutes: float
    #: The most this week may reach by the weekly guide; None after a week without walking.
    week_guide_minutes: float | None
    week_above_guide: bool


def today_status(entries: Entries, now: datetime, settings: Settings) -> TodayStatus:
    """`entries` should cover this week and the two before (STATUS_LOOKBACK), and
    its red-flag checks RED_FLAG_STATUS_LOOKBACK (a red flag stays in view until a check
    finds none)."""
    today = now.date()
    walks_today = [w for w in entries.walks if w.start.date() == today]
    ratings = [r for r in entries.pain if r.at <= now]
    recent = [w for w in entries.walks if timedelta(0) <= now - w.end <= FOLLOW_UP_ASK_WINDOW]
    outcomes = walk_outcomes(recent, RatingIndex(entries.pain), settings)
    follow_ups = [
        FollowUpDue(o.walk, o.follow_up_due) for o in outcomes if follow_up_still_asked(o, now)
    ]
    this_monday = monday_of(today)
    week = sum(w.minutes for w in entries.walks if this_monday <= w.start.date() <= today)
    last_week = sum(
        w.minutes
        for w in entries.walks
        if this_monday - timedelta(weeks=1) <= w.start.date() < this_monday
    )
    # The charts' guide for the week in progress (one home: progression.weekly_volume).
    guide = weekly_volume(entries.walks, [], today, today, settings, today).weeks[-1].guide_minutes
    return TodayStatus(
        walk_minutes_today=sum(w.minutes for w in walks_today),
        walks_today=len(walks_today),
        latest_rating=max(ratings, key=lambda r: (r.at, r.id)) if ratings else None,
        follow_ups=sorted(follow_ups, key=lambda f: f.due),
        morning_rating_for=_morning_rating_for(outcomes, now),
        red_flags=red_flags_in_view(entries.red_flags, now),
        week_minutes=week,
        last_week_minutes=last_week,
        week_guide_minutes=guide,
        # Certain before the week is over: minutes only add up.
        week_above_guide=guide is not None and week > guide,
    )


def _morning_rating_for(outcomes: list[WalkOutcome], now: datetime) -> Walk | None:
    """The latest walk whose next morning is this morning and not rated yet.

    That is a walk that ended between yesterday's and today's NIGHT_ENDS (a walk at 00:30
    is followed by the same date's morning), asked for until noon.
    """
    if now.time() >= MORNING_ASK_UNTIL:
        return None
    night_end = datetime.combine(now.date(), NIGHT_ENDS, tzinfo=now.tzinfo)
    waiting = [
        o.walk
        for o in outcomes
        if o.next_morning is None and night_end - timedelta(days=1) < o.walk.end <= night_end
    ]
    return max(waiting, key=lambda w: w.start) if waiting else None
