"""File > Import of a JSON export or CSV files is one step of Edit > Undo, which takes
away exactly what the import added: entries that were already in the journal stay."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal.exchange.csv_export import write_csv_export
from sciajournal.exchange.json_format import write_export
from sciajournal.storage.journal import Journal
from tests.clocks import MACHINE_OFFSET
from tests.factories import at, full_note, one_of_each
from tests.ui.menu_driving import answer_file_dialog_later, click, menu_action

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
ALIVE_MS = 1000


def journal_dump(journal) -> list[str]:
    """Every row of every table, as SQL: what the file holds, not what the app reads."""
    with sqlite3.connect(journal.path) as connection:
        return list(connection.iterdump())


@pytest.fixture
def window(qtbot, journal):
    from sciajournal.ui.main_window import MainWindow

    journal.add(full_note(at=NOW - timedelta(hours=2), text="already here"))
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def exported(tmp_path, journal):
    """A journal of one entry of each kind, plus the note the window's journal has too."""
    with Journal.open(tmp_path / "other.sqlite") as other:
        other.add_many(one_of_each())
        other.add(journal.collection().notes[0])  # in both: the import skips it
        other.add(full_note(at=at(day=4), text="only in the file"))
        write_export(other, tmp_path / "export.json")
        write_csv_export(other, tmp_path / "export.zip")
    return tmp_path


def import_by_menu(qtbot, window, monkeypatch, path) -> str:
    answer_file_dialog_later(monkeypatch, path)
    menu_action(window, "File", "Import").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    qtbot.wait(ALIVE_MS)  # the message stays up by itself
    message = QApplication.activeModalWidget()
    told = message.text()
    click(qtbot, message, "OK")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    return told


@pytest.mark.parametrize("file", ["export.json", "export.zip"])
def test_an_import_is_one_step_of_undo(qtbot, window, journal, monkeypatch, exported, file):
    before = journal_dump(journal)
    count = journal.count()
    told = import_by_menu(qtbot, window, monkeypatch, exported / file)
    assert "(1 already in the journal)" in told
    after = journal_dump(journal)
    added = journal.count() - count
    assert added == len(one_of_each()) + 1
    undo = menu_action(window, "Edit", "Undo")
    assert undo.isEnabled()
    assert undo.text() == f"&Undo Import {added} entries from {file}"
    undo.trigger()
    qtbot.wait(ALIVE_MS)
    assert journal_dump(journal) == before  # the note that was there before stays
    assert [n.text for n in journal.collection().notes] == ["already here"]
    menu_action(window, "Edit", "Redo").trigger()
    assert journal_dump(journal) == after


def test_an_import_that_adds_nothing_is_no_step_of_undo(
    qtbot, window, journal, monkeypatch, exported
):
    import_by_menu(qtbot, window, monkeypatch, exported / "export.json")
    assert menu_action(window, "Edit", "Undo").isEnabled()
    before = journal_dump(journal)
    told = import_by_menu(qtbot, window, monkeypatch, exported / "export.json")
    assert told.startswith("Imported 0 entries")
    assert journal_dump(journal) == before
    assert menu_action(window, "Edit", "Undo").text().endswith("from export.json")
    menu_action(window, "Edit", "Undo").trigger()  # the first import's step, not the second's
    assert [n.text for n in journal.collection().notes] == ["already here"]
