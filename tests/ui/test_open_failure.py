"""A journal that cannot be opened: the dialog offers the newest good backup and restores it."""

import hashlib

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal.storage.backups import make_backup
from sciajournal.storage.errors import NotAJournal
from sciajournal.storage.journal import Journal
from sciajournal.ui.dialogs.open_failure import offer_backup
from tests.factories import full_note


def press_later(label_start):
    """Click the button of the dialog that will be open by then, as the user would."""
    pressed = []

    def press():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        pressed.append(box.text())
        button = next(b for b in box.buttons() if b.text().startswith(label_start))
        button.click()

    QTimer.singleShot(200, press)
    return pressed


def damage(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_from_the_dialog_keeps_the_damaged_file(qtbot, journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        make_backup(journal_path, "manual")
    before = damage(journal_path)
    with pytest.raises(NotAJournal) as raised:
        Journal.open(journal_path)

    pressed = press_later("Restore")
    assert offer_backup(raised.value, journal_path) is True
    assert "is damaged" in pressed[0] and "sciajournal --db" not in pressed[0]
    with Journal.open(journal_path) as journal:
        assert journal.count() == 1
    (kept,) = journal_path.parent.glob("journal.sqlite.damaged-*")
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == before


def test_closing_the_dialog_changes_nothing(qtbot, journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        make_backup(journal_path, "manual")
    before = damage(journal_path)
    with pytest.raises(NotAJournal) as raised:
        Journal.open(journal_path)
    press_later("Close")
    assert offer_backup(raised.value, journal_path) is False
    assert hashlib.sha256(journal_path.read_bytes()).hexdigest() == before
