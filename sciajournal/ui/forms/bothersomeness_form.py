"""The weekly Sciatica Bothersomeness Index: four items about the last week, 0-6 each.

The total (0-24) is shown as the items are answered; it is the analysis's sum, worded
here without a verdict (no meaningful-change value is established for this index).
"""

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sciajournal.analysis.bothersomeness import ITEM_LABELS, ITEM_MAX, TOTAL_MAX, sbi_total
from sciajournal.core.entities import BothersomenessCheck, Entry, new_id
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm
from sciajournal.ui.widgets.pain_scale import PainScale

ANCHORS = ("not at all", "extremely")
#: Each item's row label, with its keyboard mnemonic.
ROW_LABELS = {
    "leg_pain": "&Leg pain",
    "numbness_tingling": "&Numbness or tingling\nin the leg or foot",
    "weakness": "&Weakness in the leg or foot",
    "sitting_pain": "Back or leg pain\nwhile &sitting",
}


class BothersomenessForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        existing: BothersomenessCheck | None = None,
        checks: Sequence[datetime] = (),
    ) -> None:
        """`checks`: when the checks already saved were made (one close by is asked about)."""
        title = "Sciatica bothersomeness (weekly)"
        super().__init__(f"Edit: {title}" if existing else title, parent, clock)
        self._existing = existing
        self._checks = checks
        intro = QLabel(
            "<b>In the last week, how bothersome was each of these?</b><br>"
            f"0 = not at all bothersome, {ITEM_MAX} = extremely bothersome."
        )
        intro.setWordWrap(True)
        self._form.addRow(intro)
        self.items: dict[str, PainScale] = {}
        for name, label in ITEM_LABELS.items():
            scale = PainScale(label, maximum=ITEM_MAX, anchors=ANCHORS, measure="Bothersomeness")
            scale.valueChanged.connect(self._show_total)
            self.items[name] = scale
            self.add_row(name, ROW_LABELS[name], scale)
        self.total = QLabel()
        self.total.setAccessibleName("Total")
        self._form.addRow("Total", self.total)
        self.add_time_row("at")
        self.notes = QLineEdit()
        self.add_row("notes", "N&otes", self.notes)
        if existing is not None:
            self.set_time(existing.at)
            for name, scale in self.items.items():
                scale.setValue(getattr(existing, name))
            self.notes.setText(existing.notes)
            self.remember_loaded(self.notes, existing.notes)
        self._show_total()
        self.items["leg_pain"].setFocus()

    def _answers(self) -> dict[str, int | None]:
        return {name: scale.value() for name, scale in self.items.items()}

    def _show_total(self) -> None:
        answers = self._answers()
        missing = sum(1 for value in answers.values() if value is None)
        if missing:
            self.total.setText(f"– of {TOTAL_MAX} (answer all four items; {missing} to go)")
            return
        check = BothersomenessCheck(at=self.now(), **answers)  # type: ignore[arg-type]
        self.total.setText(f"{sbi_total(check)} of {TOTAL_MAX}")

    def confirm(self, entries: list[Entry]) -> bool:
        """A new check minutes after another is most likely the same one saved twice."""
        if self._existing is not None:
            return True
        question = "You answered these questions at {time} already: save another check?"
        (check,) = entries
        assert isinstance(check, BothersomenessCheck)
        return self.ask_if_repeated(check.at, self._checks, question)

    def build(self) -> list[Entry]:
        answers = self._answers()
        for name, value in answers.items():
            if value is None:
                self.problem(name, f"choose from 0 (not at all) to {ITEM_MAX} (extremely)")
        existing = self._existing
        return [
            BothersomenessCheck(
                at=self.chosen_time(),
                leg_pain=answers["leg_pain"] or 0,  # placeholders: reported above
                numbness_tingling=answers["numbness_tingling"] or 0,
                weakness=answers["weakness"] or 0,
                sitting_pain=answers["sitting_pain"] or 0,
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        ]
