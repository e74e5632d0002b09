"""Builds the QApplication, opens the journal and shows the main window."""

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sciajournal import __version__
from sciajournal.resource_files import resource_path
from sciajournal.storage.errors import JournalError
from sciajournal.storage.journal import Journal
from sciajournal.ui.dialogs.open_failure import offer_backup
from sciajournal.ui.startup_trace import mark_first_paint

if TYPE_CHECKING:
    from sciajournal.ui.main_window import MainWindow


#: How often Python gets a turn to see Ctrl+C while Qt's event loop runs.
INTERRUPT_CHECK_MS = 250
#: The shell's convention for a program ended by Ctrl+C (128 + SIGINT).
INTERRUPTED_EXIT_CODE = 130


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
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SciaJournal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SciaJournal")
    app.setWindowIcon(QIcon(str(resource_path("sciajournal.svg"))))
    try:
        journal = Journal.open(path, create_folder=create_folder, daily_backup=True)
    except JournalError as error:
        print(f"sciajournal: {error}", file=sys.stderr)
        if not offer_backup(error, path.absolute()):
            return 1
        journal = Journal.open(path, daily_backup=True)
    from sciajournal.ui.main_window import MainWindow

    window = MainWindow(journal)
    mark_first_paint(window.view.list.viewport(), "rows")
    quit_on_interrupt(app, window)
    for warning in journal.warnings:  # a daily backup that failed, a tightened mode
        print(f"sciajournal: {warning}", file=sys.stderr)
    if journal.warnings:
        window.statusBar().showMessage(" ".join(journal.warnings), 30000)
    try:
        window.show()
        window.raise_()
        window.activateWindow()  # also where no window manager gives it focus
        return app.exec()
    finally:
        window.journal.close()  # the window may have reopened it after a restore
