"""Log ice, heat or alternating: 20 minutes is the usual session."""

import dataclasses
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from sciajournal.core.entities import Entry, Treatment
from sciajournal.core.enums import TreatmentKind
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm
from sciajournal.ui.widgets.choice_combo import ChoiceCombo
from sciajournal.ui.widgets.pain_scale import PainScale

BODY_AREAS = ["lower back", "buttock", "back of thigh", "calf", "neck and shoulders"]


class TreatmentForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        existing: Treatment | None = None,
    ) -> None:
        super().__init__("Edit ice/heat" if existing else "Log ice or heat", parent, clock)
        self._existing = existing
        self.kind = ChoiceCombo(
            list(TreatmentKind),
            labels={
                TreatmentKind.ICE: "Ice (cold pack)",
                TreatmentKind.HEAT: "Heat (heat pad, warm bath)",
                TreatmentKind.ALTERNATING: "Alternating ice and heat",
            },
        )
        self.add_row("kind", "&Kind", self.kind)
        self.add_time_row("start", "&Started")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setValue(20)
        self.minutes.setSuffix(" min")
        self.add_row("minutes", "&Duration", self.minutes)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(BODY_AREAS)
        self.add_row("body_area", "&Where", self.area)
        self.pain_before = PainScale("Pain before")
        self.pain_after = PainScale("Pain after")
        self.add_row("pain_before", "Pain &before", self.pain_before)
        self.add_row("pain_after", "Pain &after", self.pain_after)
        self.notes = QLineEdit()
        self.add_row("notes", "&Notes", self.notes)
        if existing is not None:
            self.kind.setValue(existing.kind)
            self.set_time(existing.start)
            self.minutes.setValue(round(existing.minutes))
            self.area.setCurrentText(existing.body_area)
            self.pain_before.setValue(existing.pain_before)
            self.pain_after.setValue(existing.pain_after)
            self.notes.setText(existing.notes)
        self.kind.setFocus()

    def build(self) -> list[Entry]:
        fields = dict(
            start=self.chosen_time(),
            kind=self.kind.value(),
            minutes=self.minutes.value(),
            body_area=self.area.currentText().strip(),
            pain_before=self.pain_before.value(),
            pain_after=self.pain_after.value(),
            notes=self.notes.text().strip(),
        )
        if self._existing is not None:
            return [dataclasses.replace(self._existing, **fields)]
        return [Treatment(**fields)]  # type: ignore[arg-type]
