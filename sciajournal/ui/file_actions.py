"""The File menu's work: settings, the printable summary, export (the journal file, a
spreadsheet zip, a FHIR bundle for the clinic) and import, backups.

It gets only what it needs: the journal, today's date and a parent for its dialogs.
It reports back through signals, which the main window wires up: a restore replaces
the journal (`journalReplaced`), imports and settings change what the views show
(`changed`), and every dialog it opens is announced (`dialogOpened`).

Everything behind these menu items (the exchange formats with jsonschema and gpxpy,
the report, each dialog) is imported inside the method that first needs it, not here:
most starts use none of it, and the window must appear quickly (issue 14;
tests/test_startup_imports.py fails when one of them is imported at start).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from sciajournal.safe_files import OutputNotWritten
from sciajournal.storage.errors import JournalError
from sciajournal.storage.protected_files import check_output_path

if TYPE_CHECKING:
    from sciajournal.core.entities import Entry
    from sciajournal.exchange.device_plan import DeviceReading
    from sciajournal.storage.backups import Backup  # the lock and file checks: on first use
    from sciajournal.storage.journal import Journal  # imported when a restore reopens it
    from sciajournal.ui.device_reader import DeviceFileReader
    from sciajournal.ui.dialogs.backups_dialog import BackupsDialog
    from sciajournal.ui.dialogs.import_preview import ImportPreview
    from sciajournal.ui.dialogs.settings_dialog import SettingsDialog
    from sciajournal.ui.dialogs.summary_dialog import SummaryDialog
    from sciajournal.ui.dialogs.summary_preview import SummaryPreview

D = TypeVar("D", bound=QDialog)
#: How long a status-bar message stays, in milliseconds.
TOLD_MS = 8000


class FileActions(QObject):
    journalReplaced = Signal(object)  # the reopened Journal, after a restore
    changed = Signal()  # entries or settings changed: the views must refresh
    dialogOpened = Signal(object)  # a QDialog now open over the window
    told = Signal(str, int)  # a status-bar message and how long to show it
    undoable = Signal(object)  # a QUndoCommand already performed, for Edit > Undo

    journal: Journal
    #: The thread reading the last device file (kept until the next import, for its state).
    device_reader: DeviceFileReader | None = None
    device_preview: ImportPreview | None = None
    _stops_on_quit = False

    def __init__(
        self,
        journal: Journal | None,
        today: Callable[[], date],
        parent: QWidget,
        shown_period: Callable[[], tuple[str, date | None, date | None]] | None = None,
    ) -> None:
        """`journal` is None while the window opens it: the menus wait until use_journal.
        `shown_period` is the journal list's (as its period choice reads, and its first and
        last day, None for all time), for the imports to say what the list does not show."""
        super().__init__(parent)
        if journal is not None:
            self.journal = journal
        self._today = today
        self._shown_period = shown_period
        self._parent = parent
        self.journalReplaced.connect(self.use_journal)

    def use_journal(self, journal: Journal) -> None:
        self.journal = journal

    def _open(self, dialog: D, on_accept: Callable[[D], object] | None = None) -> D:
        """Show `dialog` window-modally; on OK, call `on_accept` with it."""
        if on_accept is not None:
            dialog.accepted.connect(lambda: on_accept(dialog))
        self.dialogOpened.emit(dialog)
        dialog.open()  # not exec(): the window stays live behind it
        return dialog

    def _outside_shown(self, added: Sequence[Entry]) -> str:
        from sciajournal.ui.shown_period import ShownPeriod, outside_shown

        if self._shown_period is None:
            return ""
        return outside_shown(added, ShownPeriod(*self._shown_period()))

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def edit_settings(self) -> SettingsDialog:
        from sciajournal.ui.dialogs.settings_dialog import SettingsDialog  # on first use

        def save(dialog: SettingsDialog) -> None:
            self.journal.save_settings(dialog.chosen())
            self.changed.emit()

        settings = self.journal.load_settings()
        return self._open(
            SettingsDialog(settings, self._parent, show_backups=self.show_backups), save
        )

    def _ask_summary_range(
        self, title: str, then: Callable[[date, date, str], object]
    ) -> SummaryDialog:
        from sciajournal.ui.dialogs.summary_dialog import SummaryDialog  # on first use

        dialog = SummaryDialog(self._today(), title, self._parent)
        return self._open(dialog, lambda chosen: then(*chosen.chosen()))

    def print_summary(self) -> SummaryDialog:
        """File > Print summary: choose the period, then a print preview with a Print button."""
        return self._ask_summary_range("Print summary", self.preview_summary)

    def preview_summary(self, first: date, last: date, paper: str) -> SummaryPreview:
        from sciajournal.report.loading import summary_for
        from sciajournal.report.summary_document import render_summary
        from sciajournal.ui.dialogs.summary_preview import SummaryPreview

        content = summary_for(self.journal, first, last, self._today())
        preview = SummaryPreview(
            paper, lambda device: render_summary(device, content), self._parent
        )
        self.preview = preview  # the open preview, and through it its printer, stay alive
        return self._open(preview)

    def save_summary(self) -> SummaryDialog:
        def ask_file(first: date, last: date, paper: str) -> None:
            suggested = Path.home() / f"sciajournal-summary-{last:%Y-%m-%d}.pdf"
            name, _ = QFileDialog.getSaveFileName(
                self._parent, "Save summary as PDF", str(suggested), "PDF (*.pdf)"
            )
            if name:
                self.write_summary(Path(name), first, last, paper)

        return self._ask_summary_range("Save summary as PDF", ask_file)

    def write_summary(self, path: Path, first: date, last: date, paper: str) -> int:
        from sciajournal.report.loading import summary_for
        from sciajournal.report.summary_document import write_pdf

        content = summary_for(self.journal, first, last, self._today())
        try:
            check_output_path(path, self.journal.path)
            pages = write_pdf(str(path), content, paper)
        except (JournalError, OutputNotWritten) as error:
            self._warn("Summary not saved", str(error))
            return 0
        self.told.emit(f"Saved a {pages}-page summary to {path}", TOLD_MS)
        return pages

    def export_journal(self) -> Path | None:
        """File > Export > Journal file: everything, in the format import reads back."""
        from sciajournal.exchange.json_format import write_export  # on first use

        return self._export(
            "Export journal file", "sciajournal-export.json", "JSON (*.json)", write_export
        )

    def export_spreadsheet(self) -> Path | None:
        """File > Export > Spreadsheet: a zip of one CSV per kind of entry plus daily.csv."""
        from sciajournal.exchange.csv_export import write_csv_export  # on first use

        def write(journal: Journal, target: Path) -> None:
            write_csv_export(journal, target, self._today())  # daily.csv up to the window's today

        return self._export(
            "Export for a spreadsheet",
            f"sciajournal-{self._today():%Y-%m-%d}.zip",
            "Zip of CSV files (*.zip)",
            write,
            suffix=".zip",
        )

    def export_for_clinic(self) -> Path | None:
        """File > Export > For your clinic: a FHIR R4 Bundle of every entry."""
        from sciajournal.exchange.fhir.bundle import write_fhir_export  # on first use

        return self._export(
            "Export for your clinic (FHIR)",
            f"sciajournal-fhir-{self._today():%Y-%m-%d}.json",
            "FHIR R4 bundle (*.json)",
            write_fhir_export,
        )

    def _export(
        self,
        title: str,
        suggested: str,
        file_types: str,
        write: Callable[[Journal, Path], object],
        suffix: str = "",
    ) -> Path | None:
        """Ask for a file, then write it with the same function the CLI uses (it refuses
        the journal's own files and writes atomically); returns the file written."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, title, str(Path.home() / suggested), file_types
        )
        if not name:
            return None
        target = Path(name)
        try:
            if suffix and target.suffix.lower() != suffix:  # without .zip, CSV makes a folder
                check_output_path(target, self.journal.path)  # the journal, as chosen: refused
                target = target.with_name(target.name + suffix)
            write(self.journal, target)
        except (JournalError, OutputNotWritten) as error:
            self._warn("Not exported", str(error))
            return None
        self.told.emit(f"Exported to {target}", TOLD_MS)
        return target

    def import_journal(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            "Import",
            str(Path.home()),
            "Journal exports and walks from devices (*.json *.csv *.gpx *.tcx *.xml *.zip);;"
            "SciaJournal export (*.json);;CSV files, or a zip of them (*.csv *.zip);;"
            "GPX track (*.gpx);;Garmin TCX (*.tcx);;Apple Health export (*.xml *.zip)",
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> str | None:
        """Import a journal export or CSV files, or preview a device file's walks; returns
        what the user was told (None while a device file's preview is open)."""
        from sciajournal.exchange.csv_sources import is_csv_source  # no more than the stdlib

        is_csv = is_csv_source(path)
        if path.suffix.lower() != ".json" and not is_csv:
            self.preview_device_file(path)
            return None
        # On first use: the formats bring jsonschema with them.
        from sciajournal.exchange.csv_import import import_csv
        from sciajournal.exchange.import_source import ImportFileError
        from sciajournal.exchange.json_format import import_file
        from sciajournal.ui.undo_commands import AddedEntries

        try:
            if is_csv:
                result = import_csv(self.journal, path)
                told, added = result.summary(), result.entries
            else:
                imported = import_file(self.journal, path)
                told, added = imported.summary(path.name), imported.entries
        except (ImportFileError, JournalError) as error:
            self._warn("Nothing imported", f"Nothing was imported: {error}")
            return None
        told += self._outside_shown(added) + "."
        if added:  # one step of Edit > Undo, whose push refreshes the views
            entries = f"{len(added)} {'entry' if len(added) == 1 else 'entries'}"
            text = f"Import {entries} from {path.name}"
            self.undoable.emit(AddedEntries(text, self.journal, added, self.changed.emit))
            told += " Press Ctrl+Z to undo."
        self.told.emit(told, 2 * TOLD_MS)
        self.import_message = self._open(
            QMessageBox(
                QMessageBox.Icon.Information,
                "Imported",
                told,
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
        )
        return told

    def preview_device_file(self, path: Path) -> ImportPreview:
        """Read the file in a worker (progress, Cancel), then show its walks to choose
        from; only Import writes, the ticked walks in one transaction."""
        # On first use: gpxpy and the XML readers come with them.
        from sciajournal.ui.device_reader import DeviceFileReader
        from sciajournal.ui.dialogs.import_preview import ImportPreview

        self.stop_reading()
        if self.device_reader is not None:
            self.device_reader.deleteLater()
        preview = ImportPreview(path.name, self._parent)
        reader = DeviceFileReader(path, self)
        self.device_preview, self.device_reader = preview, reader
        # Bound methods of objects on this thread: the reader's signals arrive queued here.
        reader.progressed.connect(preview.show_progress)
        reader.done.connect(self._device_file_read)
        reader.failed.connect(self._device_file_failed)
        preview.finished.connect(self.stop_reading)  # Cancel, Esc, Import: the reading ends
        app = QApplication.instance()
        if app is not None and not self._stops_on_quit:  # a thread must not outlive the app
            app.aboutToQuit.connect(self.stop_reading)
            self._stops_on_quit = True
        self._open(preview, self._import_chosen)
        reader.start()
        return preview

    def stop_reading(self) -> None:
        """Cancel the reading, if it still runs, and wait for its thread (at most one
        chunk of the file): nothing read after this is used."""
        if self.device_reader is not None and self.device_reader.isRunning():
            self.device_reader.cancel()
            self.device_reader.wait()

    def _device_file_read(self, reading: DeviceReading) -> None:
        from sciajournal.exchange.device_plan import plan_import
        from sciajournal.exchange.import_source import ImportFileError

        preview = self.device_preview
        if preview is None or not preview.isVisible() or self.sender() is not self.device_reader:
            return  # cancelled meanwhile
        try:
            plan = plan_import(self.journal, reading)
        except (ImportFileError, JournalError) as error:
            self._device_file_failed(str(error))
            return
        preview.show_plan(plan)

    def _device_file_failed(self, message: str) -> None:
        if self.device_preview is not None:
            self.device_preview.reject()
        self._warn("Nothing imported", f"Nothing was imported: {message}")

    def _import_chosen(self, preview: ImportPreview) -> None:
        """Write the ticked walks in one transaction, as one step of Edit > Undo."""
        from sciajournal.exchange.device_import import add_chosen_walks
        from sciajournal.exchange.import_source import ImportFileError
        from sciajournal.ui.undo_commands import AddedEntries

        try:
            added = add_chosen_walks(self.journal, preview.file_name, preview.chosen())
        except (ImportFileError, JournalError) as error:
            self._warn("Nothing imported", f"Nothing was imported: {error}")
            return
        walks = f"{len(added)} walk{'' if len(added) == 1 else 's'}"
        text = f"Import {walks} from {preview.file_name}"
        # To the window's undo stack, whose push refreshes the views (through `changed`).
        self.undoable.emit(AddedEntries(text, self.journal, added, self.changed.emit))
        again = " Press Ctrl+Z to undo." if added else ""
        outside = self._outside_shown(added)
        self.told.emit(f"Imported {walks} from {preview.file_name}{outside}.{again}", 2 * TOLD_MS)

    def show_backups(self) -> BackupsDialog:
        from sciajournal.ui.dialogs.backups_dialog import BackupsDialog  # on first use

        return self._open(
            BackupsDialog(self.journal.path, self.back_up_now, self.restore_backup, self._parent)
        )

    def back_up_now(self) -> None:
        from sciajournal.storage.backups import make_backup

        try:
            target = make_backup(self.journal.path, "manual")
        except JournalError as error:
            self._warn("No backup made", f"The backup failed: {error}")
            return
        self.told.emit(f"Backed up to {target}", TOLD_MS)

    def restore_backup(self, backup: Backup) -> None:
        """Close the journal, put the backup in its place (keeping it safe), reopen it."""
        from sciajournal.storage.backups import restore_backup

        path = self.journal.path
        self.journal.close()
        try:
            restore_backup(path, backup.path)
        except JournalError as error:
            self._warn("Not restored", f"Nothing was restored: {error}")
        from sciajournal.storage.journal import Journal  # SQLAlchemy: not before the window

        self.journalReplaced.emit(Journal.open(path))
        self.told.emit(f"Restored the backup from {backup.taken:%d %b %Y %H:%M}", TOLD_MS)
