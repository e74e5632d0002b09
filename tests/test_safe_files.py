"""The atomic writer: complete new content or the old file, never a partial or empty one.

On a really full disk: tests/storage/test_full_disk.py.
"""

import os

import pytest

from sciajournal.safe_files import OutputNotWritten, atomic_output, write_atomically


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
