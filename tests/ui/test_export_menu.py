"""File > Export: the journal file, a spreadsheet zip and the clinic's FHIR bundle, each
driven through its menu action with the save dialog answered, the event loop kept running."""

import hashlib
import json
import zipfile
from datetime import datetime, timedelta

import pytest

from tests.clocks import MACHINE_OFFSET
from tests.factories import full_pain, full_walk
from tests.ui.menu_driving import (
    answer_file_dialog_later,
    menu_action,
    press_in_modal_later,
    shown_window_with_a_note,
)

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
ALIVE_MS = 2000
EXPORTS = ["Journal file (JSON)", "Spreadsheet (CSV, zip)", "For your clinic (FHIR R4 JSON)"]


@pytest.fixture
def window(qtbot, journal):
    journal.add(full_walk(start=NOW - timedelta(days=1)))
    journal.add(full_pain(at=NOW - timedelta(days=1) + timedelta(hours=3)))
    return shown_window_with_a_note(qtbot, journal, NOW)  # and a note


def test_the_export_submenu_names_the_three_formats_in_plain_words(window):
    export_menu = menu_action(window, "File", "Export").menu()
    texts = [action.text().replace("&", "") for action in export_menu.actions()]
    assert texts == [
        "Journal file (JSON) — everything, to move or restore…",
        "Spreadsheet (CSV, zip) — one table per kind plus a daily table…",
        "For your clinic (FHIR R4 JSON)…",
    ]


def test_journal_file_export_holds_every_entry(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "mine.json"
    asked = answer_file_dialog_later(monkeypatch, target)
    menu_action(window, "File", "Export", "Journal file").trigger()
    qtbot.wait(ALIVE_MS)
    assert asked == ["Export journal file"]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [len(document[kind]) for kind in ("walks", "pain", "notes")] == [1, 1, 1]
    assert target.stat().st_mode & 0o777 == 0o600
    assert window.statusBar().currentMessage() == f"Exported to {target}"


def test_spreadsheet_export_is_a_zip_with_a_table_per_kind_and_a_daily_table(
    qtbot, window, tmp_path, monkeypatch
):
    answer_file_dialog_later(monkeypatch, tmp_path / "for-excel")  # typed without .zip
    menu_action(window, "File", "Export", "Spreadsheet").trigger()
    qtbot.wait(ALIVE_MS)
    target = tmp_path / "for-excel.zip"
    assert not (tmp_path / "for-excel").exists()
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        walks = archive.read("walks.csv").decode("utf-8-sig").splitlines()
        daily = archive.read("daily.csv").decode("utf-8-sig").splitlines()
    assert {"walks.csv", "pain.csv", "notes.csv", "daily.csv"} <= names
    assert len(walks) == 2  # the header and the one walk
    assert any(line.startswith("2026-03-09") for line in daily)  # the walk's day
    assert target.stat().st_mode & 0o777 == 0o600
    assert window.statusBar().currentMessage() == f"Exported to {target}"


def test_clinic_export_is_a_fhir_bundle_of_the_entries(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "clinic.json"
    answer_file_dialog_later(monkeypatch, target)
    menu_action(window, "File", "Export", "For your clinic").trigger()
    qtbot.wait(ALIVE_MS)
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds.count("Patient") == 1
    assert kinds.count("Observation") >= 2  # the walk and the pain rating at least
    assert target.stat().st_mode & 0o777 == 0o600
    assert window.statusBar().currentMessage() == f"Exported to {target}"


@pytest.mark.parametrize("choice", EXPORTS)
def test_exporting_onto_the_journal_is_refused_and_writes_nothing(
    qtbot, window, tmp_path, monkeypatch, choice
):
    journal_file = window.journal.path
    before = hashlib.sha256(journal_file.read_bytes()).hexdigest(), sorted(tmp_path.iterdir())
    answer_file_dialog_later(monkeypatch, journal_file)
    seen = press_in_modal_later("OK", delay_ms=ALIVE_MS)
    menu_action(window, "File", "Export", choice).trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    qtbot.wait(200)
    assert seen == [
        f"Refusing to write {journal_file}: it is the journal itself ({journal_file}). "
        "Choose another file name."
    ]
    after = hashlib.sha256(journal_file.read_bytes()).hexdigest(), sorted(tmp_path.iterdir())
    assert after == before
    assert "Exported" not in window.statusBar().currentMessage()
