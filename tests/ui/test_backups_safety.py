"""File > Backups names a backup dated in the future; File-menu saves never hit the journal."""

from datetime import datetime, timedelta

import pytest

from sciajournal.storage.backups import make_backup
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import (
    answer_file_dialog_later,
    click,
    menu_action,
    modal,
    press_in_modal_later,
    shown_window_with_a_note,
)

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
ALIVE_MS = 2000


@pytest.fixture
def window(qtbot, journal):
    return shown_window_with_a_note(qtbot, journal, NOW)


def test_backups_dialog_names_a_future_dated_backup(qtbot, window):
    make_backup(window.journal.path, "", now=datetime.now() + timedelta(days=60))
    menu_action(window, "File", "Backups").trigger()
    dialog = modal(qtbot)
    qtbot.wait(ALIVE_MS)
    assert dialog.future_note.isVisible()
    assert "1 backup is dated in the future" in dialog.future_note.text()
    assert "does not count as a recent backup" in dialog.future_note.text()
    assert "dated in the future" in dialog.list.item(0).text()
    click(qtbot, dialog, "Back up now")
    qtbot.wait(200)
    assert "dated in the future" not in dialog.list.item(1).text()  # the new one, today
    click(qtbot, dialog, "Close")


def test_backups_dialog_has_no_future_note_normally(qtbot, window):
    menu_action(window, "File", "Backups").trigger()
    dialog = modal(qtbot)
    qtbot.wait(200)
    assert not dialog.future_note.isVisible()
    click(qtbot, dialog, "Close")


def test_export_from_the_menu_onto_the_journal_is_refused(qtbot, window, monkeypatch):
    before = window.journal.count()
    answer_file_dialog_later(monkeypatch, window.journal.path)
    seen = press_in_modal_later("OK", delay_ms=ALIVE_MS)
    menu_action(window, "File", "Export", "Journal file (JSON)").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "Refusing to write" in seen[0] and "the journal itself" in seen[0]
    assert window.journal.count() == before
    assert window.journal.path.read_bytes().startswith(b"SQLite format 3")
