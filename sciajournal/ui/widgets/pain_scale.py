"""A 0-10 pain scale that works by mouse and by keyboard (and other 0-N scales: the
bothersomeness items 0-6, the functional scale's 0-10 with its own anchor words).

Eleven buttons in a row for the mouse. With the keyboard, typing a digit sets the score
and moves on to the next field, so "back 3, leg 5, Enter" is three keys; arrow keys step
through the scale and End gives 10. On a scale that goes to 10, "1" waits a moment for a
"0" (so "1 0" types 10) before moving on. No button checked means "not rated".

A keyboard user used to forms types "3, Tab, 4, Tab": the Tab straight after a digit moved
the focus on is taken as that same move, not a second one that would skip a field.

Whether a "0" makes 10 depends on when the user TYPED it, not on when the app got to it:
on a busy computer the event loop may stall for over a second after the "1", and then the
wait's timer runs out before the already-typed "0" is handled. Each key carries the window
system's time of the key (QKeyEvent.timestamp()): a "0" typed within TEN_WAIT_MS of the
"1" makes 10 even after the move-on (the next field never sees it), and one typed later
goes to the next field even if handled before the timer fired.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

from sciajournal.ui.focus_ring import OWN_FOCUS_INDICATOR

MAX_SCORE = 10
#: The words at the ends of the scale: a number without anchors means different things to
#: different people (and to the same person on different days).
ANCHORS = {0: "no pain", MAX_SCORE: "worst imaginable"}
#: How long "1" waits for the "0" of 10 before moving on. Long enough for a slow second
#: key, short enough that a lone "1" still moves on by itself.
TEN_WAIT_MS = 1000
#: A score button asks for no more than this width: a style's usual push-button width
#: (about 80 px) made every 0-10 scale over 1000 px wide and every form with it too wide
#: for a 1024 px screen. The buttons still grow when the form is wider.
SCORE_BUTTON_WIDTH = 40


class ScoreButton(QPushButton):
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), max(SCORE_BUTTON_WIDTH, self.minimumWidth())), hint.height())


class TabAfterMovingOn(QObject):
    """Watches the field a digit moved the focus to: if the next key there is Tab, it is
    the move the digit already made and is dropped. Any other key, or the focus leaving
    (a click elsewhere), ends the watch; the digit's own key release is let through."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field)
        self._field = field
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.FocusOut):
            return False
        self._field.removeEventFilter(self)
        self.deleteLater()
        return (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        )


def ms_between(earlier: int, later: int) -> int | None:
    """Milliseconds between two keys' window-system times (X's 32-bit clock wraps), or
    None if either has none (a key a program made): then the wait's timer decides."""
    if not (earlier and later):
        return None
    return (later - earlier) % 2**32


def is_plain_zero(event: QKeyEvent) -> bool:
    return event.text() == "0" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class ZeroOfTen(QObject):
    """Watches the field the scale's wait moved the focus to: if its next key is a "0"
    typed within TEN_WAIT_MS of the "1" (the app was too busy to see it in time), the scale
    becomes 10 and the field never sees the key. Any other key, or the focus leaving, ends
    the watch. Installed after TabAfterMovingOn, so it sees the key first and a Tab after
    the 10 is still taken as the 10's move."""

    def __init__(self, field: QWidget, scale: "PainScale", one: int) -> None:
        super().__init__(field)
        self._field, self._scale, self._one = field, scale, one
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.FocusOut):
            return False
        self._field.removeEventFilter(self)
        self.deleteLater()
        if not (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)):
            return False
        gap = ms_between(self._one, event.timestamp())
        if is_plain_zero(event) and gap is not None and gap <= TEN_WAIT_MS:
            self._scale.setValue(10)
            return True
        return False


class PainScale(QWidget):
    valueChanged = Signal(object)  # int | None

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        maximum: int = MAX_SCORE,
        anchors: tuple[str, str] = (ANCHORS[0], ANCHORS[MAX_SCORE]),
        measure: str = "Pain",
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._maximum = maximum
        low, high = anchors
        self.setAccessibleDescription(
            f"{measure} from 0 ({low}) to {maximum} ({high}). Type a digit"
            + (", 1 then 0 for 10," if maximum >= 10 else ",")
            + f" use the arrow keys, or End for {maximum}."
        )
        self.setToolTip(
            f"0 = {low}, {maximum} = {high}.\n"
            f"Type 0-{min(maximum, 9)}"
            + (" or 1 0 for 10" if maximum >= 10 else "")
            + f", arrows to step, End = {maximum}."
        )
        # After "1" on a 0-10 scale: the "0" of 10 may follow; if not, move on.
        self._ten_wait = QTimer(self)
        self._ten_wait.setSingleShot(True)
        self._ten_wait.setInterval(TEN_WAIT_MS)
        self._ten_wait.timeout.connect(self._wait_ran_out)
        self._one = 0  # when the "1" being waited on was typed (window-system time)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty(OWN_FOCUS_INDICATOR, True)  # its frame, below, is the focus ring
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # so that "not rated" can be restored
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)  # room for the focus frame
        layout.setSpacing(2)
        # The anchors sit beside the ends, not below: four scales in the walk form must
        # not make it taller.
        layout.addWidget(self._anchor(low, Qt.AlignmentFlag.AlignRight))
        for score in range(maximum + 1):
            button = ScoreButton(str(score))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scale itself takes the keys
            button.setAccessibleName(f"{name} {score}")
            button.setMinimumWidth(30)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._group.addButton(button, score)
            layout.addWidget(button)
        layout.addWidget(self._anchor(high, Qt.AlignmentFlag.AlignLeft))
        # The chosen score must stand out in light and dark palettes and in greyscale.
        self.setStyleSheet(
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); font-weight: bold; }"
        )
        self._group.idClicked.connect(self._clicked)
        self._value: int | None = None
        self._say_value()

    @staticmethod
    def _anchor(text: str, alignment: Qt.AlignmentFlag) -> QLabel:
        label = QLabel(text)
        label.setAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        label.setAccessibleName(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        label.setFont(font)
        return label

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not 0 <= value <= self._maximum:
            raise ValueError(f"score {value} outside 0-{self._maximum}")
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) == value)
        if value != self._value:
            self._value = value
            self._say_value()
            self.valueChanged.emit(value)

    def _say_value(self) -> None:
        """The name carries the score, so a screen reader says "Back pain, 4", not "4"."""
        shown = "not rated" if self._value is None else str(self._value)
        self.setAccessibleName(f"{self._name}, {shown}")

    def _clicked(self, score: int) -> None:
        self.setValue(score)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def _move_on(self) -> QWidget | None:
        """After a digit: on to the next field, where a Tab straight away is this move;
        that field, if the focus went on."""
        self._ten_wait.stop()
        if self.window().focusWidget() is not self:  # moved away meanwhile
            return None
        self.focusNextChild()
        field = self.window().focusWidget()
        if field is None or field is self:
            return None
        TabAfterMovingOn(field)
        return field

    def _wait_ran_out(self) -> None:
        """No "0" yet after the "1": on to the next field, which hands back a "0" typed
        in time that the busy app had not got to yet."""
        field = self._move_on()
        if field is not None and self._one:
            ZeroOfTen(field, self, self._one)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        key = event.key()
        digit = text.isdigit() and len(text) == 1
        if self._ten_wait.isActive():
            self._ten_wait.stop()
            gap = ms_between(self._one, event.timestamp())
            if is_plain_zero(event) and (gap is None or gap <= TEN_WAIT_MS):
                self.setValue(10)
                self._move_on()
                return
            if digit:  # "1" was this scale's score; this digit is for the next field
                self.focusNextChild()
                target = self.window().focusWidget()
                if target is not None and target is not self:
                    forwarded = QKeyEvent(event.type(), key, event.modifiers(), text)
                    forwarded.setTimestamp(event.timestamp())  # its own time, if a "1"
                    QCoreApplication.sendEvent(target, forwarded)
                return
            # any other key acts on this scale, which keeps the focus
        if digit and int(text) <= self._maximum:
            self.setValue(int(text))
            if text == "1" and self._maximum >= 10:
                self._one = event.timestamp()
                self._ten_wait.start()
            else:
                self._move_on()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.setValue(min(self._maximum, (self._value if self._value is not None else -1) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.setValue(max(0, (self._value if self._value is not None else 1) - 1))
        elif key == Qt.Key.Key_End:
            self.setValue(self._maximum)
        elif key == Qt.Key.Key_Home:
            self.setValue(0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setValue(None)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._ten_wait.stop()  # left by Tab or a click: nothing more to move
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # The buttons never take focus, so the scale shows where the keyboard is.
            painter = QStylePainter(self)
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect().adjusted(0, 0, -1, -1)
            pen = painter.pen()
            pen.setColor(self.palette().highlight().color())
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
