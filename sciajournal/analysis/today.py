"""What the main window's status area shows: today's totals and what needs attention now."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sciajournal.analysis.outcomes import Outcome, walk_outcomes
from sciajournal.analysis.progression import monday_of, percent_change
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.analysis.red_flag_history import red_flags_in_view
from sciajournal.core.collection import Entries
from sciajournal.core.entities import PainRating, RedFlagCheck, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings

#: Follow-ups older than this are no longer asked for; they stay "awaiting" in the journal.
FOLLOW_UP_ASK_WINDOW = timedelta(hours=36)
#: How far back the status area reads: this week and last week, whatever day it is.
STATUS_LOOKBACK = timedelta(days=15)


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    walk: Walk
    due: datetime

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


@dataclass(frozen=True, slots=True)
class TodayStatus:
    walk_minutes_today: float
    walks_today: int
    latest_rating: PainRating | None
    #: Walks still without a follow-up, oldest first; some may not be due yet.
    follow_ups: list[FollowUpDue]
    #: The walk to ask the next-morning rating for, when this morning's rating is missing.
    morning_rating_for: Walk | None
    red_flags: list[RedFlagCheck]
    week_minutes: float
    last_week_minutes: float
    week_above_guide: bool


def today_status(entries: Entries, now: datetime, settings: Settings) -> TodayStatus:
    """`entries` should cover at least the last two weeks up to `now`, and its red-flag
    checks RED_FLAG_STATUS_LOOKBACK (a red flag stays in view until a check finds none)."""
    today = now.date()
    walks_today = [w for w in entries.walks if w.start.date() == today]
    ratings = [r for r in entries.pain if r.at <= now]
    delay = timedelta(hours=settings.follow_up_hours)

    recent = [w for w in entries.walks if timedelta(0) <= now - w.end <= FOLLOW_UP_ASK_WINDOW]
    outcomes = walk_outcomes(recent, RatingIndex(entries.pain), settings)
    follow_ups = [
        FollowUpDue(o.walk, o.walk.end + delay)
        for o in outcomes
        if o.outcome is Outcome.AWAITING_FOLLOW_UP and not _has_follow_up(o.walk, entries.pain)
    ]
    this_monday = monday_of(today)
    week = sum(w.minutes for w in entries.walks if this_monday <= w.start.date() <= today)
    last_week = sum(
        w.minutes
        for w in entries.walks
        if this_monday - timedelta(weeks=1) <= w.start.date() < this_monday
    )
    change = percent_change(week, last_week)
    return TodayStatus(
        walk_minutes_today=sum(w.minutes for w in walks_today),
        walks_today=len(walks_today),
        latest_rating=max(ratings, key=lambda r: (r.at, r.id)) if ratings else None,
        follow_ups=sorted(follow_ups, key=lambda f: f.due),
        morning_rating_for=_morning_rating_for(entries, now),
        red_flags=red_flags_in_view(entries.red_flags, now),
        week_minutes=week,
        last_week_minutes=last_week,
        week_above_guide=change is not None and change > settings.weekly_increase_percent,
    )


def _has_follow_up(walk: Walk, ratings: Sequence[PainRating]) -> bool:
    """Any follow-up at all, even an early one: the patient answered; don't ask again."""
    return any(r.walk_id == walk.id and r.context is PainContext.FOLLOW_UP for r in ratings)


def _morning_rating_for(entries: Entries, now: datetime) -> Walk | None:
    """Yesterday's last walk, if there is one and this morning has no morning rating yet."""
    if now.hour >= 12:
        return None
    yesterday = now.date() - timedelta(days=1)
    walks = [w for w in entries.walks if w.start.date() == yesterday]
    if not walks:
        return None
    rated = any(
        r.context is PainContext.MORNING and r.at.date() == now.date() for r in entries.pain
    )
    return None if rated else max(walks, key=lambda w: w.start)
