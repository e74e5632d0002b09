"""Builds the QApplication, shows the main window, then the journal's first screen, then
opens the journal into it."""

import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sciajournal import __version__
from sciajournal.resource_files import resource_path
from sciajournal.ui.first_paint import after_first_paint
from sciajournal.ui.pyside_source_check import spare_module_sources
from sciajournal.ui.startup_trace import mark_after

if TYPE_CHECKING:
    from sciajournal.storage.errors import JournalError
    from sciajournal.storage.journal import Journal
    from sciajournal.storage.writable_file import InspectedJournal
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
    """Show the window at once, then the journal's first screen, then open the journal
    into it, then back it up.

    The window comes first, saying "Opening your journal…". In the event-loop turn after
    its first paint the journal is checked (a damaged one is offered its backup, as
    before) and, when it is at the current schema, its rows and Today panel are read
    with the sqlite3 module (storage/first_screen.py) and shown, nothing usable yet. The
    lock (filelock) and the Journal itself (SQLAlchemy, whose import costs more than the
    window and the rows together, issue 14) are taken and opened in the turns after the
    rows' first paint, and the window switches to the journal; a journal in use is
    refused then, as before, with its rows behind the message. A new journal, or one to
    migrate, is locked and opened first, as it always was. The daily backup runs on its
    own thread after that.
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
    #: Given up when the window closes before the journal is open (its first screen shown).
    unfinished: list[Callable[[], object]] = []

    def show(journal: "Journal | None", *, rows_shown: bool = False) -> None:
        from sciajournal.storage.errors import JournalError

        if journal is None:
            app.exit(1)
            return
        try:
            window.open_journal(journal)
        except JournalError as error:  # a damaged value met showing it: offered its backup
            journal.close()
            show(_offer_backup(error, path, window), rows_shown=rows_shown)
            return
        if not rows_shown:  # not from the first screen: now, from the journal
            mark_after(window.after_rows_painted, "rows")
        after_first_paint(window, lambda: backup.append(_start_daily_backup(window)))
        from sciajournal.ui.charts.preload import preload_chart_library  # no pyqtgraph here

        preload_chart_library(window)  # the Charts tab's library, once the window settled
        for warning in journal.warnings:  # a tightened mode
            print(f"sciajournal: {warning}", file=sys.stderr)
        if journal.warnings:
            window.statusBar().showMessage(" ".join(journal.warnings), 30000)

    def guarded(step: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                step()
            except Exception:  # a bug: never leave the window saying "Opening…" for ever
                traceback.print_exc()
                app.exit(INTERNAL_ERROR_EXIT_CODE)

        return run

    def open_journal() -> None:
        from sciajournal.storage.errors import JournalError
        from sciajournal.storage.first_screen import FirstScreenReader, FirstScreenUnreadable
        from sciajournal.storage.writable_file import inspect_for_writing

        try:
            inspected = inspect_for_writing(path, create_folder=create_folder)
        except JournalError as error:  # damaged, newer, unreadable: said before any rows
            show(_offer_backup(error, path, window))
            return
        try:
            reader = FirstScreenReader(inspected)
        except (FirstScreenUnreadable, JournalError):  # new, to migrate: the journal first
            show(_lock_and_open(inspected, path, window))
            return
        unfinished.append(reader.close)
        try:
            window.show_first_screen(reader)
        except JournalError as error:  # a damaged value: as when a journal cannot be opened
            _give_up(unfinished)
            show(_offer_backup(error, path, window))
            return
        mark_after(window.after_rows_painted, "rows")

        def switch() -> None:
            unfinished.clear()  # the reader is closed below
            try:
                # The lock now (a journal in use is refused here, its rows just shown),
                # then the journal, which takes it over.
                show(_lock_and_open(inspected, path, window), rows_shown=True)
            finally:
                reader.close()

        # A turn later still, so that the rows' marker (same paint) is written first.
        window.after_rows_painted(lambda: QTimer.singleShot(0, guarded(switch)))

    after_first_paint(window, guarded(open_journal))
    try:
        window.show()
        window.raise_()
        window.activateWindow()  # also where no window manager gives it focus
        return app.exec()
    finally:
        for thread in backup:
            thread.wait()  # a backup is finished, never cut off, before the journal closes
        _give_up(unfinished)
        if window.is_open():
            window.journal.close()  # the window may have reopened it after a restore


def _give_up(steps: list[Callable[[], object]]) -> None:
    for step in steps:
        step()
    steps.clear()


def _lock_and_open(
    inspected: "InspectedJournal", path: Path, window: "MainWindow"
) -> "Journal | None":
    """Take the journal's lock and open it (migrated when due); said and offered its
    backup when it cannot be (in use, damaged, newer)."""
    from sciajournal.storage.errors import JournalError
    from sciajournal.storage.journal import Journal  # SQLAlchemy: after the first paint
    from sciajournal.storage.lock_holder import Holder

    try:
        checked = inspected.locked(Holder.WINDOW)
        return Journal.open_checked(checked)  # migrated when due; the lock given up on failure
    except JournalError as error:
        return _offer_backup(error, path, window)


def _offer_backup(error: "JournalError", path: Path, window: "MainWindow") -> "Journal | None":
    """Say why the journal cannot be opened, offer its newest good backup; the restored
    journal, or None."""
    from sciajournal.storage.errors import JournalError
    from sciajournal.storage.journal import Journal
    from sciajournal.ui.dialogs.open_failure import offer_backup  # only when it fails

    print(f"sciajournal: {error}", file=sys.stderr)
    if not offer_backup(error, path.absolute(), window):
        return None
    try:
        return Journal.open(path)  # the restored backup
    except JournalError as failure:
        print(f"sciajournal: {failure}", file=sys.stderr)
        return None


def _start_daily_backup(window: "MainWindow") -> "DailyBackup":
    from PySide6.QtCore import QThread  # its enums: not before the rows (issue 14)

    from sciajournal.ui.daily_backup import DailyBackup  # storage's file checks and lock

    thread = DailyBackup(window.journal.path)
    thread.failed.connect(lambda text: _backup_failed(window, text))
    thread.start(QThread.Priority.LowPriority)
    return thread


def _backup_failed(window: "MainWindow", text: str) -> None:
    print(f"sciajournal: {text}", file=sys.stderr)
    window.statusBar().showMessage(text, 30000)
