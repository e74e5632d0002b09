"""Undoable changes to the journal (Edit > Undo, Ctrl+Z).

Each command performs its change when it is created, so a refused change (a
validation or file error) never reaches the undo stack; redo after undo repeats it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from sciajournal.core.entities import Entry, PainRating, Walk

if TYPE_CHECKING:  # a type only: the window is built before SQLAlchemy is imported
    from sciajournal.storage.journal import Journal


def _ratings_first(entries: Sequence[Entry]) -> list[str]:
    """Ids in an order that deletes a walk's ratings before the walk (which would cascade)."""
    return [e.id for e in entries if not isinstance(e, Walk)] + [
        e.id for e in entries if isinstance(e, Walk)
    ]


class JournalCommand(QUndoCommand):
    def __init__(self, text: str, journal: Journal, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self.journal = journal
        self._changed = changed
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # already done in __init__
            self._first_redo = False
        else:
            self.apply()
        self._changed()

    def undo(self) -> None:
        self.revert()
        self._changed()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddEntries(JournalCommand):
    def __init__(
        self, text: str, journal: Journal, entries: Sequence[Entry], changed: Callable[[], None]
    ) -> None:
        super().__init__(text, journal, changed)
        self.entries = list(entries)
        self.apply()

    def apply(self) -> None:
        self.journal.change(add=self.entries)

    def revert(self) -> None:
        self.journal.change(delete=_ratings_first(self.entries))


class AddedEntries(AddEntries):
    """Entries an import has just written itself (skipping those already there): undo
    deletes exactly them, redo adds them again."""

    def __init__(
        self, text: str, journal: Journal, added: Sequence[Entry], changed: Callable[[], None]
    ) -> None:
        JournalCommand.__init__(self, text, journal, changed)
        self.entries = list(added)


class EditEntries(JournalCommand):
    """Replace `old` by `new`: same ids are updated, new ids added, missing ids deleted."""

    def __init__(
        self,
        text: str,
        journal: Journal,
        old: Sequence[Entry],
        new: Sequence[Entry],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text, journal, changed)
        self.old, self.new = list(old), list(new)
        self.apply()

    @staticmethod
    def _swap(journal: Journal, before: list[Entry], after: list[Entry]) -> None:
        before_ids = {e.id for e in before}
        after_ids = {e.id for e in after}
        journal.change(
            add=[e for e in after if e.id not in before_ids],
            update=[e for e in after if e.id in before_ids],
            delete=_ratings_first([e for e in before if e.id not in after_ids]),
        )

    def apply(self) -> None:
        self._swap(self.journal, self.old, self.new)

    def revert(self) -> None:
        self._swap(self.journal, self.new, self.old)


class DeleteEntry(JournalCommand):
    """Delete an entry; a walk's separately logged ratings stay, unlinked (Journal.delete),
    and undo links them back exactly as they were, in the same step."""

    def __init__(
        self, text: str, journal: Journal, entry_id: str, changed: Callable[[], None]
    ) -> None:
        super().__init__(text, journal, changed)
        self.entry_id = entry_id
        self.deleted: list[Entry] = []
        #: Ratings linked to the walk that were kept, as they were before the delete.
        self.kept: list[PainRating] = []
        self.apply()

    def apply(self) -> None:
        linked = self.journal.ratings_of_walk(self.entry_id)
        self.deleted = self.journal.delete(self.entry_id)
        gone = {e.id for e in self.deleted}
        self.kept = [r for r in linked if r.id not in gone]

    def revert(self) -> None:
        # The kept ratings' unlinked versions are replaced by the originals, with the walk.
        self.journal.change(add=[*self.deleted, *self.kept], delete=[r.id for r in self.kept])
