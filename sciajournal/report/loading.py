"""Reads what an analysis of a date range needs from the journal, and runs it."""

from datetime import date, datetime, time, timedelta

from sciajournal.analysis.journal_analysis import CONTEXT_MARGIN, JournalAnalysis, analyse
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.storage.journal import Journal


def default_range(journal: Journal, today: date | None = None) -> tuple[date, date]:
    """From the first entry to today (or just today for an empty journal)."""
    last = today or local_now().date()
    earliest = journal.first_entry_time()
    first = earliest.date() if earliest is not None else last
    return min(first, last), last


def analyse_journal(journal: Journal, first_day: date, last_day: date) -> JournalAnalysis:
    # Local midnights with a margin: entries carry their own offsets, so the exact
    # day boundaries are applied by the analysis on each entry's local date.
    start = local_aware(datetime.combine(first_day, time())) - CONTEXT_MARGIN
    end = local_aware(datetime.combine(last_day + timedelta(days=1), time())) + CONTEXT_MARGIN
    entries = journal.collection(start=start, end=end)
    settings = Settings.from_stored(journal.settings())
    return analyse(entries, first_day, last_day, settings)
