"""The red-flag checklist (domain.md, rule 4), its signs grouped by how urgently to get care."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from sciajournal.analysis.nerve_signs import ChecklistPrompt
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
        prompt: ChecklistPrompt | None = None,
    ) -> None:
        super().__init__("Red-flag check", parent, clock)
        self._existing = existing
        self._prompt = prompt
        reason = prompt.reason if prompt else ""
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
        #: Asked for by a rating: finding none must be a deliberate tick, never an Enter.
        self.none_now: QCheckBox | None = None
        if prompt is not None:
            self.none_now = QCheckBox("N&one of these now")
            column.addWidget(self.none_now)
            self.none_now.toggled.connect(self._none_toggled)
            for sign, check in self.signs.items():
                check.setChecked(sign in prompt.recorded_items)
                check.toggled.connect(self._sign_toggled)
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

    def _none_toggled(self, ticked: bool) -> None:
        if ticked:
            for check in self.signs.values():
                check.setChecked(False)

    def _sign_toggled(self, ticked: bool) -> None:
        if ticked and self.none_now is not None:
            self.none_now.setChecked(False)

    def build(self) -> list[Entry]:
        existing = self._existing
        signs = frozenset(sign for sign, check in self.signs.items() if check.isChecked())
        if not signs and self.none_now is not None and not self.none_now.isChecked():
            self.problem("signs", "Tick the signs you have now, or tick “None of these now”.")
        return [
            RedFlagCheck(
                at=self.chosen_time(),
                signs=signs,
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
