"""The follow-up's second question: is the pain still raised, and how long did it stay up?

Its answer is the walk's `pain_lasted_hours` (domain.md rule 1: "the user records that
pain lasted 2 hours or more"), which analysis judges; this widget only asks.
"""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from sciajournal.ui.widgets.number_box import NumberBox

NOT_ANSWERED, NOT_RAISED, STILL_RAISED, SETTLED_AFTER = range(4)
ANSWERS = [
    "Not answered",
    "The walk did not raise it",
    "Still raised now",
    "It was raised, and settled after",
]
#: Wider than the 72 hours validation allows, so a typed 100 is refused with a reason.
HOURS_BOX_MAXIMUM = 999


class PainLastedQuestion(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer = QComboBox()
        self.answer.addItems(ANSWERS)
        self.answer.setAccessibleName("Is it still raised?")
        self.hours = NumberBox(maximum=HOURS_BOX_MAXIMUM, decimals=1, step=0.5, suffix=" h")
        self.hours.setValue(1)
        self.hours.setAccessibleName("Hours the pain stayed up")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.answer, 1)
        row.addWidget(self.hours)
        after = QLabel("after the walk")
        after.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        row.addWidget(after)
        self.answer.currentIndexChanged.connect(self._answered)
        self._answered()

    def _answered(self) -> None:
        self.hours.setEnabled(self.answer.currentIndex() == SETTLED_AFTER)

    def show_hours(self, hours: float | None) -> None:
        """Show a recorded answer: none, not raised (0), or how long it stayed up."""
        if hours is None:
            self.answer.setCurrentIndex(NOT_ANSWERED)
        elif hours == 0:
            self.answer.setCurrentIndex(NOT_RAISED)
        else:
            self.answer.setCurrentIndex(SETTLED_AFTER)
            self.hours.setValue(hours)

    def shown_text(self) -> str:
        """What the question shows, to tell whether the user changed the answer."""
        return f"{self.answer.currentText()} {self.hours.text()}"

    def hours_lasted(self, since_walk_ended: timedelta) -> float | None:
        """The answer as hours: None when not answered; "still raised" counts until the rating."""
        match self.answer.currentIndex():
            case 1:  # NOT_RAISED
                return 0
            case 2:  # STILL_RAISED
                hours = round(max(since_walk_ended.total_seconds(), 0) / 3600, 1)
                return int(hours) if hours.is_integer() else hours
            case 3:  # SETTLED_AFTER
                value = self.hours.value()
                return int(value) if value.is_integer() else value
        return None
