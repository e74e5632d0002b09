"""Start-up markers for benchmarks/bench_startup.py, written only when asked for.

With SCIAJOURNAL_STARTUP_TRACE set, the app writes a line `sciajournal-trace <event>`
to stderr when something the patient can see has been painted: the journal's rows,
the charts. The benchmark times their arrival from outside the process. Without the
variable nothing is installed, so a normal start pays nothing for it.
"""

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject

from sciajournal.ui.first_paint import after_first_paint

ENV_VARIABLE = "SCIAJOURNAL_STARTUP_TRACE"


def tracing() -> bool:
    return bool(os.environ.get(ENV_VARIABLE))


def mark(event: str) -> None:
    if tracing():
        print(f"sciajournal-trace {event}", file=sys.stderr, flush=True)


def mark_after(after_paint: Callable[[Callable[[], object]], None], event: str) -> None:
    """Write the `event` marker through `after_paint`, a widget's "call this once painted"
    (only when tracing)."""
    if tracing():
        after_paint(lambda: mark(event))


def mark_first_paint(widget: QObject, event: str) -> None:
    """Write the `event` marker when `widget` has next been painted (only when tracing)."""
    if tracing():
        after_first_paint(widget, lambda: mark(event))
