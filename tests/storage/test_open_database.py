"""Opening a journal: pragmas, owner-only files, and refusing files that are not ours unchanged."""

import hashlib
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from sciajournal.storage.database import file_mode
from sciajournal.storage.errors import JournalLocked, JournalUnavailable, NewerJournal, NotAJournal
from sciajournal.storage.journal import Journal
from sciajournal.storage.location import default_journal_path, resolve_journal_path
from tests.factories import one_of_each


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_set_on_every_connection(journal):
    with journal._engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_new_journal_is_owner_only(journal, journal_path):
    journal.add_many(one_of_each())
    assert file_mode(journal_path) == 0o600
    assert file_mode(journal_path.with_name(journal_path.name + "-wal")) == 0o600


def test_default_folder_is_created_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SCIAJOURNAL_DB", raising=False)
    path, is_default = resolve_journal_path(None)
    assert is_default and path == default_journal_path()
    assert path.is_relative_to(tmp_path)
    with Journal.open(path, create_folder=True):
        pass
    assert file_mode(path.parent) == 0o700
    assert file_mode(path) == 0o600


def test_db_option_beats_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.setenv("SCIAJOURNAL_DB", str(tmp_path / "env.sqlite"))
    assert resolve_journal_path(str(tmp_path / "cli.sqlite")) == (tmp_path / "cli.sqlite", False)
    assert resolve_journal_path(None) == (tmp_path / "env.sqlite", False)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(JournalUnavailable, match="does not exist"):
        Journal.open(tmp_path / "nowhere" / "journal.sqlite")


def test_text_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("my shopping list\n")
    before = digest(path)
    with pytest.raises(NotAJournal, match="not an SQLite database"):
        Journal.open(path)
    assert digest(path) == before


def test_other_sqlite_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    before = digest(path)
    with pytest.raises(NotAJournal, match="not a SciaJournal journal"):
        Journal.open(path)
    assert digest(path) == before


def test_journal_from_a_newer_version_is_refused_unchanged(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    with sqlite3.connect(journal_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = digest(journal_path)
    with pytest.raises(NewerJournal, match="newer version of SciaJournal"):
        Journal.open(journal_path)
    assert digest(journal_path) == before


def test_damaged_journal_is_refused_unchanged(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    data = bytearray(journal_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # scribble over every b-tree page header
        data[page * page_size : page * page_size + 12] = b"\xff" * 12
    journal_path.write_bytes(bytes(data))
    before = digest(journal_path)
    with pytest.raises(NotAJournal, match="damaged"):
        Journal.open(journal_path)
    assert digest(journal_path) == before


def test_second_writer_gets_a_clear_message(journal_path):
    with Journal.open(journal_path):
        child = subprocess.run(
            [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "backup"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert child.returncode == 1
    assert "already open in another SciaJournal" in child.stderr
    assert "Traceback" not in child.stderr
    # and within one process too
    with pytest.raises(JournalLocked), Journal.open(journal_path), Journal.open(journal_path):
        pass


def test_lock_of_a_killed_process_is_recovered(journal_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from sciajournal.storage.journal import Journal; "
            f"j = Journal.open(Path({str(journal_path)!r})); print('open', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    with pytest.raises(JournalLocked):
        Journal.open(journal_path)
    holder.kill()
    holder.wait(timeout=10)
    deadline = time.monotonic() + 5
    while True:
        try:
            with Journal.open(journal_path):
                break
        except JournalLocked:
            assert time.monotonic() < deadline, "lock was not released after the holder died"
            time.sleep(0.05)
