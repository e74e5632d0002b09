"""Log ice, heat or alternating: 20 minutes is the usual session."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sciajournal.core.entities import Entry, Treatment, new_id
from sciajournal.core.enums import TreatmentKind
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm, whole_if_whole
from sciajournal.ui.widgets.choice_combo import ChoiceCombo
from sciajournal.ui.widgets.number_box import NumberBox
from sciajournal.ui.widgets.pain_scale import PainScale

#: Wider than any valid session, so a typed 300 reaches validation (which says why) intact.
MINUTES_BOX_MAXIMUM = 9999
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
        self.minutes = NumberBox(maximum=MINUTES_BOX_MAXIMUM, decimals=1, suffix=" min")
        self.minutes.setValue(20)
        self.add_row("minutes", "&Duration", self.minutes)
        if existing is None:
            self.start_follows_duration(self.minutes)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems(BODY_AREAS)
        self.add_row("body_area", "&Where", self.area)
        self.back_before = PainScale("Back pain before")
        self.leg_before = PainScale("Leg pain before")
        self.back_after = PainScale("Back pain after")
        self.leg_after = PainScale("Leg pain after")
        self.add_row("back_before", "&Back pain before", self.back_before)
        self.add_row("leg_before", "&Leg pain before", self.leg_before)
        self.add_row("back_after", "B&ack pain after", self.back_after)
        self.add_row("leg_after", "L&eg pain after", self.leg_after)
        self.notes = QLineEdit()
        self.add_row("notes", "&Notes", self.notes)
        if existing is not None:
            self.kind.setValue(existing.kind)
            self.set_time(existing.start)
            self.minutes.setValue(existing.minutes)
            self.remember_loaded(self.minutes, existing.minutes)
            self.area.setCurrentText(existing.body_area)
            self.remember_loaded(self.area, existing.body_area)
            self.back_before.setValue(existing.back_before)
            self.leg_before.setValue(existing.leg_before)
            self.back_after.setValue(existing.back_after)
            self.leg_after.setValue(existing.leg_after)
            self.notes.setText(existing.notes)
            self.remember_loaded(self.notes, existing.notes)
        self.kind.setFocus()

    def build(self) -> list[Entry]:
        existing = self._existing
        return [
            Treatment(
                start=self.chosen_time(),
                kind=self.kind.value() or TreatmentKind.ICE,
                minutes=self.unless_edited(self.minutes, whole_if_whole(self.minutes.value())),
                body_area=self.unless_edited(self.area, self.area.currentText().strip()),
                back_before=self.back_before.value(),
                leg_before=self.leg_before.value(),
                back_after=self.back_after.value(),
                leg_after=self.leg_after.value(),
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
