"""The chart library loaded in the background once the window has settled (issue 14).

Importing pyqtgraph and numpy took most of the Charts tab's first opening (0.6-1 s).
A second after the journal's rows are on screen, the library is loaded in two parts:

1. On the GUI thread, in slices of a few milliseconds per event-loop turn: the PySide6
   modules pyqtgraph imports, and every class of QtCore, QtGui and QtWidgets. PySide6
   builds a class on its first use; pyqtgraph.Qt touches them all, and building the same
   class on two threads at once is not something PySide6 promises to survive. Each class
   costs well under 20 ms, so a key pressed meanwhile waits no longer than that.
2. On a Python thread: `import numpy, pyqtgraph`. Nothing either runs at import needs
   the GUI thread (no QApplication, pixmap, font database, timer or signal hook: only
   value types such as QColor, QPainterPath and QTransform are made); the event loop
   holds no lock while idle and Python switches threads every 5 ms, so the window
   answers meanwhile. The thread imports nothing of SciaJournal's own.

Opening the Charts tab meanwhile needs no care: its import of pyqtgraph waits for the
thread's (Python's import lock), then finds the modules loaded. Closing the window
waits for the thread, so it never outlives the window.
"""

import gc
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from enum import Enum
from functools import partial
from importlib import import_module

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: After the journal is open: time for the rows' first paint and a first glance.
PRELOAD_AFTER_MS = 1000
#: GUI-thread work per event-loop turn before the next turn's events get their go.
SLICE_SECONDS = 0.004
#: What pyqtgraph.Qt imports of PySide6 besides the three the window already has.
PYSIDE_MODULES = ("PySide6.QtSvg", "PySide6.QtOpenGLWidgets", "PySide6.QtTest")
#: Every class of these is touched by pyqtgraph.Qt's import.
TOUCHED_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", *PYSIDE_MODULES)
#: What the thread imports: the chart library only, nothing of SciaJournal.
LIBRARY = ("numpy", "pyqtgraph")
THREAD_NAME = "sciajournal-chart-preload"


class Stage(Enum):
    WAITING = "waiting"
    PREPARING = "preparing Qt classes"
    IMPORTING = "importing on its thread"
    DONE = "done"
    STOPPED = "stopped"


class ChartLibraryPreload(QObject):
    """Loads pyqtgraph and numpy for `window`'s Charts tab, as the module docstring says."""

    def __init__(self, window: QWidget, after_ms: int = PRELOAD_AFTER_MS) -> None:
        super().__init__(window)
        self.stage = Stage.WAITING
        self.importer: threading.Thread | None = None
        #: Why the thread's import failed, if it did (the tab's own import says it again).
        self.error: BaseException | None = None
        self._steps: deque[Callable[[], object]] = deque()
        self._turn = QTimer(self)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._run_slice)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        QTimer.singleShot(after_ms, self, self._begin)

    def _begin(self) -> None:
        if self.stage is not Stage.WAITING:
            return
        if all(name in sys.modules for name in LIBRARY):
            self.stage = Stage.DONE  # the Charts tab was opened first
            return
        self.stage = Stage.PREPARING
        # What start-up left alive (modules, Qt's wrappers, the journal's figures) stays
        # alive: Python's cyclic collector need not scan it again. Without this, the
        # allocations below set off a full collection of the whole heap, 150-190 ms on
        # the GUI thread with a year's journal, the worst stall of the preload by far.
        gc.freeze()
        self._steps.extend(partial(import_module, name) for name in PYSIDE_MODULES)
        self._steps.extend(partial(self._queue_classes, name) for name in TOUCHED_MODULES)
        self._steps.append(self._start_thread)
        self._turn.start()

    def _queue_classes(self, module_name: str) -> None:
        module = sys.modules[module_name]
        self._steps.extendleft(reversed([partial(getattr, module, name) for name in dir(module)]))

    def _run_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._steps and time.perf_counter() < deadline:
            self._steps.popleft()()
        if not self._steps:
            self._turn.stop()

    def _start_thread(self) -> None:
        self.stage = Stage.IMPORTING
        self.importer = threading.Thread(target=self._import_library, name=THREAD_NAME)
        self.importer.start()

    def _import_library(self) -> None:
        try:
            for name in LIBRARY:
                import_module(name)
        except Exception as error:  # the tab's own import reports it again, on its thread
            self.error = error
        self.stage = Stage.DONE

    def is_running(self) -> bool:
        return self.importer is not None and self.importer.is_alive()

    def stop(self) -> None:
        """No further step; the thread, if started, is waited for (a second at most)."""
        self._turn.stop()
        self._steps.clear()
        if self.stage in (Stage.WAITING, Stage.PREPARING):
            self.stage = Stage.STOPPED
        if self.importer is not None:
            self.importer.join()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.stop()
        if self.stage in (Stage.DONE, Stage.STOPPED) and not self.is_running():
            watched.removeEventFilter(self)  # the window's events need no more looks
        return False


def preload_chart_library(window: QWidget, after_ms: int = PRELOAD_AFTER_MS) -> ChartLibraryPreload:
    """Start loading the Charts tab's library `after_ms` from now (see the module)."""
    return ChartLibraryPreload(window, after_ms)
