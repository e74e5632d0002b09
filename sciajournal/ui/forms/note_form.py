"""A free-text note ("PT session", "long car ride")."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sciajournal.core.entities import Entry, Note, new_id
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm


class NoteForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        existing: Note | None = None,
    ) -> None:
        super().__init__("Edit note" if existing else "Add note", parent, clock)
        self._existing = existing
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("e.g. PT session, long car ride (Ctrl+Enter saves)")
        self.text.setMinimumHeight(90)
        self.add_row("text", "&Note", self.text)
        self.add_time_row("at")
        # Enter makes a new line in the note; Ctrl+Enter saves.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        if existing is not None:
            self.text.setPlainText(existing.text)
            self.remember_loaded(self.text, existing.text)
            self.set_time(existing.at)
        self.text.setFocus()

    def build(self) -> list[Entry]:
        existing = self._existing
        return [
            Note(
                at=self.chosen_time(),
                text=self.unless_edited(self.text, self.text.toPlainText().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
