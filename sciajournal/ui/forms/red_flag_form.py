"""The red-flag checklist (domain.md, rule 4), its signs grouped by how urgently to get care."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from sciajournal.analysis.red_flags import WORDING, Urgency, signs_of
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
        reason: str = "",
    ) -> None:
        super().__init__("Red-flag check", parent, clock)
        self._existing = existing
        #: Why the journal opened the checklist by itself (a new nerve sign), if it did.
        self.reason = QLabel(f"{reason} Please answer this check.")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        if reason:
            self._form.addRow(self.reason)
        intro = QLabel(
            "<b>Do you have any of these now?</b><br>Tick only what is true now; if you "
            "tick any, the journal tells you how soon to get medical care. Ticking none "
            "is recorded too, as a check that found none."
        )
        intro.setWordWrap(True)
        self._form.addRow(intro)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.signs: dict[RedFlag, QCheckBox] = {}
        for urgency in Urgency:
            wording = WORDING[urgency]
            group = QLabel(f"<b>{wording.grade}</b> ({wording.where})")
            column.addWidget(group)
            for sign in signs_of(urgency):
                check = QCheckBox(RED_FLAG_LABELS[sign])
                check.setAccessibleName(f"{RED_FLAG_LABELS[sign]} ({wording.grade.lower()})")
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
