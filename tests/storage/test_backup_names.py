"""Backup names carry their time in UTC, so the hour repeated when the clocks go back
(Berlin, 25 October 2026, 02:00-03:00 twice) neither dates a backup in the future nor
turns their order; names from before, in local time, are still read."""

import shutil
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sciajournal.storage.backups import backup_if_due, future_dated, list_backups, make_backup
from tests.clocks import computer_zone
from tests.factories import full_note

BERLIN = ZoneInfo("Europe/Berlin")
FIRST_PASS = datetime(2026, 10, 25, 2, 45, tzinfo=BERLIN)  # +02:00, 00:45 UTC
SECOND_PASS = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=BERLIN)  # +01:00, 01:10 UTC


@pytest.fixture
def in_berlin():
    with computer_zone("Europe/Berlin"):
        yield


def test_a_backup_from_the_first_pass_is_not_in_the_future_in_the_second(journal, in_berlin):
    journal.add(full_note())
    first = make_backup(journal.path, "manual", now=FIRST_PASS)
    assert first.name == "journal-20261025-004500Z-manual.sqlite"
    assert future_dated(journal.path, now=SECOND_PASS) == []
    second = make_backup(journal.path, "manual", now=SECOND_PASS)
    assert [b.path for b in list_backups(journal.path)] == [second, first]  # newest first
    taken = [b.taken for b in list_backups(journal.path)]
    assert [t.strftime("%H:%M%z") for t in taken] == ["02:10+0100", "02:45+0200"]


def test_the_daily_backup_of_the_first_pass_counts_in_the_second(journal, in_berlin):
    journal.add(full_note())
    assert backup_if_due(journal.path, now=FIRST_PASS) is not None
    assert backup_if_due(journal.path, now=SECOND_PASS) is None  # 25 minutes later


def test_old_names_in_local_time_are_still_read(journal, in_berlin):
    journal.add(full_note())
    made = make_backup(journal.path, now=datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
    old = made.with_name("journal-20260301-090000-manual.sqlite")  # 09:00 CET, as before
    shutil.copy(made, old)
    made.unlink()
    (backup,) = list_backups(journal.path)
    assert backup.path == old and backup.reason == "manual"
    assert backup.taken == datetime(2026, 3, 1, 9, 0, tzinfo=BERLIN)
    assert future_dated(journal.path, now=backup.taken + timedelta(minutes=1)) == []


def test_a_naive_clock_is_local_time(journal, in_berlin):
    journal.add(full_note())
    made = make_backup(journal.path, now=datetime(2026, 7, 1, 9, 0))  # CEST
    assert made.name == "journal-20260701-070000Z.sqlite"
