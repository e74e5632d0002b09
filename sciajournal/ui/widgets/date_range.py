"""A date range chosen by preset ("Last 30 days") or by editing the two dates (then "Custom").

A controller over three widgets, so each window lays them out its own way.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from sciajournal.ui.widgets.date_time_edit import DateEdit

#: Preset lengths in days; ALL_TIME and CUSTOM mark the two presets that are not a length.
ALL_TIME = 0
CUSTOM = -1


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateRangeControls(QObject):
    changed = Signal()

    def __init__(
        self,
        presets: list[tuple[str, int]],
        default: int,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._presets = presets
        self._today = today
        self.preset = QComboBox(parent)
        self.preset.setAccessibleName("Period")
        self.preset.addItems([label for label, _days in presets])
        self.first = DateEdit(parent=parent)
        self.first.setAccessibleName("From")
        self.last = DateEdit(parent=parent)
        self.last.setAccessibleName("To")
        self._between: QLabel | None = None  # made only for a layout that shows it
        for edit in (self.first, self.last):
            edit.setDisplayFormat("d MMM yyyy")
        self.preset.setCurrentIndex(default)
        self._apply_preset()
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.first.dateChanged.connect(self._dates_edited)
        self.last.dateChanged.connect(self._dates_edited)

    def between(self) -> QLabel:
        """A "to" label for layouts that put it between the dates; hidden along with them.

        Made on request: a child label no layout placed would sit over the parent's top left.
        """
        if self._between is None:
            self._between = QLabel("to", self.first.parentWidget())
            self._between.setHidden(self.days() == ALL_TIME)
        return self._between

    def set_today(self, today: date) -> None:
        """Move a preset range ("Last 30 days") to end on `today`; a custom one stays."""
        if today != self._today:
            self._today = today
            self._apply_preset()

    def days(self) -> int:
        return self._presets[self.preset.currentIndex()][1]

    def date_range(self) -> tuple[date | None, date | None]:
        """(first, last), in order; (None, None) for all time."""
        if self.days() == ALL_TIME:
            return None, None
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return min(first, last), max(first, last)

    def _apply_preset(self) -> None:
        days = self.days()
        # All time has no dates: greyed-out old dates would read as the range shown.
        for widget in (self.first, self._between, self.last):
            if widget is not None:
                widget.setHidden(days == ALL_TIME)
        if days > 0:
            for edit, value in (
                (self.first, self._today - timedelta(days=days - 1)),
                (self.last, self._today),
            ):
                edit.blockSignals(True)
                edit.setDate(to_qdate(value))
                edit.blockSignals(False)
        self.changed.emit()

    def _dates_edited(self) -> None:
        custom = next(i for i, (_label, days) in enumerate(self._presets) if days == CUSTOM)
        if self.preset.currentIndex() != custom:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(custom)
            self.preset.blockSignals(False)
        self.changed.emit()
