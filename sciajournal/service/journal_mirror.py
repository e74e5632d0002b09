"""A copy in memory of the journal's entries, kept in step with the journal's change log.

Reading ten years of entries from SQLite (and making entries of the rows) took longer
than analysing them, and the Charts tab read them again after every save. The copy holds,
per kind, the entries of the span read so far; a save re-reads only what it touched
(Journal.changed_since: when, and which kind), so "All" after logging a rating reads one
row, not twenty thousand.

Never stale: every read first brings the copy to the journal's revision. When the log
cannot say what changed (settings, or a log that no longer reaches back) the copy is
dropped and read again as needed. Entries are immutable, so the lists handed out share
them with the copy but are the caller's own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, ref

from sciajournal.core.collection import Entries
from sciajournal.core.entities import ENTRY_TYPES, Entry

if TYPE_CHECKING:  # a type only: the window is built before SQLAlchemy is imported
    from sciajournal.storage.reading import JournalReading

#: Touched times of one kind closer than this are re-read in one query.
_JOIN = timedelta(days=1)
#: More separate stretches than this (a large import) are re-read as one.
_MOST_STRETCHES = 20
_TICK = timedelta(microseconds=1)
_when = attrgetter("when")


def _index(entries: Sequence[Entry], moment: datetime | None, *, end: bool) -> int:
    """Where entries at or after `moment` begin (None: the start, or the end if `end`)."""
    if moment is None:
        return len(entries) if end else 0
    return bisect_left(entries, moment, key=_when)


def _before(a: datetime | None, b: datetime | None) -> bool:
    """a <= b for span starts, None being the earliest."""
    return a is None or (b is not None and a <= b)


def _after(a: datetime | None, b: datetime | None) -> bool:
    """a >= b for span ends, None being the latest."""
    return a is None or (b is not None and a >= b)


class _Held:
    """One kind's entries with start <= when < end (None: no limit), in time order."""

    def __init__(self, start: datetime | None, end: datetime | None, entries: list[Entry]):
        self.start, self.end, self.entries = start, end, entries
        #: Every id held, so that a save looks for an entry elsewhere only when it moved.
        self.ids = {entry.id for entry in entries}

    def widen(self, earlier: list[Entry], later: list[Entry]) -> None:
        self.entries = earlier + self.entries + later
        self.ids.update(entry.id for entry in (*earlier, *later))

    def holds(self, moment: datetime) -> bool:
        return _before(self.start, moment) and (self.end is None or moment < self.end)


def _stretches(times: Iterable[datetime]) -> list[tuple[datetime, datetime]]:
    """[first, last + a tick) around the given times, joined where they are close."""
    merged: list[tuple[datetime, datetime]] = []
    for moment in sorted(times):
        if merged and moment - merged[-1][1] <= _JOIN:
            merged[-1] = (merged[-1][0], moment + _TICK)
        else:
            merged.append((moment, moment + _TICK))
    if len(merged) > _MOST_STRETCHES:
        return [(merged[0][0], merged[-1][1])]
    return merged


class JournalMirror:
    """The entries of `journal`, read from it once and patched after each write."""

    def __init__(self, journal: JournalReading) -> None:
        # Weakly: the copy is kept in a WeakKeyDictionary under the journal, and a strong
        # reference back would keep a closed journal, and all it held, alive for good.
        self._journal_ref = ref(journal)
        self._revision = journal.revision
        self._held: dict[type[Any], _Held] = {}

    @property
    def _journal(self) -> JournalReading:
        journal = self._journal_ref()
        assert journal is not None, "the copy of a journal that is gone"
        return journal

    # -- reading ----------------------------------------------------------------------

    def collection(
        self,
        *,
        kinds: Iterable[type[Any]] = ENTRY_TYPES,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Entries:
        """As Journal.collection: entries of `kinds` with start <= time < end, in time order."""
        self._catch_up()
        grouped = Entries()
        for kind in kinds:
            held = self._holding(kind, start, end)
            entries = held.entries
            found = entries[_index(entries, start, end=False) : _index(entries, end, end=True)]
            grouped.list_for(kind).extend(found)
        return grouped

    def last_before(self, kind: type[Any], instant: datetime | None = None) -> Entry | None:
        """As Journal.last_before: the latest entry of `kind` before `instant`."""
        self._catch_up()
        held = self._held.get(kind)
        if (
            held is not None
            and _after(held.end, instant)
            and (instant is None or _before(held.start, instant))
        ):
            index = _index(held.entries, instant, end=True)
            if index > 0:
                return held.entries[index - 1]
            if held.start is None:
                return None
        return self._journal.last_before(kind, instant)

    def _holding(self, kind: type[Any], start: datetime | None, end: datetime | None) -> _Held:
        """The held entries of `kind`, widened to start..end first if they fall short."""
        held = self._held.get(kind)
        if held is None:
            held = self._held[kind] = _Held(start, end, self._read(kind, start, end))
            return held
        if not _before(held.start, start):
            held.widen(self._read(kind, start, held.start), [])
            held.start = start
        if not _after(held.end, end):
            assert held.end is not None  # _after is true for an open end
            held.widen([], self._read(kind, held.end, end))
            held.end = end
        return held

    def _read(self, kind: type[Any], start: datetime | None, end: datetime | None) -> list[Entry]:
        return self._journal.collection(kinds=[kind], start=start, end=end).list_for(kind)

    # -- keeping in step --------------------------------------------------------------

    def _catch_up(self) -> None:
        revision = self._journal.revision
        if revision == self._revision:
            return
        changed = self._journal.changed_since(self._revision)
        if changed is None:
            self._held.clear()
        else:
            times: dict[type[Any], list[datetime]] = defaultdict(list)
            for when, kind in changed:
                times[kind].append(when)
            for kind, moments in times.items():
                held = self._held.get(kind)
                if held is not None:
                    for first, last in _stretches(moments):
                        self._patch(kind, held, first, last)
        self._revision = revision

    def _patch(self, kind: type[Any], held: _Held, start: datetime, end: datetime) -> None:
        """Replace what is held of start..end by what the journal has there now.

        Read even where nothing is held: an entry moved by an edit is logged at its new
        time only, and is found here by its id wherever it was held before.
        """
        fresh = self._read(kind, start, end)
        entries = held.entries
        low, high = _index(entries, start, end=False), _index(entries, end, end=True)
        replaced = entries[low:high]
        kept = [e for e in fresh if held.holds(e.when)]
        before, after = entries[:low], entries[high:]
        was_here = {e.id for e in replaced}
        moved = {e.id for e in fresh if e.id in held.ids and e.id not in was_here}
        if moved:
            before = [e for e in before if e.id not in moved]
            after = [e for e in after if e.id not in moved]
        # In order: before start, start..end, from end on.
        held.entries = before + kept + after
        held.ids.difference_update(was_here | moved)
        held.ids.update(e.id for e in kept)


_mirrors: WeakKeyDictionary[JournalReading, JournalMirror] = WeakKeyDictionary()


def mirror_of(journal: JournalReading) -> JournalMirror:
    """The journal's copy in memory (made on first use; it reads only what is asked)."""
    mirror = _mirrors.get(journal)
    if mirror is None:
        mirror = _mirrors[journal] = JournalMirror(journal)
    return mirror
