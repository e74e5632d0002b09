"""Builds the QApplication, shows the main window, then opens the journal into it."""

import signal
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sciajournal import __version__
from sciajournal.resource_files import resource_path
from sciajournal.ui.first_paint import after_first_paint
from sciajournal.ui.pyside_source_check import spare_module_sources
from sciajournal.ui.startup_trace import mark_first_paint

if TYPE_CHECKING:
    from sciajournal.storage.journal import Journal
    from sciajournal.ui.daily_backup import DailyBackup
    from sciajournal.ui.main_window import MainWindow


#: How often Python gets a turn to see Ctrl+C while Qt's event loop runs.
INTERRUPT_CHECK_MS = 250
#: The shell's convention for a program ended by Ctrl+C (128 + SIGINT).
INTERRUPTED_EXIT_CODE = 130
#: As the command line's verbs end on a bug (EX_SOFTWARE).
INTERNAL_ERROR_EXIT_CODE = 70


def quit_on_interrupt(app: QApplication, window: "MainWindow") -> None:
    """Ctrl+C in the terminal closes the window and exits cleanly, without a traceback.

    Python only runs signal handlers between bytecodes, and Qt's loop runs in C++: the
    timer hands control back often enough. Without the handler, KeyboardInterrupt was
    raised inside whichever slot happened to run (refresh_status) and the window stayed.
    """

    def interrupted(_signum: int, _frame: object) -> None:
        window.close()  # saves the window's geometry like any close
        app.exit(INTERRUPTED_EXIT_CODE)

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(INTERRUPT_CHECK_MS)


def run_app(path: Path, *, create_folder: bool = False) -> int:
    """Show the window at once, then open the journal into it, then back it up.

    The window comes first, saying "Opening your journal…": the journal needs
    SQLAlchemy, whose import costs more than the window itself (issue 14). The journal
    is opened in the event-loop turn after the window's first paint, and the daily
    backup runs on its own thread after the rows' first paint.
    """
    spare_module_sources()  # before the window's and the journal's modules are imported
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SciaJournal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SciaJournal")
    app.setWindowIcon(QIcon(str(resource_path("sciajournal.svg"))))
    from sciajournal.ui.main_window import MainWindow

    window = MainWindow(None, path=path)
    quit_on_interrupt(app, window)
    backup: list[DailyBackup] = []

    def open_journal() -> None:
        try:
            journal = _open_or_offer_backup(path, create_folder, window)
        except Exception:  # a bug: never leave the window saying "Opening…" for ever
            traceback.print_exc()
            app.exit(INTERNAL_ERROR_EXIT_CODE)
            return
        if journal is None:
            app.exit(1)
            return
        window.open_journal(journal)
        mark_first_paint(window.view.list.viewport(), "rows")
        after_first_paint(window, lambda: backup.append(_start_daily_backup(window)))
        from sciajournal.ui.charts.preload import preload_chart_library  # no pyqtgraph here

        preload_chart_library(window)  # the Charts tab's library, once the window settled
        for warning in journal.warnings:  # a tightened mode
            print(f"sciajournal: {warning}", file=sys.stderr)
        if journal.warnings:
            window.statusBar().showMessage(" ".join(journal.warnings), 30000)

    after_first_paint(window, open_journal)
    try:
        window.show()
        window.raise_()
        window.activateWindow()  # also where no window manager gives it focus
        return app.exec()
    finally:
        for thread in backup:
            thread.wait()  # a backup is finished, never cut off, before the journal closes
        if window.is_open():
            window.journal.close()  # the window may have reopened it after a restore


def _open_or_offer_backup(
    path: Path, create_folder: bool, window: "MainWindow"
) -> "Journal | None":
    from sciajournal.storage.errors import JournalError
    from sciajournal.storage.journal import Journal  # SQLAlchemy: after the first paint

    try:
        return Journal.open(path, create_folder=create_folder)
    except JournalError as error:
        from sciajournal.ui.dialogs.open_failure import offer_backup  # only when it fails

        print(f"sciajournal: {error}", file=sys.stderr)
        if not offer_backup(error, path.absolute(), window):
            return None
    try:
        return Journal.open(path)  # the restored backup
    except JournalError as error:
        print(f"sciajournal: {error}", file=sys.stderr)
        return None


def _start_daily_backup(window: "MainWindow") -> "DailyBackup":
    from sciajournal.ui.daily_backup import DailyBackup  # storage's file checks and lock

    thread = DailyBackup(window.journal.path)
    thread.failed.connect(lambda text: _backup_failed(window, text))
    thread.start(QThread.Priority.LowPriority)
    return thread


def _backup_failed(window: "MainWindow", text: str) -> None:
    print(f"sciajournal: {text}", file=sys.stderr)
    window.statusBar().showMessage(text, 30000)
