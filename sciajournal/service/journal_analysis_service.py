"""Reads what an analysis of a date range needs from the journal, and runs it.

The one place that knows how far around a range to read: whole ISO weeks (the weekly
figures are whole-week figures, whatever the range) and the week the walking target
builds on (progression.judged_weeks), plus a margin so that walks at the
edges find their baseline, follow-up and next-morning ratings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sciajournal.analysis.collector import collector_paused as collector_paused  # re-exported
from sciajournal.analysis.outcomes import CONTEXT_MARGIN, WalkOutcome, outcomes_by_walk
from sciajournal.analysis.progression import history_monday, judged_weeks, monday_of
from sciajournal.analysis.today import STATUS_LOOKBACK, TodayStatus, today_status
from sciajournal.core.collection import Entries
from sciajournal.core.entities import ENTRY_TYPES, FunctionActivity, RedFlagCheck, Walk
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.service.journal_cache import cached
from sciajournal.service.journal_mirror import mirror_of
from sciajournal.service.red_flag_checks import (
    with_earlier_red_flag_checks,
    with_status_red_flag_checks,
)

if TYPE_CHECKING:  # types only: the window is built before SQLAlchemy is imported, and
    # the whole analysis is imported when first run (analyse_range), not for the journal
    # list's first screen, which needs only the walks' outcomes (issue 14).
    from sciajournal.analysis.journal_analysis import JournalAnalysis
    from sciajournal.analysis.judged_before import JudgedBefore
    from sciajournal.storage.journal import Journal
    from sciajournal.storage.reading import JournalReading


@dataclass(frozen=True, slots=True)
class AnalysedRange:
    """The entries read for a range (with their margin) and the analysis of the range."""

    entries: Entries
    analysis: JournalAnalysis


@dataclass(frozen=True, slots=True)
class JournalPage:
    """What the journal view lists: the entries around a range and each walk's outcome."""

    entries: Entries
    outcomes: dict[str, WalkOutcome]


def _midnight(day: date) -> datetime:
    return local_aware(datetime.combine(day, time()))


def first_entry_time(journal: JournalReading) -> datetime | None:
    """When the earliest entry was made (None: an empty journal), read once per change:
    the Charts tab asks on every switch of its range."""
    return cached(journal, "first entry", journal.first_entry_time)


def default_range(journal: Journal, today: date | None = None) -> tuple[date, date]:
    """From the first entry to today (or just today for an empty journal)."""
    last = today or local_now().date()
    earliest = first_entry_time(journal)
    first = earliest.date() if earliest is not None else last
    return min(first, last), last


def entries_around(
    journal: JournalReading, first_day: date | None, last_day: date | None
) -> Entries:
    """The range's entries, widened to whole ISO weeks, plus the context margin, and
    every activity named for the functional scale.

    Local midnights with a margin: entries carry their own offsets, so the exact day
    boundaries are applied by the analysis on each entry's local date. Read from the
    journal's copy in memory (journal_mirror), which a save patches rather than drops.
    """
    source = mirror_of(journal)
    start = _midnight(monday_of(first_day)) - CONTEXT_MARGIN if first_day else None
    end = _midnight(monday_of(last_day) + timedelta(weeks=1)) + CONTEXT_MARGIN if last_day else None
    entries = source.collection(start=start, end=end)
    if start is not None or end is not None:
        # Every activity ever named, however long ago: the range's ratings score them by id.
        entries.function_activities = source.collection(
            kinds=[FunctionActivity]
        ).function_activities
    return entries


#: Walk outcomes kept between analyses of a journal: its entries come from the copy in
#: memory, so an unchanged walk's evidence is the same objects (analysis/judged_before.py).
_judged_before: WeakKeyDictionary[Journal, JudgedBefore] = WeakKeyDictionary()


def analyse_range(
    journal: Journal, first_day: date, last_day: date, today: date | None = None
) -> AnalysedRange:
    from sciajournal.analysis.journal_analysis import analyse
    from sciajournal.analysis.judged_before import JudgedBefore

    today = today or local_now().date()
    # From the week the target builds on when the range starts after its Monday: the
    # target must see how every walk of that week went, not only those in the range.
    read_from, _ = judged_weeks(first_day, last_day, today)
    entries = entries_around(journal, read_from, last_day)
    entries = with_earlier_red_flag_checks(journal, entries, first_day)
    # Weekly volume is judged against the weeks before, however far back the last walk was.
    walk_history = walks_for_weeks(journal, first_day)
    # An activity named before the range is still rated in it: all of them, whenever added.
    activities = mirror_of(journal).collection(kinds=[FunctionActivity]).function_activities
    with collector_paused():
        analysis = analyse(
            entries,
            first_day,
            last_day,
            settings_of(journal),
            walk_history=walk_history,
            function_activities=activities,
            today=today,
            judged_before=_judged_before.setdefault(journal, JudgedBefore()),
        )
    return AnalysedRange(entries, analysis)


def walks_for_weeks(journal: Journal, first_day: date) -> list[Walk]:
    """The walks the weekly figures of a range from `first_day` need: those of whole weeks
    from progression.history_monday on, and of the last week with walking before it.

    Reading ten years of walks took most of the Charts tab's first opening; these give the
    same figures (tests/service/test_walks_for_weeks.py compares them).
    """

    def read() -> list[Walk]:
        source = mirror_of(journal)
        monday = history_monday(first_day)
        # Local dates: entries carry their own offsets, hence the margin (as entries_around).
        start = _midnight(monday) - CONTEXT_MARGIN
        earlier = source.last_before(Walk, start)
        if not isinstance(earlier, Walk):  # None: no walk before
            return source.collection(kinds=[Walk], start=start).walks
        # Whole weeks from the last active week on: a restart is measured against it.
        monday = monday_of(earlier.start.date())
        start = _midnight(monday) - CONTEXT_MARGIN
        walks = source.collection(kinds=[Walk], start=start).walks
        return [walk for walk in walks if monday_of(walk.start.date()) >= monday]

    return cached(journal, ("walks from", history_monday(first_day)), read)


def analyse_journal(
    journal: Journal, first_day: date, last_day: date, today: date | None = None
) -> JournalAnalysis:
    """The analysis of first..last, worked out once per change of the journal."""
    today = today or local_now().date()
    return cached(
        journal,
        ("analysis", first_day, last_day, today),
        lambda: analyse_range(journal, first_day, last_day, today).analysis,
    )


_settings: WeakKeyDictionary[JournalReading, tuple[int, Settings]] = WeakKeyDictionary()


def settings_of(journal: JournalReading) -> Settings:
    """The journal's settings, read again only when they may have changed: a write the
    change log cannot describe as entries alone (Journal.set_settings is one)."""
    known = _settings.get(journal)
    if known is not None and journal.changed_since(known[0]) is not None:
        settings = known[1]
    else:
        settings = journal.load_settings()
    _settings[journal] = (journal.revision, settings)
    return settings


def entry_days(journal: JournalReading, today: date) -> tuple[date, date] | None:
    """The local dates of the first entry and of the last (today at least); None if empty."""

    def read() -> tuple[date, date] | None:
        earliest = first_entry_time(journal)
        if earliest is None:
            return None
        # Entries are not logged ahead of time, but an import may bring some: look past today.
        ahead = journal.collection(start=_midnight(today + timedelta(days=1)))
        latest = max((entry.when.date() for entry in ahead), default=today)
        return earliest.date(), max(today, latest)

    return cached(journal, ("entry days", today), read)


def journal_page(
    journal: JournalReading, first_day: date | None, last_day: date | None
) -> JournalPage:
    """Entries and walk outcomes for the journal view (None: no limit on that side)."""
    entries = entries_around(journal, first_day, last_day)
    return JournalPage(entries, outcomes_by_walk(entries, settings_of(journal)))


def today_for(journal: JournalReading, now: datetime) -> TodayStatus:
    """The status area's figures, from the last couple of weeks of the journal."""
    # Not the red-flag checks: with_status_red_flag_checks reads those over their own span.
    kinds = [kind for kind in ENTRY_TYPES if kind is not RedFlagCheck]
    recent = mirror_of(journal).collection(kinds=kinds, start=now - STATUS_LOOKBACK)
    recent = with_status_red_flag_checks(journal, recent, now)
    return today_status(recent, now, settings_of(journal))
