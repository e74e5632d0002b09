"""Full disks, on a real 512 KB tmpfs (skipped where mounting is not allowed).

Reproductions from issue 10: on a full disk `export -o previous.json` truncated the
earlier export to invalid JSON; export, backup and report left 0-byte files; a failed
daily backup at open made every verb fail; import printed the SQL and the pain ratings.
"""

import json
import os
import uuid
from datetime import UTC

import pytest

from sciajournal import cli
from sciajournal.safe_files import OutputNotWritten, write_atomically
from tests.storage.conftest import fill

# `report -o` runs in-process and would otherwise create a bare QGuiApplication, which
# later widget tests in the same process cannot replace: use pytest-qt's QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def test_the_writer_on_a_full_disk_keeps_the_old_file(small_disk):
    target = small_disk / "out.txt"
    target.write_text("old content")
    fill(small_disk)
    with pytest.raises(OutputNotWritten, match="disk is full; the previous file is unchanged"):
        write_atomically(target, "x" * 100_000)
    assert target.read_text() == "old content"
    assert sorted(os.listdir(small_disk)) == ["filler", "out.txt"]


@pytest.fixture
def journal_with_history(tmp_path, capsys):
    journal = tmp_path / "j.sqlite"
    assert cli.main(["--db", str(journal), "demo", "--days", "60"]) == 0
    capsys.readouterr()
    return journal


def one_line_failure(capsys, *args):
    status = cli.main([str(arg) for arg in args])
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == cli.EXIT_PROBLEM
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def test_export_on_a_full_disk_keeps_the_previous_export_intact(
    journal_with_history, small_disk, capsys
):
    previous = small_disk / "previous.json"
    assert cli.main(["--db", str(journal_with_history), "export", "-o", str(previous)]) == 0
    capsys.readouterr()
    earlier = previous.read_bytes()
    assert len(json.loads(earlier)["walks"]) > 30
    # One more entry, so the new export is larger than the old one and cannot fit.
    from sciajournal.core.entities import Note
    from sciajournal.storage.journal import Journal

    with Journal.open(journal_with_history) as journal:
        note = journal.entries(kinds=[Note])[0]
        journal.add(Note(id=str(uuid.uuid4()), at=note.at, text="x" * 5000))
    fill(small_disk)

    line = one_line_failure(capsys, "--db", journal_with_history, "export", "-o", previous)
    assert "disk is full" in line and "previous file is unchanged" in line
    assert previous.read_bytes() == earlier
    json.loads(previous.read_bytes())  # still the valid earlier export
    assert sorted(os.listdir(small_disk)) == ["filler", "previous.json"]


@pytest.mark.parametrize("verb", ["export", "backup", "report"])
def test_a_full_disk_leaves_no_empty_or_temporary_file(
    journal_with_history, small_disk, capsys, verb
):
    fill(small_disk)
    target = small_disk / f"new.{verb}"
    line = one_line_failure(capsys, "--db", journal_with_history, verb, "-o", target)
    assert "disk is full" in line
    assert sorted(os.listdir(small_disk)) == ["filler"]


@pytest.fixture
def journal_on_small_disk(small_disk, capsys):
    journal = small_disk / "j.sqlite"
    assert cli.main(["--db", str(journal), "demo", "--days", "5"]) == 0
    capsys.readouterr()
    return journal


def nearly_fill(folder):
    """Leave room for SQLite's -shm and a little WAL, not for a backup or a big import."""
    fill(folder)
    filler = folder / "filler"
    os.truncate(filler, filler.stat().st_size - 64 * 1024)


def test_a_full_disk_still_lets_the_journal_be_exported_elsewhere(
    journal_on_small_disk, tmp_path, capsys
):
    fill(journal_on_small_disk.parent)
    rescue = tmp_path / "rescue.json"  # on another disk
    status = cli.main(["--db", str(journal_on_small_disk), "export", "-o", str(rescue)])
    assert status == 0, capsys.readouterr().err
    assert len(json.loads(rescue.read_text())["walks"]) > 0


def test_a_failed_daily_backup_warns_and_the_rescue_still_works(
    journal_on_small_disk, tmp_path, capsys
):
    nearly_fill(journal_on_small_disk.parent)
    rescue = tmp_path / "rescue.sqlite"  # on another disk
    status = cli.main(["--db", str(journal_on_small_disk), "backup", "-o", str(rescue)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    (warning,) = captured.err.strip().splitlines()
    assert "daily backup was not made" in warning and "disk is full" in warning
    assert rescue.stat().st_size > 0
    assert os.listdir(journal_on_small_disk.parent / "backups") == []  # nothing half-made


def test_an_import_on_a_full_disk_is_one_line_without_sql_or_data(
    journal_on_small_disk, tmp_path, capsys
):
    from datetime import datetime

    from sciajournal.core.collection import Entries
    from sciajournal.core.entities import Note
    from sciajournal.exchange.json_format import dumps

    secret = "my very private note"
    notes = Entries()
    notes.notes.extend(
        Note(at=datetime(2026, 3, 1, 9, tzinfo=UTC), text=f"{secret} {i} " * 40) for i in range(200)
    )
    source = tmp_path / "notes.json"
    source.write_text(dumps(notes))
    nearly_fill(journal_on_small_disk.parent)
    before = journal_on_small_disk.read_bytes()
    status = cli.main(["--db", str(journal_on_small_disk), "import", str(source)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == cli.EXIT_PROBLEM
    problem = lines[-1]  # after the warning about the daily backup
    assert len(lines) == 2 and "daily backup was not made" in lines[0]
    assert "disk is full" in problem and "nothing was saved" in problem
    for leak in ("INSERT", "SELECT", secret, "[SQL", "parameters"):
        assert leak not in "\n".join(lines)
    assert journal_on_small_disk.read_bytes() == before
