"""Reads the red-flag checks and ratings the red-flag rules need beyond a range.

Red flags reach further back than any range on screen: the status area keeps one until
a later check finds none, page one names the last screening and earlier red flags, and a
new nerve sign is judged against the previous rating (analysis/nerve_signs.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sciajournal.analysis.nerve_signs import (
    PROMPT_LOOKBACK,
    ChecklistPrompt,
    first_checklist_prompt,
    nerve_signs,
)
from sciajournal.analysis.red_flag_history import (
    EARLIER_RED_FLAG_WINDOW,
    RED_FLAG_STATUS_LOOKBACK,
)
from sciajournal.core.collection import Entries
from sciajournal.core.entities import Entry, PainRating, RedFlagCheck
from sciajournal.core.timestamps import local_aware
from sciajournal.service.journal_mirror import mirror_of

if TYPE_CHECKING:  # types only: the window is built before SQLAlchemy is imported
    from sciajournal.storage.journal import Journal
    from sciajournal.storage.reading import JournalReading


def with_earlier_red_flag_checks(journal: Journal, entries: Entries, first_day: date) -> Entries:
    """`entries` with every red-flag check from EARLIER_RED_FLAG_WINDOW before first_day on.

    Checks after the range are read too (there are few); the analysis ignores them.
    """
    start = local_aware(datetime.combine(first_day - EARLIER_RED_FLAG_WINDOW, time()))
    earlier = mirror_of(journal).collection(kinds=[RedFlagCheck], start=start).red_flags
    known = {c.id for c in entries.red_flags}
    entries.red_flags = sorted(
        [*entries.red_flags, *(c for c in earlier if c.id not in known)],
        key=lambda c: (c.at, c.id),
    )
    return entries


def with_status_red_flag_checks(
    journal: JournalReading, entries: Entries, now: datetime
) -> Entries:
    """`entries` with the red-flag checks the status area needs (RED_FLAG_STATUS_LOOKBACK)."""
    entries.red_flags = (
        mirror_of(journal)
        .collection(kinds=[RedFlagCheck], start=now - RED_FLAG_STATUS_LOOKBACK)
        .red_flags
    )
    return entries


def checklist_prompt_after_save(
    journal: Journal, saved: Sequence[Entry], replaced: Sequence[Entry] = ()
) -> ChecklistPrompt | None:
    """Whether ratings just saved should open the red-flag checklist (None: they should not)."""
    # Only a rating with a nerve sign can bring a new one: the others need no reading.
    ratings = [e for e in saved if isinstance(e, PainRating) and nerve_signs(e)]
    if not ratings:
        return None
    around = journal.collection(
        kinds=[PainRating, RedFlagCheck],
        start=min(r.at for r in ratings) - PROMPT_LOOKBACK,
        end=max(r.at for r in ratings) + timedelta(seconds=1),
    )
    return first_checklist_prompt(
        ratings, around.pain, around.red_flags, [e for e in replaced if isinstance(e, PainRating)]
    )
