"""When the journal cannot be opened: say why, and offer the newest good backup.

The damaged file is never modified or deleted: restoring renames it aside first.
"""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sciajournal.storage.backups import list_backups, restore_backup
from sciajournal.storage.database import inspect_existing
from sciajournal.storage.errors import JournalError, NewerJournal


def newest_good_backup(path: Path) -> Path | None:
    for backup in list_backups(path):
        try:
            inspect_existing(backup.path)
        except JournalError:
            continue
        return backup.path
    return None


def offer_backup(error: JournalError, path: Path, parent: QWidget | None = None) -> bool:
    """Show the problem; return True when the user chose to restore a backup and it worked."""
    backup = None if isinstance(error, NewerJournal) else newest_good_backup(path)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("SciaJournal cannot open the journal")
    # The CLI wording names the restore command; here the button does it.
    box.setText(str(error).split(" The newest backup is")[0])
    restore = None
    if backup is not None:
        box.setInformativeText(
            f"A good backup exists: {backup.name}. Restoring it keeps the current file "
            "unchanged beside it."
        )
        restore = box.addButton("Restore the newest backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        restore_backup(path, backup)  # type: ignore[arg-type]
    except JournalError as failure:
        QMessageBox.critical(parent, "Not restored", str(failure))
        return False
    return True
