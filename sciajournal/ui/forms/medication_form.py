"""Log a medication dose; remembers the names and doses used recently."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from sciajournal.core.entities import Entry, MedicationDose, new_id
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm, whole_if_whole
from sciajournal.ui.widgets.number_box import NumberBox, plain_number

UNITS = ["mg", "g", "mcg", "ml", "tablet", "capsule", "drops", "patch"]
#: Wider than any valid count, so a typed 150 reaches validation (which says why) intact.
QUANTITY_BOX_MAXIMUM = 9999
COMMON = ["Ibuprofen", "Naproxen", "Paracetamol"]


class MedicationForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        recent: list[MedicationDose] | None = None,
        existing: MedicationDose | None = None,
    ) -> None:
        super().__init__("Edit medication" if existing else "Log medication", parent, clock)
        self._existing = existing
        self._recent = {dose.name: dose for dose in recent or []}
        self.name = QComboBox()
        self.name.setEditable(True)
        names = list(self._recent) + [
            n for n in COMMON if n.casefold() not in {r.casefold() for r in self._recent}
        ]
        self.name.addItems(names)
        self.name.setCurrentIndex(0 if self._recent else -1)
        self.name.currentTextChanged.connect(self._remembered_dose)
        self.add_row("name", "&Medication", self.name)
        self.dose = QLineEdit()
        self.add_row("dose", "&Dose", self.dose)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(UNITS)
        self.add_row("unit", "&Unit", self.unit)
        self.quantity = NumberBox(maximum=QUANTITY_BOX_MAXIMUM, decimals=2, step=0.5)
        self.quantity.setValue(1)
        self.add_row("quantity", "&How many", self.quantity)
        self.as_needed = QCheckBox("Taken as needed (not on a schedule)")
        self.as_needed.setChecked(True)
        self.add_row("as_needed", "&Schedule", self.as_needed)
        self.add_time_row("at", "&Taken at")
        self.notes = QLineEdit()
        self.add_row("notes", "&Notes", self.notes)
        if existing is not None:
            self.name.setCurrentText(existing.name)
            self.dose.setText(plain_number(existing.dose))
            self.unit.setCurrentText(existing.unit)
            self.quantity.setValue(existing.quantity)
            self.as_needed.setChecked(existing.as_needed)
            self.set_time(existing.at)
            self.notes.setText(existing.notes)
            for widget, exact in (
                (self.name, existing.name),
                (self.dose, existing.dose),
                (self.unit, existing.unit),
                (self.quantity, existing.quantity),
                (self.notes, existing.notes),
            ):
                self.remember_loaded(widget, exact)
        else:
            self._remembered_dose(self.name.currentText())
        self.name.setFocus()

    def _remembered_dose(self, name: str) -> None:
        last = self._recent.get(name)
        if last is not None and self._existing is None:
            self.dose.setText(plain_number(last.dose))
            self.unit.setCurrentText(last.unit)
            self.quantity.setValue(last.quantity)
            self.as_needed.setChecked(last.as_needed)

    def build(self) -> list[Entry]:
        dose = self.read_number(self.dose, "dose")
        if dose is None and not self.dose.text().strip():
            self.problem("dose", "enter the dose of one tablet, drop or patch")
        existing = self._existing
        return [
            MedicationDose(
                at=self.chosen_time(),
                name=self.unless_edited(self.name, self.name.currentText().strip()),
                dose=self.unless_edited(self.dose, dose if dose is not None else 0.0),
                unit=self.unless_edited(self.unit, self.unit.currentText().strip()),
                quantity=self.unless_edited(self.quantity, whole_if_whole(self.quantity.value())),
                as_needed=self.as_needed.isChecked(),
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
