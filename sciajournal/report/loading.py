"""Reads what an analysis of a date range needs from the journal, and runs it."""

from datetime import date, datetime, time, timedelta

from sciajournal.analysis.journal_analysis import CONTEXT_MARGIN, JournalAnalysis, analyse
from sciajournal.analysis.red_flag_history import EARLIER_RED_FLAG_WINDOW
from sciajournal.core.collection import Entries
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.report.summary_content import SummaryContent, summary_content
from sciajournal.storage.journal import Journal


def default_range(journal: Journal, today: date | None = None) -> tuple[date, date]:
    """From the first entry to today (or just today for an empty journal)."""
    last = today or local_now().date()
    earliest = journal.first_entry_time()
    first = earliest.date() if earliest is not None else last
    return min(first, last), last


def entries_around(journal: Journal, first_day: date, last_day: date) -> Entries:
    """The range's entries plus a margin, so walks at its edges find their ratings."""
    # Local midnights with a margin: entries carry their own offsets, so the exact
    # day boundaries are applied by the analysis on each entry's local date.
    start = local_aware(datetime.combine(first_day, time())) - CONTEXT_MARGIN
    end = local_aware(datetime.combine(last_day + timedelta(days=1), time())) + CONTEXT_MARGIN
    entries = journal.collection(start=start, end=end)
    # Red-flag checks from further back: page one names earlier red flags and the last
    # screening, even when they fall before the range.
    earlier = local_aware(datetime.combine(first_day - EARLIER_RED_FLAG_WINDOW, time()))
    entries.red_flags = journal.collection(kinds=[RedFlagCheck], start=earlier, end=end).red_flags
    return entries


def analyse_journal(journal: Journal, first_day: date, last_day: date) -> JournalAnalysis:
    entries = entries_around(journal, first_day, last_day)
    return analyse(entries, first_day, last_day, journal.load_settings())


def summary_for(
    journal: Journal, first_day: date, last_day: date, generated: date | None = None
) -> SummaryContent:
    entries = entries_around(journal, first_day, last_day)
    analysis = analyse(entries, first_day, last_day, journal.load_settings())
    return summary_content(analysis, entries, generated or local_now().date())
