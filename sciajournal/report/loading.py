"""The printable summary of a range: the service's analysis, worded by summary_content."""

from datetime import date

from sciajournal.core.timestamps import local_now
from sciajournal.report.summary_content import SummaryContent, summary_content
from sciajournal.service.journal_analysis_service import analyse_range
from sciajournal.storage.journal import Journal


def summary_for(
    journal: Journal, first_day: date, last_day: date, generated: date | None = None
) -> SummaryContent:
    today = generated or local_now().date()
    loaded = analyse_range(journal, first_day, last_day, today)
    return summary_content(loaded.analysis, loaded.entries, today)
