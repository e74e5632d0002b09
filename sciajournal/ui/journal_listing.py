"""Keeps the journal list in step with the journal without reading more than it must.

A new range, kind or journal shows the range afresh (its newest rows; older ones as the
list scrolls to them). A change to entries (a save, an edit, undo, an import) re-reads
only the days around the entries it touched, so logging one rating with ten years shown
changes one row, not eighteen thousand. The same range from another reading of the
journal (the window's first screen, then the journal itself) changes only the rows that
differ: none, when nothing was written in between, so the switch is not seen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from sciajournal.analysis.outcomes import CONTEXT_MARGIN
from sciajournal.core.entities import FunctionActivity
from sciajournal.core.settings import Settings
from sciajournal.service.journal_analysis_service import entry_days, journal_page
from sciajournal.ui.journal_rows import Row, journal_rows
from sciajournal.ui.journal_view import JournalView, RowSource

if TYPE_CHECKING:  # types only: the window is built before SQLAlchemy is imported
    from sciajournal.storage.reading import JournalReading, Touched

#: Days either side of a changed entry whose rows may change with it: a walk's line
#: shows its follow-up and next-morning ratings (the analysis's context margin), plus a
#: day for entries in another time zone than this machine's.
AROUND_A_CHANGE = CONTEXT_MARGIN + timedelta(days=1)
#: A change touching more separate stretches than this (a large import) reloads the range.
MOST_STRETCHES = 12
#: Kinds whose change shows on rows of any day: an activity's name is on every rating of it.
SHOWN_ON_EVERY_DAY = (FunctionActivity,)

EMPTY_JOURNAL = (
    "Your journal is empty.\n\nLog a walk (Ctrl+W) or your pain (Ctrl+R) to start. "
    "Everything you log stays on this computer.\n\nA common starting point: 5-10 "
    "minutes at a slow pace on flat, even ground, adding no more than 10 % a week. "
    "Follow your own clinician's advice where it differs."
)
NOTHING_IN_RANGE = "Nothing logged in this range. Choose a longer range or another kind."


def stretches(times: list[datetime], around: timedelta) -> list[tuple[date, date]]:
    """The local dates within `around` of each time, merged where they overlap."""
    merged: list[tuple[date, date]] = []
    for day in sorted({moment.date() for moment in times}):
        first, last = day - around, day + around
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


class JournalListing:
    def __init__(self, view: JournalView, clock: Callable[[], datetime]) -> None:
        self.view = view
        self.clock = clock
        self._journal: JournalReading | None = None
        self._shown: tuple[object, ...] | None = None
        self._revision = -1

    def refresh(self, journal: JournalReading, settings: Settings) -> None:
        now = self.clock()
        kinds = self.view.kinds()
        shown = (self.view.date_range(), kinds, settings)
        model = self.view.model
        if shown == self._shown and journal is not self._journal:
            self._switch(journal, settings, kinds, now)
        else:
            changed = journal.changed_since(self._revision) if journal is self._journal else None
            if shown != self._shown or changed is None or not self._reread(changed, now):
                self._show_afresh(journal, settings, kinds, now)
        self._journal, self._shown, self._revision = journal, shown, journal.revision
        empty = "" if model.rowCount() else NOTHING_IN_RANGE
        if not model.rowCount() and entry_days(journal, now.date()) is None:
            empty = EMPTY_JOURNAL
        self.view.show_state(empty)

    def _span(self, journal: JournalReading, now: datetime) -> tuple[date, date]:
        first, last = self.view.date_range()
        if first is None or last is None:  # all time: from the first entry to the last
            days = entry_days(journal, now.date())
            first, last = days if days is not None else (now.date(), now.date())
        return first, last

    def _show_afresh(
        self,
        journal: JournalReading,
        settings: Settings,
        kinds: tuple[type, ...] | None,
        now: datetime,
    ) -> None:
        source = self._source(journal, settings, kinds)
        self.view.model.show_range(source, *self._span(journal, now))

    def _switch(
        self,
        journal: JournalReading,
        settings: Settings,
        kinds: tuple[type, ...] | None,
        now: datetime,
    ) -> None:
        """The range shown, read again from another reading of the journal: only rows that
        differ change (the list keeps its scroll position and selection)."""
        model = self.view.model
        if model.range() != self._span(journal, now):  # all time, with other first or last days
            self._show_afresh(journal, settings, kinds, now)
            return
        model.use_source(self._source(journal, settings, kinds))
        read = model.read_range()
        if read is not None:
            model.reread(*read)
        if model.rowCount() == 0 and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())

    def _source(
        self, journal: JournalReading, settings: Settings, kinds: tuple[type, ...] | None
    ) -> RowSource:
        def rows(first_day: date, last_day: date) -> list[Row]:
            page = journal_page(journal, first_day, last_day)
            return journal_rows(
                page.entries,
                page.outcomes,
                settings,
                self.clock(),
                first_day=first_day,
                last_day=last_day,
                kinds=kinds,
            )

        return rows

    def _reread(self, changed: list[Touched], now: datetime) -> bool:
        """Re-read the days around `changed`; False when the range must be shown afresh."""
        model = self.view.model
        span = model.range()
        if span is None or any(issubclass(kind, SHOWN_ON_EVERY_DAY) for _when, kind in changed):
            return False
        times = [moment for moment, _kind in changed]
        if self.view.date_range() == (None, None) and any(
            not span[0] <= moment.date() <= span[1] for moment in times
        ):
            return False  # all time now starts earlier or ends later
        # Recent walks' lines say whether their follow-up is due yet: read them anew too.
        spans = stretches([*times, now], AROUND_A_CHANGE)
        if len(spans) > MOST_STRETCHES:
            return False
        for first, last in spans:
            model.reread(first, last)
        if model.rowCount() == 0 and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        return True
