"""Reading a device file in a worker thread, so a multi-GB Apple Health export does not
freeze the window: the thread only parses the file (it never touches the journal, whose
connection belongs to the window's thread), reports the bytes read and stops at the next
chunk when cancelled. Its signals reach the window's objects queued, on their thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from sciajournal.exchange.device_import import read_device_file
from sciajournal.exchange.import_source import ImportCancelled, ImportFileError

#: Progress is reported at most this many times (a 2 GB export is 2000 chunks).
PROGRESS_STEPS = 200


class DeviceFileReader(QThread):
    # object, not int: a Qt int is 32 bits and exports pass 2 GB.
    progressed = Signal(object, object)  # bytes read, bytes in all
    done = Signal(object)  # the DeviceReading, unless cancelled
    failed = Signal(str)  # a one-line message naming the file

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._stop = threading.Event()
        self._last_step = -1

    def cancel(self) -> None:
        """Stop at the next chunk read; `done` will not be emitted."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise ImportCancelled
        step = done * PROGRESS_STEPS // max(total, 1)
        if step != self._last_step:
            self._last_step = step
            self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            reading = read_device_file(self.path, self._progress)
        except ImportCancelled:
            return
        except ImportFileError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a thread must say why it ended
            self.failed.emit(f"{self.path.name}: could not be read ({error})")
            return
        if not self._stop.is_set():
            self.done.emit(reading)
