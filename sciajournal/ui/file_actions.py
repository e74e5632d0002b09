"""The File menu's work: settings, the printable summary, export and import, backups.

Kept apart from the main window, which wires it up; it reaches the journal and the
clock through the window because a restore replaces the window's journal.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sciajournal.core.settings import Settings
from sciajournal.exchange.device_import import import_device_file
from sciajournal.exchange.json_format import ImportFileError, import_file, write_export
from sciajournal.safe_files import OutputNotWritten
from sciajournal.storage.backups import Backup, make_backup, restore_backup
from sciajournal.storage.errors import JournalError
from sciajournal.storage.journal import Journal
from sciajournal.storage.protected_files import check_output_path
from sciajournal.ui.dialogs.backups_dialog import BackupsDialog
from sciajournal.ui.dialogs.settings_dialog import SettingsDialog
from sciajournal.ui.dialogs.summary_dialog import SummaryDialog

if TYPE_CHECKING:
    from sciajournal.ui.dialogs.summary_preview import SummaryPreview
    from sciajournal.ui.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.window.settings, self.window, show_backups=self.show_backups)
        self.window.active_form = dialog
        dialog.accepted.connect(lambda: self._save_settings(dialog.chosen()))
        dialog.finished.connect(lambda _r: self.window.form_closed(dialog))
        dialog.open()

    def _save_settings(self, settings: Settings) -> None:
        self.window.journal.save_settings(settings)
        self.window.refresh()

    def _ask_summary_range(
        self, title: str, then: Callable[[date, date, str], None]
    ) -> SummaryDialog:
        dialog = SummaryDialog(self.window.clock().date(), title, self.window)
        self.window.active_form = dialog
        dialog.accepted.connect(lambda: then(*dialog.chosen()))
        dialog.finished.connect(lambda _r: self.window.form_closed(dialog))
        dialog.open()
        return dialog

    def print_summary(self) -> SummaryDialog:
        """File > Print summary: choose the period, then a print preview with a Print button."""
        return self._ask_summary_range("Print summary", self.preview_summary)

    def preview_summary(self, first: date, last: date, paper: str) -> "SummaryPreview":
        # The report is imported when first used, so the window starts without it.
        from sciajournal.report.loading import summary_for
        from sciajournal.report.summary_document import render_summary
        from sciajournal.ui.dialogs.summary_preview import SummaryPreview

        content = summary_for(self.window.journal, first, last, self.window.clock().date())
        preview = SummaryPreview(paper, lambda device: render_summary(device, content), self.window)
        self.preview = preview  # the open preview, and through it its printer, stay alive
        preview.open()
        return preview

    def save_summary(self) -> SummaryDialog:
        def ask_file(first: date, last: date, paper: str) -> None:
            suggested = Path.home() / f"sciajournal-summary-{last:%Y-%m-%d}.pdf"
            name, _ = QFileDialog.getSaveFileName(
                self.window, "Save summary as PDF", str(suggested), "PDF (*.pdf)"
            )
            if name:
                self.write_summary(Path(name), first, last, paper)

        return self._ask_summary_range("Save summary as PDF", ask_file)

    def write_summary(self, path: Path, first: date, last: date, paper: str) -> int:
        from sciajournal.report.loading import summary_for
        from sciajournal.report.summary_document import write_pdf

        content = summary_for(self.window.journal, first, last, self.window.clock().date())
        try:
            check_output_path(path, self.window.journal.path)
            pages = write_pdf(str(path), content, paper)
        except (JournalError, OutputNotWritten) as error:
            QMessageBox.warning(self.window, "Summary not saved", str(error))
            return 0
        self.window.statusBar().showMessage(f"Saved a {pages}-page summary to {path}", 8000)
        return pages

    def export_journal(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export journal",
            str(Path.home() / "sciajournal-export.json"),
            "JSON (*.json)",
        )
        if not name:
            return
        try:
            write_export(self.window.journal, Path(name))
        except (JournalError, OutputNotWritten) as error:
            QMessageBox.warning(self.window, "Not exported", str(error))
            return
        self.window.statusBar().showMessage(f"Exported to {name}", 8000)

    def import_journal(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import",
            str(Path.home()),
            "Journal exports and walks from devices (*.json *.gpx *.tcx *.xml *.zip);;"
            "SciaJournal export (*.json);;GPX track (*.gpx);;Garmin TCX (*.tcx);;"
            "Apple Health export (*.xml *.zip)",
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> str | None:
        """Import a journal export or a device file; returns what the user was told."""
        try:
            if path.suffix.lower() == ".json":
                result = import_file(self.window.journal, path)
                told = (
                    f"Imported {result.added} entries "
                    f"({result.skipped} were already in the journal)."
                )
            else:
                told = import_device_file(self.window.journal, path).summary() + "."
        except (ImportFileError, JournalError) as error:
            QMessageBox.warning(self.window, "Nothing imported", f"Nothing was imported: {error}")
            return None
        self.window.refresh()
        self.window.statusBar().showMessage(told, 15000)
        self.import_message = QMessageBox(
            QMessageBox.Icon.Information,
            "Imported",
            told,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.import_message.open()  # not exec(): the window stays live behind it
        return told

    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(
            self.window.journal.path, self.back_up_now, self.restore_backup, self.window
        )
        self.window.active_form = dialog
        dialog.finished.connect(lambda _r: self.window.form_closed(dialog))
        dialog.open()
        return dialog

    def back_up_now(self) -> None:
        try:
            target = make_backup(self.window.journal.path, "manual")
        except JournalError as error:
            QMessageBox.warning(self.window, "No backup made", f"The backup failed: {error}")
            return
        self.window.statusBar().showMessage(f"Backed up to {target}", 8000)

    def restore_backup(self, backup: Backup) -> None:
        """Close the journal, put the backup in its place (keeping it safe), reopen it."""
        path = self.window.journal.path
        self.window.journal.close()
        try:
            restore_backup(path, backup.path)
        except JournalError as error:
            QMessageBox.warning(self.window, "Not restored", f"Nothing was restored: {error}")
        self.window.journal = Journal.open(path)
        self.window.undo_stack.clear()  # its commands refer to the journal as it was
        self.window.refresh()
        self.window.statusBar().showMessage(
            f"Restored the backup from {backup.taken:%d %b %Y %H:%M}", 8000
        )
