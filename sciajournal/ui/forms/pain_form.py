"""Log pain: back and leg 0-10, and where and how it is felt.

Opens with the back score focused: a digit for back, a digit for leg, Enter. A morning
rating can also record last night's sleep, a bedtime rating the day's longest
comfortable sitting; those rows show only for that time of day.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from sciajournal.core.entities import Entry, PainRating, Walk, new_id
from sciajournal.core.enums import WALK_CONTEXTS, PainContext, Reach, Side
from sciajournal.core.sleep_sitting_questions import (
    COMFORTABLE_SITTING,
    HOURS_SLEPT,
    TIMES_WOKEN,
)
from sciajournal.core.timestamps import local_now
from sciajournal.ui.forms.entry_form import EntryForm
from sciajournal.ui.widgets.choice_combo import ChoiceCombo
from sciajournal.ui.widgets.number_box import plain_number
from sciajournal.ui.widgets.pain_lasted import PainLastedQuestion
from sciajournal.ui.widgets.pain_scale import PainScale

FREE_CONTEXTS = [
    PainContext.STANDALONE,
    PainContext.MORNING,
    PainContext.BEDTIME,
]
CONTEXT_LABELS = {
    PainContext.STANDALONE: "Any time",
    PainContext.MORNING: "Morning (on waking)",
    PainContext.BEDTIME: "Bedtime",
    PainContext.BEFORE_WALK: "Before a walk",
    PainContext.END_OF_WALK: "End of a walk",
    PainContext.FOLLOW_UP: "Follow-up after a walk",
}


def with_mnemonic(text: str, letter: str) -> str:
    """`text` with Alt+`letter` (its first occurrence) as the row's keyboard mnemonic."""
    at = text.index(letter)
    return f"{text[:at]}&{text[at:]}"


class PainForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        walk: Walk | None = None,
        context: PainContext = PainContext.STANDALONE,
        existing: PainRating | None = None,
    ) -> None:
        super().__init__("Edit pain rating" if existing else "Log pain", parent, clock)
        self._existing = existing
        self._walk_id = existing.walk_id if existing else (walk.id if walk else None)
        if existing is not None:
            context = existing.context
        self._walk = walk
        if walk is not None and existing is None:
            prompt = QLabel(
                f"How is your pain now? Your {walk.minutes:g}-minute walk ended at "
                f"{walk.end.strftime('%H:%M')}."
            )
            prompt.setWordWrap(True)
            self._form.addRow(prompt)
        self.back = PainScale("Back pain")
        self.leg = PainScale("Leg pain")
        self.add_row("back", "&Back", self.back)
        self.add_row("leg", "&Leg", self.leg)
        self.add_time_row("at")
        self.pain_lasted: PainLastedQuestion | None = None
        if walk is not None and context is PainContext.FOLLOW_UP:
            self.pain_lasted = PainLastedQuestion()
            self.pain_lasted.show_hours(walk.pain_lasted_hours)
            self.remember_loaded(self.pain_lasted, walk.pain_lasted_hours)
            self.add_row("pain_lasted_hours", "Still raise&d?", self.pain_lasted)
        contexts = FREE_CONTEXTS + ([context] if context not in FREE_CONTEXTS else [])
        self.context = ChoiceCombo(contexts, labels=CONTEXT_LABELS)
        self.context.setValue(context)
        self.context.setEnabled(context not in WALK_CONTEXTS)
        self.add_row("context", "&When", self.context, aliases=("walk_id",))
        self.side = ChoiceCombo(list(Side), optional=True)
        self.add_row("side", "&Side", self.side)
        self.reach = ChoiceCombo(list(Reach), optional=True)
        self.add_row("reach", "&Reaches down to", self.reach)
        symptoms = QWidget()
        row = QHBoxLayout(symptoms)
        row.setContentsMargins(0, 0, 0, 0)
        self.numbness = QCheckBox("&Numbness")
        self.tingling = QCheckBox("T&ingling")
        self.weakness = QCheckBox("W&eakness")
        for box in (self.numbness, self.tingling, self.weakness):
            row.addWidget(box)
        row.addStretch()
        self.add_row("numbness", "Symptoms", symptoms, aliases=("tingling", "weakness"))
        self.times_woken = self._optional_number(
            "times_woken", with_mnemonic(TIMES_WOKEN, "k"), "if you know"
        )
        self.hours_slept = self._optional_number(
            "hours_slept", with_mnemonic(HOURS_SLEPT, "u"), "hours, e.g. 6.5"
        )
        self.sitting = self._optional_number(
            "comfortable_sitting_minutes",
            with_mnemonic(COMFORTABLE_SITTING, "c"),
            "minutes, if you know",
        )
        self.notes = QLineEdit()
        self.add_row("notes", "N&otes", self.notes)
        if existing is not None:
            self._load(existing)
        self._show_rows_for_context()
        self.context.currentIndexChanged.connect(self._show_rows_for_context)
        self.back.setFocus()

    def _optional_number(self, field: str, label: str, hint: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(f"optional: {hint}")
        self.add_row(field, label, edit)
        return edit

    def _shown(self, edit: QLineEdit) -> bool:
        """Sleep rows on a morning rating, the sitting row on a bedtime one."""
        wanted = PainContext.BEDTIME if edit is self.sitting else PainContext.MORNING
        return self.context.value() is wanted

    def _show_rows_for_context(self) -> None:
        for edit in (self.times_woken, self.hours_slept, self.sitting):
            row = edit.parentWidget()  # the holder add_row put it in, with its error label
            assert row is not None
            self._form.setRowVisible(row, self._shown(edit))

    def _load(self, rating: PainRating) -> None:
        self.set_time(rating.at)
        self.back.setValue(rating.back)
        self.leg.setValue(rating.leg)
        self.side.setValue(rating.side)
        self.reach.setValue(rating.reach)
        self.numbness.setChecked(rating.numbness)
        self.tingling.setChecked(rating.tingling)
        self.weakness.setChecked(rating.weakness)
        self.notes.setText(rating.notes)
        self.remember_loaded(self.notes, rating.notes)
        for edit, value in (
            (self.times_woken, rating.times_woken),
            (self.hours_slept, rating.hours_slept),
            (self.sitting, rating.comfortable_sitting_minutes),
        ):
            if value is not None:
                edit.setText(plain_number(value))
                self.remember_loaded(edit, value)

    def _number_if_shown(self, edit: QLineEdit, field: str) -> float | None:
        """What the row holds, if the chosen time of day has it (a hidden row records nothing)."""
        if not self._shown(edit):
            return None
        return self.unless_edited(edit, self.read_number(edit, field))

    def build(self) -> list[Entry]:
        back, leg = self.back.value(), self.leg.value()
        for name, score in (("back", back), ("leg", leg)):
            if score is None:
                self.problem(name, "choose a score from 0 (no pain) to 10 (worst imaginable)")
        existing = self._existing
        times_woken = self._number_if_shown(self.times_woken, "times_woken")
        rating = PainRating(
            at=self.chosen_time(),
            back=0 if back is None else back,  # placeholders: reported above
            leg=0 if leg is None else leg,
            context=self.context.value() or PainContext.STANDALONE,
            walk_id=self._walk_id,
            side=self.side.value(),
            reach=self.reach.value(),
            numbness=self.numbness.isChecked(),
            tingling=self.tingling.isChecked(),
            weakness=self.weakness.isChecked(),
            notes=self.unless_edited(self.notes, self.notes.text().strip()),
            id=existing.id if existing else new_id(),
            # A fraction of a time is refused by validation, naming the field.
            times_woken=times_woken,  # type: ignore[arg-type]
            hours_slept=self._number_if_shown(self.hours_slept, "hours_slept"),
            comfortable_sitting_minutes=self._number_if_shown(
                self.sitting, "comfortable_sitting_minutes"
            ),
        )
        if self.pain_lasted is None or self._walk is None:
            return [rating]
        # The answer belongs to the walk: the window saves both in one undoable step.
        lasted = self.pain_lasted.hours_lasted(rating.at - self._walk.end)
        walk = replace(self._walk, pain_lasted_hours=self.unless_edited(self.pain_lasted, lasted))
        return [rating, walk]
