"""Choosing what the doctor-visit summary covers: a date range and the paper size."""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from sciajournal.ui.widgets.date_range import CUSTOM, DateRangeControls

PRESETS: list[tuple[str, int]] = [
    ("Last 2 weeks", 14),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Custom", CUSTOM),
]


class SummaryDialog(QDialog):
    def __init__(self, today: date, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.range = DateRangeControls(PRESETS, 1, today, self)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        from sciajournal.report.summary_document import locale_paper  # only when asked for

        self.paper.setCurrentIndex(0 if locale_paper() == "a4" else 1)
        form = QFormLayout(self)
        form.addRow("&Period", self.range.preset)
        form.addRow("&From", self.range.first)
        form.addRow("&To", self.range.last)
        form.addRow("P&aper", self.paper)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[date, date, str]:
        first, last = self.range.date_range()
        assert first is not None and last is not None  # no "all time" preset here
        return first, last, str(self.paper.currentData())
