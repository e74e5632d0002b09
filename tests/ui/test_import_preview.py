"""File > Import of a device file, driven as a user does: the menu action, the preview of
the walks found, ticks by keyboard, Import or Cancel; and a large export read in a worker
with progress and Cancel. The event loop keeps turning after the opener has returned."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.core.entities import Walk
from sciajournal.exchange.device_import import import_device_file
from sciajournal.exchange.json_format import export_journal
from sciajournal.ui.dialogs.import_preview import ImportPreview, muted
from tests.exchange.device_files import write_large_health_export
from tests.ui.menu_driving import answer_file_dialog_later, button, click, menu_action

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
ALIVE_MS = 1000
#: Reading a multi-MB export takes seconds on a busy test machine.
READ_TIMEOUT_MS = 60_000


@pytest.fixture
def window(qtbot, journal):
    from sciajournal.ui.main_window import MainWindow

    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def walks(journal) -> list[Walk]:
    return [e for e in journal.entries() if isinstance(e, Walk)]


def journal_dump(journal) -> list[str]:
    return list(sqlite3.connect(journal.path).iterdump())


def open_import(qtbot, window, monkeypatch, path: Path) -> ImportPreview:
    """File > Import of `path`, through its menu action; the preview once it shows walks."""
    answer_file_dialog_later(monkeypatch, path)
    menu_action(window, "File", "Import").trigger()
    preview = window.files.device_preview
    assert isinstance(preview, ImportPreview)
    qtbot.waitUntil(lambda: preview.pages.currentIndex() == 1, timeout=READ_TIMEOUT_MS)
    qtbot.wait(100)  # the opener has long returned: the dialog must stay up by itself
    assert preview.isVisible() and QApplication.activeModalWidget() is preview
    return preview


def grey(preview: ImportPreview):
    return muted(preview.table.palette())


def rows(preview: ImportPreview) -> list[list[str]]:
    table = preview.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def toggle_by_keyboard(qtbot, preview: ImportPreview, row: int, column: int = 3) -> None:
    preview.table.setCurrentCell(row, column)  # any cell of the row: Space ticks the row
    qtbot.keyClick(preview.table, Qt.Key.Key_Space)


def test_a_real_gpx_is_previewed_ticked_and_only_the_ticked_walk_is_imported(
    qtbot, window, journal, monkeypatch
):
    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "gpx" / "korita-zbevnica.gpx")
    shown = rows(preview)
    assert len(shown) == 2 and [row[-1] for row in shown] == ["new", "new"]
    assert shown[0][1:5] == ["112.8", "2.84", "hills", "slow"]
    assert preview.ticked() == [True, True]
    assert preview.intro.text() == "2 recordings found in korita-zbevnica.gpx: all new, and ticked."
    assert preview.table.item(0, 3).foreground().color() != grey(preview)  # new: not greyed
    assert button(preview, "Import").text() == "Import 2 walks"
    assert preview.table.hasFocus() and preview.import_button.isDefault()

    toggle_by_keyboard(qtbot, preview, 0)
    assert preview.ticked() == [False, True]
    assert button(preview, "Import").text() == "Import 1 walk"
    toggle_by_keyboard(qtbot, preview, 1)
    assert button(preview, "Import").text() == "Import 0 walks"
    assert not preview.import_button.isEnabled()
    toggle_by_keyboard(qtbot, preview, 1)
    assert preview.ticked() == [False, True]
    assert walks(journal) == []  # nothing is written before Import

    chosen = preview.found[1].walk
    qtbot.keyClick(preview.table, Qt.Key.Key_Return)  # Enter imports
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.wait(ALIVE_MS)
    assert walks(journal) == [chosen]
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Imported 1 walk from korita-zbevnica.gpx; 1 is before the last 30 days shown")
    )


def test_an_import_is_one_step_of_undo(qtbot, window, journal, monkeypatch):
    import_device_file(journal, SAMPLES / "gpx" / "korita-zbevnica.gpx")  # before: stays
    before = journal_dump(journal)
    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "apple-health" / "export.xml")
    for row, found in enumerate(preview.found):  # the walk is ticked; add both runs
        if found.source == "Apple Health running":
            toggle_by_keyboard(qtbot, preview, row)
    assert button(preview, "Import").text() == "Import 3 walks"
    chosen = preview.chosen()
    click(qtbot, preview, "Import")
    qtbot.wait(ALIVE_MS)
    assert window.statusBar().currentMessage() == (
        "Imported 3 walks from export.xml; 3 are before the last 30 days shown "
        "(choose All time to see them). Press Ctrl+Z to undo."
    )
    after = journal_dump(journal)
    assert {w.id for w in chosen} <= {w.id for w in walks(journal)} and len(walks(journal)) == 5
    assert window.undo_action.text() == "&Undo Import 3 walks from export.xml"
    window.undo_action.trigger()
    assert journal_dump(journal) == before
    window.redo_action.trigger()
    assert journal_dump(journal) == after


def test_cancel_in_the_preview_writes_nothing(qtbot, window, journal, monkeypatch):
    before = export_journal(journal), journal_dump(journal)
    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "apple-health" / "export.xml")
    click(qtbot, preview, "Cancel")
    qtbot.wait(ALIVE_MS)
    assert QApplication.activeModalWidget() is None
    assert (export_journal(journal), journal_dump(journal)) == before
    assert not window.files.device_reader.isRunning()


def test_walks_already_there_or_logged_by_hand_are_greyed_and_a_run_can_be_taken(
    qtbot, window, journal, monkeypatch
):
    export = SAMPLES / "apple-health" / "export.xml"
    routes = SAMPLES / "apple-health" / "workout-routes"
    import_device_file(journal, routes / "route_2024-01-16_1.15pm.gpx")  # the walk's route
    # Logged by hand during the first run (2024-01-15 10:00 UTC, 30 minutes).
    journal.add(Walk(start=datetime(2024, 1, 15, 10, 5, tzinfo=UTC), minutes=20))
    preview = open_import(qtbot, window, monkeypatch, export)
    status = {row[5]: row[-1] for row in rows(preview)}
    assert status["Apple Health walking"] == "already in your journal"
    found = {f.walk.start.astimezone(UTC).strftime("%d %H:%M"): f for f in preview.found}
    by_row = {f.walk.id: row for row, f in enumerate(preview.found)}
    walk_row = by_row[found["16 13:15"].walk.id]
    run_row = by_row[found["15 10:00"].walk.id]
    assert rows(preview)[run_row][-1] == (
        "left out: recorded as running, not a walk; you logged a walk then"
    )
    assert preview.intro.text() == (
        "4 recordings found in export.xml: none is new. To import one left out, or one "
        "that overlaps a walk you logged, tick it."
    )
    already = preview.table.item(walk_row, 0)
    assert not already.flags() & Qt.ItemFlag.ItemIsEnabled  # a greyed box, cannot be ticked
    assert preview.table.item(walk_row, 3).foreground().color() == grey(preview)
    assert preview.ticked() == [False] * len(preview.found)
    assert not preview.import_button.isEnabled()

    toggle_by_keyboard(qtbot, preview, walk_row)  # nothing to take: it is there already
    assert preview.ticked()[walk_row] is False
    toggle_by_keyboard(qtbot, preview, run_row)
    assert button(preview, "Import").text() == "Import 1 walk"
    before = {w.id for w in walks(journal)}
    run = found["15 10:00"].walk
    click(qtbot, preview, "Import")
    qtbot.wait(ALIVE_MS)
    added = [w for w in walks(journal) if w.id not in before]
    assert added == [run]
    assert added[0].minutes == 32.5 and "Apple Health running" in added[0].notes


def test_a_walk_overlapping_one_logged_by_hand_is_greyed_and_unticked(
    qtbot, window, journal, monkeypatch
):
    mine = journal.add(Walk(start=datetime(2024, 1, 16, 13, 20, tzinfo=UTC), minutes=40))
    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "apple-health" / "export.xml")
    row = next(r for r, f in enumerate(preview.found) if f.source == "Apple Health walking")
    assert rows(preview)[row][-1] == "you logged a walk then"
    item = preview.table.item(row, 0)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable  # may be ticked to take it
    assert item.foreground().color() == grey(preview)
    assert preview.ticked()[row] is False
    toggle_by_keyboard(qtbot, preview, row)  # the user says it is another walk: take it
    imported = preview.found[row].walk
    assert preview.chosen() == [imported]
    click(qtbot, preview, "Import")
    qtbot.wait(ALIVE_MS)
    assert sorted(walks(journal), key=lambda w: w.start) == [imported, mine]


def test_the_preview_is_named_for_assistive_technology(qtbot, window, monkeypatch):
    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "gpx" / "korita-zbevnica.gpx")
    assert preview.table.accessibleName() == "Walks found in korita-zbevnica.gpx"
    assert preview.progress.accessibleName() == "Reading korita-zbevnica.gpx"
    tick = preview.table.item(0, 0)
    assert tick.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "new"
    click(qtbot, preview, "Cancel")
    qtbot.wait(200)


def test_a_large_export_reports_progress_then_shows_its_walks(
    qtbot, window, journal, monkeypatch, tmp_path
):
    export = tmp_path / "export.xml"
    walk_count = write_large_health_export(export, 8)
    size = export.stat().st_size
    progress: list[tuple[int, int]] = []
    window.files.dialogOpened.connect(
        lambda _dialog: window.files.device_reader.progressed.connect(
            lambda done, total: progress.append((done, total))
        )
    )
    preview = open_import(qtbot, window, monkeypatch, export)
    assert len(progress) >= 3 and {total for _done, total in progress} == {size}
    assert progress[0][0] < size and progress[-1][0] == size
    assert preview.progress.value() == preview.progress.maximum()
    assert sum(f.ticked_by_default for f in preview.found) == walk_count
    assert button(preview, "Import").text() == f"Import {walk_count} walks"
    click(qtbot, preview, "Import")
    qtbot.wait(ALIVE_MS)
    assert len(walks(journal)) == walk_count


def test_cancel_while_reading_writes_nothing_and_stops_the_thread(
    qtbot, window, journal, monkeypatch, tmp_path
):
    export = tmp_path / "export.xml"
    write_large_health_export(export, 40)
    before = export_journal(journal), journal_dump(journal)
    answer_file_dialog_later(monkeypatch, export)
    menu_action(window, "File", "Import").trigger()
    preview = window.files.device_preview
    reader = window.files.device_reader
    qtbot.waitUntil(lambda: preview.progress.value() > 0, timeout=READ_TIMEOUT_MS)
    assert preview.isVisible() and preview.pages.currentIndex() == 0
    assert not preview.import_button.isEnabled()  # nothing to import while reading
    assert "MB of 40" in preview.reading.text() or "MB of 41" in preview.reading.text()
    click(qtbot, preview, "Cancel")
    qtbot.waitUntil(lambda: not reader.isRunning(), timeout=5000)
    assert reader.cancelled and preview.progress.value() < preview.progress.maximum()
    qtbot.wait(ALIVE_MS)
    assert QApplication.activeModalWidget() is None
    assert (export_journal(journal), journal_dump(journal)) == before


def test_a_file_that_cannot_be_read_says_so_and_writes_nothing(
    qtbot, window, journal, monkeypatch, tmp_path
):
    from sciajournal.ui.file_actions import FileActions

    warned: list[str] = []
    monkeypatch.setattr(FileActions, "_warn", lambda _self, _title, text: warned.append(text))
    broken = tmp_path / "broken.gpx"
    broken.write_text("<gpx><trk>", encoding="utf-8")
    before = journal_dump(journal)
    answer_file_dialog_later(monkeypatch, broken)
    menu_action(window, "File", "Import").trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=READ_TIMEOUT_MS)
    qtbot.wait(200)
    assert warned[0].startswith("Nothing was imported: broken.gpx: not a readable GPX file")
    assert QApplication.activeModalWidget() is None
    assert journal_dump(journal) == before


def test_the_preview_can_be_grabbed_as_a_picture(qtbot, window, monkeypatch, tmp_path):
    """The screenshot of the preview for the docs and for looking at it (saved when
    SCIAJOURNAL_SHOTS names a folder)."""
    import os

    preview = open_import(qtbot, window, monkeypatch, SAMPLES / "apple-health" / "export.xml")
    folder = Path(os.environ.get("SCIAJOURNAL_SHOTS", tmp_path))
    picture = preview.grab()
    assert picture.save(str(folder / "import-preview.png"))
    image = picture.toImage()
    scale = image.width() / preview.width()
    corner = preview.table.mapTo(preview, preview.table.rect().topLeft())
    inked = sum(
        image.pixelColor(int(x * scale), int(y * scale)).lightness() < 160
        for x in range(corner.x(), corner.x() + preview.table.width(), 2)
        for y in range(corner.y(), corner.y() + preview.table.height(), 2)
    )
    assert inked > 4000, inked  # four rows' text was drawn, not an empty frame
    click(qtbot, preview, "Cancel")
    qtbot.wait(200)


def test_nothing_found_says_so(qtbot, window, monkeypatch, tmp_path):
    empty = tmp_path / "empty.gpx"
    empty.write_text(
        '<?xml version="1.0"?><gpx version="1.1" creator="x" '
        'xmlns="http://www.topografix.com/GPX/1/1"></gpx>',
        encoding="utf-8",
    )
    preview = open_import(qtbot, window, monkeypatch, empty)
    assert preview.intro.text() == "No walks found in empty.gpx."
    assert not preview.import_button.isEnabled() and preview.notes.isVisible()
    click(qtbot, preview, "Cancel")
    qtbot.wait(200)
