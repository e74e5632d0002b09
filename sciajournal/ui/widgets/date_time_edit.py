"""Date and time fields for the keyboard: one Tab in, one Tab out, Alt+Down for a calendar.

Qt's date/time edits make Tab walk through every section (day, month, year, hour,
minute: six presses to leave a field) and Alt+Down step the day. Here Tab leaves the
field, the arrow keys move between sections and Up/Down change the one under the cursor,
and Alt+Down (or F4, as in a combo box) opens the calendar that the mouse opens.
"""

from PySide6.QtCore import QDate, QDateTime, QEvent, QPoint, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent

# Nor QStyle here: PySide6 builds its ~20 enums on import, and the journal list's date
# fields are on the first screen (issue 14). It is imported when a calendar is opened.
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QTimeEdit, QWidget


class _KeyboardFriendly:
    """Shared by the three edits below; put first, before the Qt class."""

    def focusNextPrevChild(self, next: bool) -> bool:
        # Skip QDateTimeEdit's section-by-section Tab: one Tab leaves the field.
        return QWidget.focusNextPrevChild(self, next)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self
        assert isinstance(edit, QDateTimeEdit)
        opens = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ) or (event.key() == Qt.Key.Key_F4 and not event.modifiers())
        if opens and edit.calendarPopup():
            open_calendar(edit)
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]


def open_calendar(edit: QDateTimeEdit) -> None:
    """Open the edit's own calendar popup, as a click on its arrow does (Qt has no call for it)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    at = arrow.center() if arrow.isValid() else QPoint(edit.width() - 4, edit.height() // 2)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.sendEvent(
            edit,
            QMouseEvent(
                kind,
                at,
                edit.mapToGlobal(at),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton
                if kind is QEvent.Type.MouseButtonPress
                else Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)


class DateTimeEdit(_KeyboardFriendly, QDateTimeEdit):
    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if value is not None:
            self.setDateTime(value)
        self.setCalendarPopup(True)


class DateEdit(_KeyboardFriendly, QDateEdit):
    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if value is not None:
            self.setDate(value)
        self.setCalendarPopup(True)


class TimeEdit(_KeyboardFriendly, QTimeEdit):
    """A time has no calendar; it still takes one Tab in and one out."""

    def __init__(self, value: QTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if value is not None:
            self.setTime(value)
