"""Every File-menu dialog, opened through its menu action and kept running after it returns.

A dialog that owns a Qt object (a printer, a message box) must keep it alive after the
function that opened it has returned: these tests keep the event loop turning to catch that.
"""

import subprocess
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.clocks import MACHINE_OFFSET
from tests.report.page_images import chart_band, dark_rows, page_one_image
from tests.ui.menu_driving import (
    answer_file_dialog_later,
    click,
    menu_action,
    modal,
    shown_window_with_a_note,
)

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
ALIVE_MS = 2000


@pytest.fixture
def window(qtbot, journal):
    return shown_window_with_a_note(qtbot, journal, NOW)


def test_print_summary_preview_stays_up_after_ok(qtbot, window):
    menu_action(window, "File", "Print summary").trigger()
    dialog = modal(qtbot)
    assert dialog.windowTitle() == "Print summary"
    form = dialog.layout()
    stray = [
        widget
        for widget in dialog.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if widget.isVisible() and form.indexOf(widget) < 0
    ]
    assert stray == []  # a child no layout placed sits clipped over the dialog's top left
    click(qtbot, dialog, "OK")
    qtbot.wait(ALIVE_MS)  # the preview paints, lays out pages, and must still be there
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    assert "preview" in preview.windowTitle()
    preview.reject()
    qtbot.wait(200)


def test_the_previewed_summary_prints_its_chart_at_full_height(qtbot, window, tmp_path):
    menu_action(window, "File", "Print summary").trigger()
    click(qtbot, modal(qtbot), "OK")
    qtbot.wait(ALIVE_MS)
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, QPrintPreviewDialog)
    printer = preview.printer()  # the preview's own high-resolution printer, sent to a file
    assert printer.resolution() >= 600
    printed = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.findChild(QPrintPreviewWidget).print()  # what the preview's Print does, no dialog
    qtbot.wait(ALIVE_MS)
    assert preview.isVisible()
    band = chart_band(printed)
    assert band[1] - band[0] > 50
    assert dark_rows(page_one_image(printed), band) > 0.85  # not a thin strip over its heading
    preview.reject()
    qtbot.wait(200)


def test_save_summary_as_pdf_writes_the_file_chosen(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "summary.pdf"
    asked = answer_file_dialog_later(monkeypatch, target)
    menu_action(window, "File", "Save summary as PDF").trigger()
    click(qtbot, modal(qtbot), "OK")
    qtbot.wait(ALIVE_MS)
    assert asked == ["Save summary as PDF"]
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "10 Mar 2026" in text  # the period chosen in the dialog ends today
    assert f"-page summary to {target}" in window.statusBar().currentMessage()


def test_settings_dialog_saves_on_ok(qtbot, window, journal):
    menu_action(window, "File", "Settings").trigger()
    dialog = modal(qtbot)
    qtbot.wait(ALIVE_MS)
    dialog.patient_name.clear()
    qtbot.keyClicks(dialog.patient_name, "Ada Example")
    click(qtbot, dialog, "Save")
    qtbot.wait(ALIVE_MS)
    assert journal.load_settings().patient_name == "Ada Example"
    assert QApplication.activeModalWidget() is None


def test_backups_opened_from_settings_stays_up(qtbot, window):
    menu_action(window, "File", "Settings").trigger()
    settings = modal(qtbot)
    click(qtbot, settings, "Backups")
    qtbot.wait(ALIVE_MS)
    backups = QApplication.activeModalWidget()
    assert backups is not settings and backups.windowTitle() == "Backups"
    assert backups.isVisible()
    click(qtbot, backups, "Close")
    qtbot.wait(200)
    assert QApplication.activeModalWidget() is settings
    click(qtbot, settings, "Cancel")


def test_backups_dialog_stays_up_and_backs_up(qtbot, window):
    menu_action(window, "File", "Backups").trigger()
    dialog = modal(qtbot)
    qtbot.wait(ALIVE_MS)
    click(qtbot, dialog, "Back up now")
    qtbot.wait(ALIVE_MS)
    assert dialog.isVisible() and dialog.list.count() == 1
    assert "made by you" in dialog.list.item(0).text()
    click(qtbot, dialog, "Close")
    qtbot.wait(200)
    assert QApplication.activeModalWidget() is None


def test_export_then_import_reports_in_a_message_that_stays_up(
    qtbot, window, tmp_path, monkeypatch
):
    exported = tmp_path / "export.json"
    answer_file_dialog_later(monkeypatch, exported)
    menu_action(window, "File", "Export", "Journal file (JSON)").trigger()
    qtbot.wait(ALIVE_MS)
    assert exported.read_text(encoding="utf-8").startswith("{")
    menu_action(window, "File", "Import").trigger()
    qtbot.wait(ALIVE_MS)
    message = QApplication.activeModalWidget()
    assert isinstance(message, QMessageBox) and message.isVisible()
    assert "Imported 0 entries (1 already in the journal) from export.json" in message.text()
    click(qtbot, message, "OK")
    qtbot.wait(200)


def test_about_stays_up_until_closed(qtbot, window):
    from tests.ui.menu_driving import press_in_modal_later

    seen = press_in_modal_later("OK", delay_ms=ALIVE_MS)
    menu_action(window, "Help", "About SciaJournal").trigger()  # exec(): returns when closed
    assert "never leaves this computer" in seen[0]
