"""Start-up markers for benchmarks/bench_startup.py, written only when asked for.

With SCIAJOURNAL_STARTUP_TRACE set, the app writes a line `sciajournal-trace <event>`
to stderr when something the patient can see has been painted: the journal's rows,
the charts. The benchmark times their arrival from outside the process. Without the
variable nothing is installed, so a normal start pays nothing for it.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer

ENV_VARIABLE = "SCIAJOURNAL_STARTUP_TRACE"


def tracing() -> bool:
    return bool(os.environ.get(ENV_VARIABLE))


def mark(event: str) -> None:
    if tracing():
        print(f"sciajournal-trace {event}", file=sys.stderr, flush=True)


class _FirstPaint(QObject):
    """Marks `event` once, after the watched widget's first paint has been handled."""

    def __init__(self, widget: QObject, event: str) -> None:
        super().__init__(widget)
        self.marker = event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued after this paint: the marker follows the pixels, not the request.
            QTimer.singleShot(0, lambda: mark(self.marker))
        return False


def mark_first_paint(widget: QObject, event: str) -> None:
    """Write the `event` marker when `widget` has first been painted (only when tracing)."""
    if tracing():
        widget.installEventFilter(_FirstPaint(widget, event))
