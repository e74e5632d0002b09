"""The red-flag checklist (domain.md, rule 4). Ticking any sign means: seek care now."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from sciajournal.core.entities import Entry, RedFlagCheck, new_id
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm


class RedFlagForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        existing: RedFlagCheck | None = None,
    ) -> None:
        super().__init__("Red-flag check", parent, clock)
        self._existing = existing
        intro = QLabel(
            "<b>Do you have any of these now?</b><br>They can mean a nerve is seriously "
            "compressed. If you tick any, stop exercising and get medical care now."
        )
        intro.setWordWrap(True)
        self._form.addRow(intro)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.signs: dict[RedFlag, QCheckBox] = {}
        for sign in RedFlag:
            check = QCheckBox(RED_FLAG_LABELS[sign])
            check.setAccessibleName(RED_FLAG_LABELS[sign])
            self.signs[sign] = check
            column.addWidget(check)
        self.add_row("signs", "Signs", box)
        self.add_time_row("at")
        self.notes = QLineEdit()
        self.add_row("notes", "&Notes", self.notes)
        self.buttons.button(self.buttons.StandardButton.Save).setText("&Log check")
        if existing is not None:
            for sign in existing.signs:
                self.signs[sign].setChecked(True)
            self.set_time(existing.at)
            self.notes.setText(existing.notes)
            self.remember_loaded(self.notes, existing.notes)
        self.signs[RedFlag.BOWEL_BLADDER].setFocus()

    def build(self) -> list[Entry]:
        existing = self._existing
        return [
            RedFlagCheck(
                at=self.chosen_time(),
                signs=frozenset(sign for sign, check in self.signs.items() if check.isChecked()),
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
