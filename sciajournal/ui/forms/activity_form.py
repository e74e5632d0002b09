"""Edit one activity of the functional scale: its name, notes, and whether it is retired.

Renaming keeps its scores (they refer to it by id); retiring stops it being asked for
and keeps its history; taking the tick away brings it back into the ratings.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from sciajournal.core.entities import Entry, FunctionActivity
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm


class ActivityForm(EntryForm):
    def __init__(
        self,
        existing: FunctionActivity,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__("Edit activity I find hard", parent, clock)
        self._existing = existing
        self.name = QLineEdit(existing.name)
        self.remember_loaded(self.name, existing.name)
        self.add_row("name", "&Activity", self.name)
        self.add_time_row("added", "Named &on")
        self.set_time(existing.added)
        self.retired = QCheckBox("&Retired: no longer rated (its scores stay)")
        self.retired.setChecked(existing.retired is not None)
        self.add_row("retired", "Retired", self.retired)
        self.notes = QLineEdit(existing.notes)
        self.remember_loaded(self.notes, existing.notes)
        self.add_row("notes", "N&otes", self.notes)
        self.name.setFocus()

    def build(self) -> list[Entry]:
        existing = self._existing
        retired = None
        if self.retired.isChecked():  # kept as it was, or from now when newly ticked
            retired = existing.retired or self.now()
        return [
            FunctionActivity(
                added=self.chosen_time(),
                name=self.unless_edited(self.name, self.name.text().strip()),
                retired=retired,
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id,
            )
        ]
