"""Builds the QApplication, opens the journal and shows the main window."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal import __version__
from sciajournal.storage.errors import JournalError
from sciajournal.storage.journal import Journal


def run_app(path: Path, *, create_folder: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SciaJournal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SciaJournal")
    try:
        journal = Journal.open(path, create_folder=create_folder)
    except JournalError as error:
        print(f"sciajournal: {error}", file=sys.stderr)
        QMessageBox.critical(None, "SciaJournal cannot open the journal", str(error))
        return 1
    from sciajournal.ui.main_window import MainWindow

    try:
        window = MainWindow(journal)
        window.show()
        window.raise_()
        window.activateWindow()  # also where no window manager gives it focus
        return app.exec()
    finally:
        journal.close()
