"""Keys typed while a form opens reach the form, in order.

A quick typist presses "Ctrl+R 3 5 Enter" in one go. Building the form takes a moment (on
a busy computer over a second); meanwhile the keys wait in the window system's queue,
addressed to the main window. Once the form is shown, the main window is blocked by it
and Qt drops those keys before any event filter sees them: the form opened empty.

So, just before a form is shown, the event loop gets one turn, with a filter that takes
the keys already typed (and every other key and mouse press meant for the window the form
will block, as the form would): nothing reaches the main window, so a typed-ahead Ctrl+W
opens nothing behind the form's back. Once the form is shown, the keys are handed to the
form's focus widget, in order, each with the time it was typed (a "1 0" typed ahead is
still 10). Timers do not run in that turn, so nothing else opens meanwhile.

Keys typed in the instant between the form's showing and its window getting the keyboard
are still Qt's to drop; making the forms open quickly keeps that instant short.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
#: What the user does to the window the form is about to block: the form would block it.
BLOCKED_INPUT = (
    *KEYS,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
)
#: The keys' turn: user input and posted events only (no timers, no sockets).
KEYS_TURN = QEventLoop.ProcessEventsFlag.X11ExcludeTimers | (
    QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
)


class TypedAhead(QObject):
    """Collects the keys typed at other windows while `form` is not yet shown."""

    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self._form = form
        self.keys: list[QKeyEvent] = []

    def _in_form(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self._form
        return isinstance(watched, QWindow) and watched is self._form.windowHandle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in BLOCKED_INPUT or self._in_form(watched):
            return False
        # Taken at its first stop (Qt hands a key to the window, which hands it to its
        # focus widget), so each key is kept once.
        if event.type() in KEYS and isinstance(event, QKeyEvent):
            self.keys.append(copy_of(event))
        event.accept()  # a ShortcutOverride accepted: no shortcut of the window runs
        return True

    def hand_to_form(self) -> None:
        """Each key to whatever has the focus in the form then (a digit moves it on)."""
        for event in self.keys:
            if not self._form.isVisible():  # an Escape or Enter typed ahead closed it
                return
            QCoreApplication.sendEvent(self._form.focusWidget() or self._form, event)


def copy_of(event: QKeyEvent) -> QKeyEvent:
    copy = QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
    copy.setTimestamp(event.timestamp())
    return copy


def collect_typed_ahead(form: QWidget) -> TypedAhead:
    """Call just before `form` is shown; after showing it, call `hand_to_form()`."""
    typed = TypedAhead(form)
    app = QApplication.instance()
    if app is None:
        return typed
    app.installEventFilter(typed)
    try:
        app.processEvents(KEYS_TURN)
    finally:
        app.removeEventFilter(typed)
    return typed
