"""File > Backups: the journal's backups, a backup now, and restoring one after confirmation."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciajournal.storage.backups import (
    KEEP_KEPT_APART,
    Backup,
    backup_folder,
    future_dated,
    list_backups,
)

REASONS = {
    "": "daily",
    "manual": "made by you",
    "before-migration": "before an upgrade",
    "before-restore": "before a restore",
}


class BackupsDialog(QDialog):
    def __init__(
        self,
        journal_path: Path,
        back_up_now: Callable[[], None],
        restore: Callable[[Backup], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self._journal_path = journal_path
        self._back_up_now = back_up_now
        self._restore = restore
        intro = QLabel(
            "SciaJournal backs up your journal every day it is used, keeping 7 daily, "
            "4 weekly and 12 monthly copies. Backups you make, and those made before an "
            f"upgrade or a restore, are kept apart: the newest {KEEP_KEPT_APART} of them "
            "stay, however old. Every backup is checked when it is made. They are in:\n"
            f"{backup_folder(journal_path)}"
        )
        intro.setWordWrap(True)
        # A backup stamped in the future (the clock was once wrong) must not look like
        # today's backup; say that it is ignored rather than hide it.
        self.future_note = QLabel()
        self.future_note.setWordWrap(True)
        self.future_note.setAccessibleName("Backups dated in the future")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        now_button = QPushButton("Back up &now")
        now_button.clicked.connect(self._now)
        self.restore_button = QPushButton("&Restore selected…")
        self.restore_button.clicked.connect(self._confirm_restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(now_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.future_note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 360)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        future = {backup.path for backup in future_dated(self._journal_path)}
        self.future_note.setVisible(bool(future))
        self.future_note.setText(
            f"{len(future)} backup{'s are' if len(future) != 1 else ' is'} dated in the future "
            "(the computer's clock was wrong when it was made). It does not count as a recent "
            "backup: the daily backup is still made, and it is never deleted by rotation."
        )
        for backup in list_backups(self._journal_path):
            size = backup.path.stat().st_size / 1024
            text = (
                f"{backup.taken:%a %d %b %Y  %H:%M}  ·  {REASONS.get(backup.reason, backup.reason)}"
                f"  ·  {size:.0f} KB"
                + ("  ·  dated in the future" if backup.path in future else "")
            )
            item = QListWidgetItem(text)
            item.setData(256, backup)
            self.list.addItem(item)
        has_backups = self.list.count() > 0
        if has_backups:
            self.list.setCurrentRow(0)
        else:
            empty = QListWidgetItem(
                "No backups yet. Press \u201cBack up now\u201d, "
                "or SciaJournal makes one when it next starts."
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.restore_button.setEnabled(has_backups)

    def selected(self) -> Backup | None:
        item = self.list.currentItem()
        backup: Backup | None = item.data(256) if item else None
        return backup

    def _now(self) -> None:
        self._back_up_now()
        self.reload()

    def _confirm_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace your journal with the backup from {backup.taken:%A %d %B %Y, %H:%M}?\n\n"
            "Entries made since then will no longer be in the journal. Your journal as it "
            "is now is backed up first, so this can be undone by restoring that backup.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_now(backup)

    def restore_now(self, backup: Backup) -> None:
        self._restore(backup)
        self.reload()
