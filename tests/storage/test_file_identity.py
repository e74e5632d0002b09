"""One journal, one lock, whatever name it is reached by; only regular files are journals;
read-only verbs work beside the window. Reproductions from issue 10."""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sciajournal import cli
from sciajournal.storage.backups import list_backups, make_backup, restore_backup
from sciajournal.storage.errors import JournalLocked, JournalNeedsUpgrade, JournalUnavailable
from sciajournal.storage.journal import Journal
from sciajournal.storage.lock_holder import Holder
from tests.factories import full_note

FIXTURES = Path(__file__).parent.parent / "fixtures"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(capsys, *args):
    status = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err.strip().splitlines()


def test_the_lock_sees_through_a_symbolic_link(journal_path):
    link = journal_path.parent / "link.sqlite"
    link.symlink_to(journal_path)
    with Journal.open(journal_path), pytest.raises(JournalLocked):
        Journal.open(link)
    with Journal.open(link), pytest.raises(JournalLocked):
        Journal.open(journal_path)


def test_the_lock_sees_through_another_spelling_of_the_path(journal_path, monkeypatch):
    (journal_path.parent / "sub").mkdir()
    monkeypatch.chdir(journal_path.parent / "sub")
    with Journal.open(journal_path), pytest.raises(JournalLocked):
        Journal.open(Path("..") / "sub" / ".." / journal_path.name)


def test_restore_through_a_link_is_refused_while_the_journal_is_open(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
        backup = make_backup(journal_path, "manual")
        link = journal_path.parent / "link.sqlite"
        link.symlink_to(journal_path)
        journal.add(full_note(text="after the backup"))
        with pytest.raises(JournalLocked):
            restore_backup(link, backup)
        assert journal.count() == 2
    with Journal.open(journal_path) as journal:
        assert journal.count() == 2  # not replaced under the running window


def test_a_journal_with_a_second_hard_link_is_refused_unchanged(journal_path, capsys):
    with Journal.open(journal_path) as journal:
        journal.add(full_note())
    other = journal_path.parent / "other.sqlite"
    os.link(journal_path, other)
    before = digest(journal_path)
    for name in (journal_path, other):
        status, _, lines = run_cli(capsys, "--db", name, "backup")
        assert status == 1
        assert len(lines) == 1 and "2 names (hard links)" in lines[0]
        with pytest.raises(JournalUnavailable, match="hard links"):
            Journal.open(name, read_only=True)
    assert digest(journal_path) == before
    assert list_backups(journal_path) == []


def test_a_fifo_is_not_a_journal_and_nothing_hangs(tmp_path):
    fifo = tmp_path / "j.sqlite"
    os.mkfifo(fifo)
    # In a child process with a timeout: opening a FIFO to read it would block forever.
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(fifo), "import", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "it is a named pipe, not a regular file" in line
    assert not (tmp_path / "j.sqlite.lock").exists()


@pytest.mark.parametrize("verb", ["export", "demo"])
def test_dev_zero_is_not_a_journal(capsys, verb):
    status, _, lines = run_cli(capsys, "--db", "/dev/zero", verb)
    assert status == 1
    assert len(lines) == 1 and "it is a device, not a regular file" in lines[0]


def test_a_socket_is_not_a_journal(tmp_path, capsys):
    path = tmp_path / "j.sqlite"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        status, _, lines = run_cli(capsys, "--db", path, "export")
    finally:
        server.close()
    assert status == 1
    assert len(lines) == 1 and "it is a socket" in lines[0]


def test_export_and_report_work_beside_the_open_window(journal_path, tmp_path, capsys):
    with Journal.open(journal_path, holder=Holder.WINDOW) as window:
        window.add(full_note(text="still only in the WAL"))
        before = digest(journal_path)
        status, out, lines = run_cli(capsys, "--db", journal_path, "export")
        assert status == 0, lines
        assert "still only in the WAL" in out  # read beside the writer, WAL included
        status, out, lines = run_cli(capsys, "--db", journal_path, "report", "--json")
        assert status == 0, lines
        assert out.startswith("{")
        assert digest(journal_path) == before
        assert list_backups(journal_path) == []  # no daily backup from a read-only verb
        # A device file's dry run writes nothing either (the reviewer was refused).
        sample = Path(__file__).resolve().parents[1] / "fixtures" / "samples" / "gpx"
        gpx = sorted(sample.glob("*.gpx"))[0]
        status, out, lines = run_cli(capsys, "--db", journal_path, "import", "--dry-run", gpx)
        assert status == 0, lines
        assert digest(journal_path) == before
        # ... while a writing verb is still refused, and told who holds the journal.
        status, _, lines = run_cli(capsys, "--db", journal_path, "import", tmp_path / "x.json")
        assert status == 1 and "open in a SciaJournal window" in lines[0]


def test_a_writing_command_is_named_as_the_holder(journal_path):
    with (
        Journal.open(journal_path, holder=Holder.COMMAND),
        pytest.raises(JournalLocked, match="in use by another sciajournal command"),
    ):
        Journal.open(journal_path)


def test_a_read_only_verb_refuses_a_journal_that_needs_an_upgrade(tmp_path, capsys):
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "journal-0001.sqlite", old)
    old.chmod(0o600)
    before = digest(old)
    with pytest.raises(JournalNeedsUpgrade):
        Journal.open(old, read_only=True)
    status, _, lines = run_cli(capsys, "--db", old, "export")
    assert status == 1
    assert len(lines) == 1 and "must be upgraded first" in lines[0]
    assert digest(old) == before
    assert list_backups(old) == []


def test_a_read_only_verb_does_not_create_a_journal(tmp_path, capsys):
    status, _, lines = run_cli(capsys, "--db", tmp_path / "new.sqlite", "export")
    assert status == 1 and "no journal at" in lines[0]
    assert list(tmp_path.iterdir()) == []
