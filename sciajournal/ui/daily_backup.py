"""The daily backup, made off the UI thread once the window shows the journal.

Copying and integrity-checking a ten-year journal takes longer than the rest of the
start-up, so the window does not wait for it. The copy uses SQLite's backup API on
its own connections; the journal is in WAL mode, so the patient can keep logging
while it runs. The command-line verbs still make it before they start (storage).
"""

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from sciajournal.storage.backups import backup_if_due
from sciajournal.storage.errors import JournalError


class DailyBackup(QThread):
    """Makes the daily backup if one is due; says so in `failed` when it could not."""

    failed = Signal(str)  # one line for the status bar

    def __init__(self, journal: Path) -> None:
        super().__init__()
        self.journal = journal
        self.made: Path | None = None

    def run(self) -> None:
        try:
            self.made = backup_if_due(self.journal)
        except JournalError as error:
            self.failed.emit(f"The daily backup was not made ({error.problem}).")
