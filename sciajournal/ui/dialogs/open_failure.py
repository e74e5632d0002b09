"""When the journal cannot be opened: say why, and offer the newest good backup.

The error carries the problem and the backup to suggest as fields (the command line's
text adds the restore command, which a button replaces here). The damaged file is never
modified or deleted: restoring renames it aside first.
"""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sciajournal.storage import backups
from sciajournal.storage.errors import JournalError


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup that passes an integrity check (opened immutable: left untouched)."""
    found = backups.newest_good_backup(path)
    return found.path if found is not None else None


def offer_backup(error: JournalError, path: Path, parent: QWidget | None = None) -> bool:
    """Show the problem; return True when the user chose to restore a backup and it worked."""
    backup = error.hint.backup if error.hint is not None else None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("SciaJournal cannot open the journal")
    box.setText(error.problem)
    restore = None
    if backup is not None:
        box.setInformativeText(
            f"A good backup exists: {backup.name}. Restoring it keeps the current file "
            "unchanged beside it."
        )
        restore = box.addButton("Restore the newest backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if backup is None or box.clickedButton() is not restore:
        return False
    try:
        backups.restore_backup(path, backup)
    except JournalError as failure:
        QMessageBox.critical(parent, "Not restored", str(failure))
        return False
    return True
