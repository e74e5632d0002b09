"""After an import, the message says how many entries are outside the period the journal
list shows (by default the last 30 days), and how to see them."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal.exchange.json_format import write_export
from sciajournal.storage.journal import Journal
from sciajournal.ui.shown_period import ShownPeriod, outside_shown
from tests.clocks import MACHINE_OFFSET
from tests.factories import full_note, full_walk
from tests.ui.menu_driving import answer_file_dialog_later, click, menu_action

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
ALIVE_MS = 1000
LAST_30 = ShownPeriod("Last 30 days", date(2026, 2, 9), date(2026, 3, 10))


def walk_days_ago(days: int):
    return full_walk(start=NOW - timedelta(days=days, hours=3))


@pytest.mark.parametrize(
    ("days_ago", "shown", "told"),
    [
        ([1, 2, 40, 400], LAST_30, "; 2 are before the last 30 days shown (choose All time"),
        ([40], LAST_30, "; 1 is before the last 30 days shown (choose All time to see it)"),
        ([1, 29], LAST_30, ""),
        ([400], ShownPeriod("All time", None, None), ""),
        (
            [1, 80],
            ShownPeriod("Custom", date(2026, 1, 1), date(2026, 1, 31)),
            "; 2 are outside the dates shown (choose All time to see them)",
        ),
        ([-3, 40], LAST_30, "; 1 is before and 1 is after the last 30 days shown"),
    ],
)
def test_the_words(days_ago, shown, told):
    said = outside_shown([walk_days_ago(days) for days in days_ago], shown)
    assert said.startswith(told) and bool(said) == bool(told)


@pytest.fixture
def window(qtbot, journal):
    from sciajournal.ui.main_window import MainWindow

    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def old_export(tmp_path):
    """12 walks: 4 in the last 30 days, 8 from 2 to 9 months ago."""
    with Journal.open(tmp_path / "other.sqlite") as other:
        other.add_many([walk_days_ago(days) for days in (1, 5, 12, 20)])
        other.add_many([walk_days_ago(30 * months) for months in range(2, 10)])
        other.add(full_note(at=NOW - timedelta(days=2), text="recent"))
        write_export(other, tmp_path / "export.json")
    return tmp_path / "export.json"


def import_by_menu(qtbot, window, monkeypatch, path) -> None:
    answer_file_dialog_later(monkeypatch, path)
    menu_action(window, "File", "Import").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    qtbot.wait(ALIVE_MS)
    click(qtbot, QApplication.activeModalWidget(), "OK")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_the_status_bar_says_how_many_are_before_the_period_shown(
    qtbot, window, monkeypatch, old_export
):
    assert window.view.range.preset.currentText() == "Last 30 days"  # the default
    import_by_menu(qtbot, window, monkeypatch, old_export)
    assert window.statusBar().currentMessage() == (
        "Imported 13 entries (0 already in the journal) from export.json; 8 are before the "
        "last 30 days shown (choose All time to see them). Press Ctrl+Z to undo."
    )


def test_nothing_is_said_when_all_time_is_shown(qtbot, window, monkeypatch, old_export):
    window.view.range.preset.setCurrentText("All time")  # as the user chooses it
    import_by_menu(qtbot, window, monkeypatch, old_export)
    assert window.statusBar().currentMessage() == (
        "Imported 13 entries (0 already in the journal) from export.json. Press Ctrl+Z to undo."
    )


def test_walks_from_a_device_too(qtbot, window, monkeypatch):
    from sciajournal.ui.dialogs.import_preview import ImportPreview

    answer_file_dialog_later(monkeypatch, SAMPLES / "gpx" / "korita-zbevnica.gpx")
    menu_action(window, "File", "Import").trigger()
    preview = window.files.device_preview
    assert isinstance(preview, ImportPreview)
    qtbot.waitUntil(lambda: preview.pages.currentIndex() == 1, timeout=60_000)
    qtbot.wait(100)
    click(qtbot, preview, "Import")
    qtbot.wait(ALIVE_MS)
    assert window.statusBar().currentMessage() == (
        "Imported 2 walks from korita-zbevnica.gpx; 2 are before the last 30 days shown "
        "(choose All time to see them). Press Ctrl+Z to undo."
    )
