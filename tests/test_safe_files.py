"""The atomic writer: complete new content or the old file, never a partial or empty one.

The full-disk cases run on a real tmpfs of 300 KB (skipped where mounting is not allowed),
through the real command line: before the fix `export -o previous.json` on a full disk
truncated the earlier export to invalid JSON and export/backup/report left 0-byte files.
"""

import json
import os
import subprocess
import uuid

import pytest

from sciajournal import cli
from sciajournal.safe_files import OutputNotWritten, atomic_output, write_atomically

# `report -o` runs in-process and would otherwise create a bare QGuiApplication, which
# later widget tests in the same process cannot replace: use pytest-qt's QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def test_a_new_file_is_owner_only_and_complete(tmp_path):
    target = tmp_path / "out.txt"
    write_atomically(target, "héllo")
    assert target.read_text(encoding="utf-8") == "héllo"
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["out.txt"]


def test_replacing_a_readable_file_makes_it_owner_only(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_a_folder_is_not_replaced(tmp_path):
    with pytest.raises(OutputNotWritten, match="it is a folder"):
        write_atomically(tmp_path, "x")


def test_a_missing_folder_is_one_clear_message(tmp_path):
    with pytest.raises(OutputNotWritten, match="folder does not exist"):
        write_atomically(tmp_path / "nope" / "out.txt", "x")


@pytest.fixture
def small_disk(tmp_path):
    """A 300 KB tmpfs; skipped with the reason where mounting is not permitted."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip() or 'not permitted'}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder):
    """Fill the disk to the last byte with a file that stays there."""
    with (folder / "filler").open("wb", buffering=0) as stream:
        for size in (4096, 1):
            try:
                while True:
                    stream.write(b"\0" * size)
            except OSError:
                pass


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
