"""Backups: online copies with the WAL included, owner-only, rotated, restorable."""

import hashlib
import sqlite3
from datetime import date, datetime, timedelta

import pytest

from sciajournal.storage import database
from sciajournal.storage.backups import (
    backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
)
from sciajournal.storage.database import file_mode
from sciajournal.storage.errors import NotAJournal
from sciajournal.storage.journal import Journal
from tests.factories import full_note, one_of_each


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_rows(path, table="notes"):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_backup_of_an_open_journal_includes_what_is_still_in_the_wal(journal):
    journal.add_many([full_note() for _ in range(5)])
    wal = journal.path.with_name(journal.path.name + "-wal")
    assert wal.stat().st_size > 0  # the entries are not yet in the main file
    target = make_backup(journal.path)
    assert count_rows(target) == 5
    assert file_mode(target) == 0o600
    assert file_mode(target.parent) == 0o700
    assert list_backups(journal.path)[0].path == target


def test_daily_backup_only_when_the_last_is_a_day_old(journal):
    start = datetime(2026, 3, 1, 9, 0)
    assert backup_if_due(journal.path, now=start) is not None
    assert backup_if_due(journal.path, now=start + timedelta(hours=23)) is None
    assert backup_if_due(journal.path, now=start + timedelta(days=1)) is not None
    assert len(list_backups(journal.path)) == 2


def test_opening_with_daily_backup_makes_one(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
    with Journal.open(journal_path, daily_backup=True):
        pass
    assert len(list_backups(journal_path)) == 1


def test_rotation_keeps_7_daily_4_weekly_12_monthly(journal):
    last = datetime(2026, 3, 31, 20, 0)  # a Tuesday
    for day in range(400):
        make_backup(journal.path, now=last - timedelta(days=day))
    removed = rotate(journal.path, now=last)  # not the real clock: at 2026-03-29 some lay ahead
    kept = {b.taken.date() for b in list_backups(journal.path)}
    daily = {date(2026, 3, d) for d in range(25, 32)}
    # ISO weeks 14 and 13 end inside the daily ones; weeks 12 and 11 add their Sundays.
    weekly = {date(2026, 3, 22), date(2026, 3, 15)}
    # March is kept as a daily; the other 11 months keep their last day.
    monthly = {
        date(2026, 2, 28), date(2026, 1, 31), date(2025, 12, 31), date(2025, 11, 30),
        date(2025, 10, 31), date(2025, 9, 30), date(2025, 8, 31), date(2025, 7, 31),
        date(2025, 6, 30), date(2025, 5, 31), date(2025, 4, 30),
    }  # fmt: skip
    assert kept == daily | weekly | monthly
    assert len(removed) == 400 - 20


def test_migration_is_preceded_by_a_backup(journal_path, monkeypatch):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    monkeypatch.setattr(database, "head_revision", lambda: "0002_pretend")
    with Journal.open(journal_path):
        pass
    (backup,) = list_backups(journal_path)
    assert backup.reason == "before-migration"
    assert count_rows(backup.path, "walks") == 1


def test_restore_keeps_the_current_journal_first(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        old = make_backup(journal_path, "manual")
        journal.add(full_note())
    kept = restore_backup(journal_path, old)
    assert count_rows(journal_path) == 1
    assert count_rows(kept) == 2
    assert "before-restore" in kept.name


def test_restore_over_a_damaged_journal_renames_it_aside_unchanged(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        good = make_backup(journal_path, "manual")
    journal_path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = digest(journal_path)
    kept = restore_backup(journal_path, good)
    assert digest(kept) == before
    with Journal.open(journal_path) as journal:
        assert journal.count() == 1


def test_a_damaged_backup_is_not_restored(journal_path, tmp_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database")
    before = digest(journal_path)
    with pytest.raises(NotAJournal):
        restore_backup(journal_path, bad)
    assert digest(journal_path) == before


def test_damaged_journal_message_names_the_newest_backup(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        backup = make_backup(journal_path, "manual")
    journal_path.write_bytes(b"garbage" * 100)
    with pytest.raises(NotAJournal, match=f"restore {backup}"):
        Journal.open(journal_path)
