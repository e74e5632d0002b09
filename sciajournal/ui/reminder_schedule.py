"""Which reminders are due now: the morning and bedtime ratings, walk follow-ups and the
weekly sciatica bothersomeness check.

Pure Python (no Qt), so what is due when is tested with a fake clock; the Qt side
(ui/reminders.py) only shows what this returns. A reminder has a key, and the same key
is shown once, however often the window checks.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum

from sciajournal.analysis.today import FollowUpDue
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_date, wall_time_on

#: A daily reminder missed by longer than this is dropped: a "morning" rating taken in
#: the evening would not be a morning rating, and a bedtime one at breakfast no better.
DAILY_REMINDER_LASTS = timedelta(hours=3)
#: How far back the ratings that may answer a daily reminder can lie.
RATINGS_LOOKBACK = 2 * DAILY_REMINDER_LASTS


class ReminderKind(StrEnum):
    MORNING = "morning"
    BEDTIME = "bedtime"
    FOLLOW_UP = "follow_up"
    BOTHERSOMENESS = "bothersomeness"


#: The bothersomeness questions are about the last week: asked again a week after the last.
BOTHERSOMENESS_EVERY = timedelta(days=7)


#: What each daily reminder asks for, and the rating context that answers it.
DAILY: dict[ReminderKind, tuple[PainContext, str, str]] = {
    ReminderKind.MORNING: (
        PainContext.MORNING,
        "Morning pain rating",
        "How is your pain this morning? Rate it before you get going.",
    ),
    ReminderKind.BEDTIME: (
        PainContext.BEDTIME,
        "Bedtime pain rating",
        "How is your pain at the end of the day?",
    ),
}


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: ReminderKind
    #: Shown once per key: one per day for a daily reminder, one per walk for a follow-up.
    key: str
    due: datetime
    title: str
    text: str
    #: The walk a follow-up reminder is about.
    walk: Walk | None = None

    def is_stale(self, now: datetime) -> bool:
        """A daily reminder answered after its time has passed (a tray message clicked the
        next morning): the time of day it asks about is over."""
        return self.kind in DAILY and now >= self.due + DAILY_REMINDER_LASTS

    @property
    def context(self) -> PainContext:
        """The rating context that answers this reminder (a pain rating's; the weekly
        bothersomeness reminder is answered by its own form instead)."""
        if self.walk is not None:
            return PainContext.FOLLOW_UP
        return DAILY[self.kind][0] if self.kind in DAILY else PainContext.STANDALONE


def parse_clock_time(text: str) -> time | None:
    """'07:30' -> 07:30; empty or unreadable (a hand-edited journal) -> no reminder."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        return None


def daily_time(settings: Settings, kind: ReminderKind) -> time | None:
    text = settings.morning_reminder if kind is ReminderKind.MORNING else settings.bedtime_reminder
    return parse_clock_time(text)


def daily_reminders(
    settings: Settings, now: datetime, ratings: Iterable[PainRating], zone: tzinfo | None = None
) -> list[Reminder]:
    """Morning and bedtime reminders due now and not yet answered by a rating.

    A reminder is due at its wall-clock time in `zone` (None: the computer's zone), with
    the offset of that day: `now`'s offset would put last night's 23:30 an hour off after
    the clocks changed in the night.
    """
    ratings = list(ratings)
    today = local_date(now, zone)
    found: list[Reminder] = []
    for kind, (context, title, text) in DAILY.items():
        at = daily_time(settings, kind)
        if at is None:
            continue
        for day_offset in (0, -1):  # a 23:30 bedtime reminder is still due at 00:30
            day = today + timedelta(days=day_offset)
            due = wall_time_on(day, at, zone)
            if not due <= now < due + DAILY_REMINDER_LASTS:
                continue
            # A rating of that kind taken around the reminder answers it (early risers too).
            answered = any(
                r.context is context and r.at >= due - DAILY_REMINDER_LASTS for r in ratings
            )
            if not answered:
                found.append(Reminder(kind, f"{kind}:{day.isoformat()}", due, title, text))
    return found


def follow_up_reminders(
    settings: Settings, now: datetime, follow_ups: Sequence[FollowUpDue]
) -> list[Reminder]:
    """One reminder per walk whose follow-up has come due and is still unanswered."""
    if not settings.follow_up_reminder:
        return []
    return [
        Reminder(
            ReminderKind.FOLLOW_UP,
            f"follow_up:{f.walk.id}",
            f.due,
            "How is your pain now?",
            f"Your {f.walk.minutes:g}-minute walk ended at {f.walk.end.strftime('%H:%M')}.",
            f.walk,
        )
        for f in follow_ups
        if f.is_due(now)
    ]


def bothersomeness_reminders(
    settings: Settings, now: datetime, last_check: datetime | None
) -> list[Reminder]:
    """The weekly check, due a week after the last one until a new one is answered.

    Not before a first check: the patient starts the questionnaire from the Log menu,
    and a reminder of something never begun would only nag.
    """
    if not settings.bothersomeness_reminder or last_check is None:
        return []
    due = last_check + BOTHERSOMENESS_EVERY
    if now < due:
        return []
    return [
        Reminder(
            ReminderKind.BOTHERSOMENESS,
            f"bothersomeness:{due.date().isoformat()}",
            due,
            "Weekly sciatica bothersomeness",
            "A week since your last check: how bothersome was your sciatica this week?",
        )
    ]


def reminders_due(
    settings: Settings,
    now: datetime,
    ratings: Iterable[PainRating],
    follow_ups: Sequence[FollowUpDue],
    last_bothersomeness: datetime | None = None,
    zone: tzinfo | None = None,
) -> list[Reminder]:
    """Everything due now, oldest first; daily ones by the wall clock of `zone` (None: the
    computer's)."""
    due = daily_reminders(settings, now, ratings, zone)
    due += follow_up_reminders(settings, now, follow_ups)
    due += bothersomeness_reminders(settings, now, last_bothersomeness)
    return sorted(due, key=lambda r: (r.due, r.key))


def not_yet_shown(due: Iterable[Reminder], shown: set[str]) -> list[Reminder]:
    """The reminders to announce now; records them in `shown` so each is announced once."""
    fresh = [r for r in due if r.key not in shown]
    shown.update(r.key for r in fresh)
    return fresh
