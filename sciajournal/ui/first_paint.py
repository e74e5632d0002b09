"""Run something once a widget has been painted for the first time.

Start-up uses it to show the window before the slow work (opening the journal, the
daily backup): work queued with a zero timer right after show() can run before the
window system has even asked for the first paint.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, widget: QObject, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued behind this paint, so the pixels reach the screen first.
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QObject, then: Callable[[], object]) -> None:
    """Call `then` in the event-loop turn after `widget`'s next paint."""
    widget.installEventFilter(_FirstPaint(widget, then))
