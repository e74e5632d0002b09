"""File > Import takes CSV files: a diary template comes in, a bad file writes nothing."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import (
    answer_file_dialog_later,
    click,
    menu_action,
    press_in_modal_later,
    shown_window_with_a_note,
)

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
ALIVE_MS = 2000
TEMPLATE = Path(__file__).parent.parent.parent / "docs" / "examples" / "walks-template.csv"


@pytest.fixture
def window(qtbot, journal):
    return shown_window_with_a_note(qtbot, journal, NOW)


def test_a_diary_template_imports_from_the_file_menu(qtbot, window, journal, monkeypatch):
    asked = answer_file_dialog_later(monkeypatch, TEMPLATE)
    menu_action(window, "File", "Import").trigger()
    qtbot.wait(ALIVE_MS)
    message = QApplication.activeModalWidget()
    assert isinstance(message, QMessageBox) and message.isVisible()
    assert "Imported 3 entries (0 already in the journal) from walks-template.csv" in (
        message.text()
    )
    assert len(journal.collection().walks) == 3 and asked == ["Import"]
    click(qtbot, message, "OK")
    qtbot.wait(200)


def test_a_bad_csv_warns_and_writes_nothing(qtbot, window, journal, monkeypatch, tmp_path):
    bad = tmp_path / "walks.csv"
    bad.write_text("date;time;minutes\r\n2026-03-02;09:15;20\r\n2026-03-03;09:15;zwanzig\r\n")
    answer_file_dialog_later(monkeypatch, bad)
    count = journal.count()
    seen = press_in_modal_later("OK", delay_ms=ALIVE_MS)
    menu_action(window, "File", "Import").trigger()  # the warning is exec()'d: back when closed
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "Nothing was imported: walks.csv, line 3, column C (minutes): 'zwanzig'" in seen[0]
    assert journal.count() == count
    qtbot.wait(200)
