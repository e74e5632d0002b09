"""No output ever lands on the journal, its side files or its backups, whatever the path says.

Each test is a reproduction from issue 10: before the fix `export -o j.sqlite` wrote JSON
over the journal and exited 0. The verbs run in-process through the real command line.
"""

import hashlib
import os

import pytest

from sciajournal import cli
from sciajournal.storage.errors import OutputIsProtected
from sciajournal.storage.protected_files import check_output_path

# `report -o` runs in-process and would otherwise create a bare QGuiApplication, which
# later widget tests in the same process cannot replace: use pytest-qt's QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(capsys, *args):
    status = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.err.strip().splitlines()


@pytest.fixture
def filled(tmp_path, capsys):
    journal = tmp_path / "j.sqlite"
    status, _ = run_cli(capsys, "--db", journal, "demo", "--days", "20")
    assert status == 0
    status, _ = run_cli(capsys, "--db", journal, "backup")  # so the backups folder exists
    assert status == 0
    return journal


def assert_refused(capsys, journal, args, *words):
    before = digest(journal)
    files_before = {p.name for p in journal.parent.rglob("*")}
    status, lines = run_cli(capsys, "--db", journal, *args)
    assert status == cli.EXIT_PROBLEM
    assert len(lines) == 1, lines
    assert lines[0].startswith("sciajournal: Refusing to write")
    for word in words:
        assert word in lines[0]
    assert digest(journal) == before
    # Nothing new was left behind (a daily backup is not due: one was made by the fixture).
    assert {p.name for p in journal.parent.rglob("*")} - files_before <= {journal.name + ".lock"}


@pytest.mark.parametrize("verb", [["export", "-o"], ["report", "-o"], ["backup", "-o"]])
def test_output_onto_the_journal_is_refused(filled, capsys, verb):
    assert_refused(capsys, filled, [*verb, filled], "the journal itself")


@pytest.mark.parametrize("verb", [["export", "-o"], ["report", "-o"], ["backup", "-o"]])
def test_output_onto_a_symlink_to_the_journal_is_refused(filled, capsys, verb):
    link = filled.parent / "innocent.json"
    link.symlink_to(filled)
    assert_refused(capsys, filled, [*verb, link], "the journal itself")
    assert link.is_symlink()


def test_output_through_a_relative_path_with_dots_is_refused(filled, capsys, monkeypatch):
    (filled.parent / "sub").mkdir()
    monkeypatch.chdir(filled.parent / "sub")
    assert_refused(capsys, filled, ["export", "-o", f"../sub/../{filled.name}"], "journal itself")


def test_output_onto_a_hard_link_to_the_journal_is_refused(filled):
    other = filled.parent / "other-name.json"
    os.link(filled, other)
    # The command line refuses a hard-linked journal outright (test_file_identity.py);
    # the output check itself also sees through the second name.
    with pytest.raises(OutputIsProtected, match="the journal itself"):
        check_output_path(other, filled)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", ".lock", "-journal"])
def test_output_onto_a_side_file_is_refused_even_when_it_does_not_exist(filled, capsys, suffix):
    side = filled.with_name(filled.name + suffix)
    before = digest(side) if side.exists() else None
    assert_refused(capsys, filled, ["export", "-o", side], suffix.strip("-."))
    assert (digest(side) if side.exists() else None) == before


def test_output_onto_a_symlink_to_the_wal_is_refused(filled, capsys):
    link = filled.parent / "out.json"
    link.symlink_to(filled.name + "-wal")  # dangling while the journal is closed
    assert_refused(capsys, filled, ["export", "-o", link], "wal")


@pytest.mark.parametrize("verb", [["export", "-o"], ["report", "-o"], ["backup", "-o"]])
def test_output_into_the_backups_folder_is_refused(filled, capsys, verb):
    assert_refused(capsys, filled, [*verb, filled.parent / "backups" / "new.out"], "backups folder")


def test_output_onto_an_existing_backup_through_a_symlinked_folder_is_refused(filled, capsys):
    alias = filled.parent / "elsewhere"
    alias.symlink_to(filled.parent / "backups")
    existing = sorted((filled.parent / "backups").iterdir())[0]
    before = digest(existing)
    assert_refused(capsys, filled, ["export", "-o", alias / existing.name], "backups folder")
    assert digest(existing) == before


def test_an_ordinary_output_beside_the_journal_is_written_owner_only(filled, capsys):
    target = filled.parent / "j.sqlite.json"  # similar name, different file
    status, _ = run_cli(capsys, "--db", filled, "export", "-o", target)
    assert status == 0
    assert target.read_text().startswith("{")
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_symlinked_output_replaces_the_file_it_points_to(filled, capsys):
    real = filled.parent / "real.json"
    real.write_text("old")
    link = filled.parent / "link.json"
    link.symlink_to(real)
    status, _ = run_cli(capsys, "--db", filled, "export", "-o", link)
    assert status == 0
    assert link.is_symlink()
    assert real.read_text().startswith("{")


@pytest.mark.parametrize("verb", [["export", "-o"], ["report", "-o"]])
def test_output_onto_another_journal_is_refused(filled, tmp_path, capsys, verb):
    other = tmp_path / "elsewhere" / "other.sqlite"
    other.parent.mkdir()
    status, _ = run_cli(capsys, "--db", other, "demo", "--days", "3")
    assert status == 0
    before = digest(other)
    status, lines = run_cli(capsys, "--db", filled, *verb, other)
    assert status == cli.EXIT_PROBLEM
    assert len(lines) == 1 and "an SQLite database" in lines[0], lines
    assert digest(other) == before
