"""Backups you can rely on, and a backups folder nobody can plant. Reproductions from issue 10."""

import os
import shutil
from datetime import datetime, timedelta

import pytest

from sciajournal.storage import backups
from sciajournal.storage.backups import (
    KEEP_KEPT_APART,
    backup_if_due,
    future_dated,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
)
from sciajournal.storage.errors import JournalUnavailable, NotAJournal
from sciajournal.storage.journal import Journal
from tests.factories import full_note

DAY = datetime(2026, 3, 1, 9, 0)


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_that_fails_its_integrity_check_never_counts(journal, monkeypatch):
    journal.add(full_note())
    checked = []

    def failing(path):
        checked.append(path)
        return ["*** in database main ***", "Page 5: never used"]

    monkeypatch.setattr(backups, "integrity_problems", failing)
    with pytest.raises(JournalUnavailable, match="failed its integrity check and was deleted"):
        make_backup(journal.path, "manual")
    assert checked and not checked[0].name.endswith(".sqlite")  # the temporary copy
    assert list_backups(journal.path) == []
    folder = journal.path.parent / "backups"
    assert [n for n in names(folder) if not n.endswith(".problems.log")] == []
    (log,) = folder.glob("*.problems.log")
    assert "Page 5: never used" in log.read_text()


def test_the_restore_hint_names_the_newest_backup_that_passes(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        good = make_backup(journal_path, "manual", now=DAY)
        truncated = make_backup(journal_path, "manual", now=DAY + timedelta(days=1))
    with truncated.open("r+b") as stream:
        stream.truncate(truncated.stat().st_size // 2)
    journal_path.write_bytes(b"garbage" * 100)
    with pytest.raises(NotAJournal) as raised:
        Journal.open(journal_path)
    assert raised.value.hint is not None and raised.value.hint.backup == good
    assert f"restore {good}" in str(raised.value) and str(truncated) not in str(raised.value)


def test_a_future_dated_backup_does_not_switch_off_daily_backups(journal):
    journal.add(full_note())
    future = make_backup(journal.path, now=DAY + timedelta(days=60))  # a wrong clock, once
    assert future_dated(journal.path, now=DAY) == [list_backups(journal.path)[0]]
    made = backup_if_due(journal.path, now=DAY)
    assert made is not None
    assert backup_if_due(journal.path, now=DAY + timedelta(hours=2)) is None  # today's counts
    assert future.exists()  # never rotated away either


def test_manual_and_before_restore_backups_stay_out_of_the_daily_rotation(journal):
    journal.add(full_note())
    manual = make_backup(journal.path, "manual", now=DAY)
    before_restore = make_backup(journal.path, "before-restore", now=DAY + timedelta(minutes=1))
    for day in range(1, 40):
        backup_if_due(journal.path, now=DAY + timedelta(days=day))
    kept = {b.path for b in list_backups(journal.path)}
    assert manual in kept and before_restore in kept  # before the fix: gone after 7 days
    daily = [b for b in list_backups(journal.path) if b.reason == ""]
    assert len(daily) <= 7 + 4 + 12


def test_kept_apart_backups_have_their_own_limit(journal):
    journal.add(full_note())
    made = [
        make_backup(journal.path, "manual", now=DAY + timedelta(minutes=i))
        for i in range(KEEP_KEPT_APART + 3)
    ]
    removed = rotate(journal.path, now=DAY + timedelta(days=1))
    assert sorted(removed) == sorted(made[:3])  # the oldest three


def test_checking_and_restoring_a_backup_leaves_nothing_beside_it(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        backup = make_backup(journal_path, "manual")
    folder = backup.parent
    before = names(folder)
    before_bytes = backup.read_bytes()
    assert backups.newest_good_backup(journal_path).path == backup
    restore_backup(journal_path, backup)
    after = [n for n in names(folder) if "before-restore" not in n]
    assert after == before  # no -wal, no -shm beside the backup
    assert backup.read_bytes() == before_bytes
    with Journal.open(journal_path) as journal:
        assert journal.count() == 1


def test_a_planted_backups_symlink_is_refused_and_not_followed(journal, tmp_path):
    journal.add(full_note())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    (journal.path.parent / "backups").symlink_to(elsewhere)
    with pytest.raises(JournalUnavailable, match="symbolic link"):
        make_backup(journal.path, "manual")
    assert names(elsewhere) == []
    assert elsewhere.stat().st_mode & 0o777 == 0o755  # not chmod'ed


def test_a_planted_link_only_warns_at_open_and_the_journal_still_opens(journal_path, tmp_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (journal_path.parent / "backups").symlink_to(elsewhere)
    with Journal.open(journal_path, daily_backup=True) as journal:
        assert journal.count() == 1
        (warning,) = journal.warnings
        assert "daily backup was not made" in warning and "symbolic link" in warning
    assert names(elsewhere) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_backups_folder_of_another_user_is_refused(journal):
    folder = journal.path.parent / "backups"
    folder.mkdir(mode=0o700)
    os.chown(folder, 12345, 12345)
    with pytest.raises(JournalUnavailable, match="belongs to another user"):
        make_backup(journal.path, "manual")
    assert names(folder) == []


def test_a_copied_journal_backs_up_beside_its_real_file(journal_path, tmp_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
    link_folder = tmp_path / "links"
    link_folder.mkdir()
    (link_folder / "j.sqlite").symlink_to(journal_path)
    with Journal.open(link_folder / "j.sqlite") as journal:
        target = make_backup(journal.path, "manual")
    assert target.parent == journal_path.parent / "backups"
    shutil.rmtree(link_folder)
