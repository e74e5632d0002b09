"""Choosing what the doctor-visit summary covers: a date range and the paper size."""

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from sciajournal.report.summary_document import locale_paper

PRESETS: list[tuple[str, int | None]] = [
    ("Last 2 weeks", 14),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Custom", None),
]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SummaryDialog(QDialog):
    def __init__(self, today: date, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._today = today
        self.preset = QComboBox()
        self.preset.setAccessibleName("Period")
        for label, _days in PRESETS:
            self.preset.addItem(label)
        self.first = QDateEdit()
        self.first.setAccessibleName("From")
        self.last = QDateEdit()
        self.last.setAccessibleName("To")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setCurrentIndex(0 if locale_paper() == "a4" else 1)
        form = QFormLayout(self)
        form.addRow("&Period", self.preset)
        form.addRow("&From", self.first)
        form.addRow("&To", self.last)
        form.addRow("P&aper", self.paper)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.first.dateChanged.connect(self._custom)
        self.last.dateChanged.connect(self._custom)
        self.preset.setCurrentIndex(1)
        self._apply_preset()

    def _apply_preset(self) -> None:
        days = PRESETS[self.preset.currentIndex()][1]
        if days is None:
            return
        for edit, value in (
            (self.first, self._today - timedelta(days=days - 1)),
            (self.last, self._today),
        ):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)

    def _custom(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)

    def chosen(self) -> tuple[date, date, str]:
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        first, last = min(first, last), max(first, last)
        return first, last, str(self.paper.currentData())
