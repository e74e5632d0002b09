"""Damage the quick check misses, damage it finds, and owner-only side files.

Reproductions from issue 10: a flipped byte surfaced as "'befYre_walk' is not a valid
PainContext" or "Invalid isoformat string" (or exit 70); damaged-journal messages held
2-49 lines of integrity_check output; a 0644 journal got a 0644 -shm.
"""

import hashlib
import sqlite3

import pytest

from sciajournal import cli
from sciajournal.storage.backups import make_backup
from sciajournal.storage.errors import JournalDamaged
from sciajournal.storage.journal import Journal
from tests.factories import one_of_each


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path, sql):
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def filled(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
        backup = make_backup(journal_path, "manual")
    return journal_path, backup


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ("UPDATE pain_ratings SET context = 'befYre_walk'", "pain_ratings"),
        ("UPDATE notes SET at_utc = '2026-13-45T99:00:00'", "notes"),
        ("UPDATE walks SET start_offset = 'x'", "walks"),
    ],
)
def test_an_undecodable_value_means_damaged_in_one_line_and_nothing_written(
    filled, capsys, sql, table
):
    journal_path, backup = filled
    tamper(journal_path, sql)
    before = digest(journal_path)
    with pytest.raises(JournalDamaged) as raised, Journal.open(journal_path) as journal:
        journal.entries()
    assert raised.value.hint is not None and raised.value.hint.backup == backup

    for verb in (["export"], ["report", "--json"]):
        status = cli.main(["--db", str(journal_path), *verb])
        captured = capsys.readouterr()
        (line,) = captured.err.strip().splitlines()
        assert status == cli.EXIT_PROBLEM
        assert f"is damaged (entry 1 of the {table} table cannot be read" in line
        assert f"restore {backup}" in line
        assert "befYre" not in line and "2026-13-45" not in line  # no stored values
        assert "Traceback" not in captured.err
    assert digest(journal_path) == before


def test_integrity_check_output_goes_to_a_log_not_the_message(filled, capsys):
    journal_path, backup = filled
    data = bytearray(journal_path.read_bytes())
    for page in range(4096, len(data), 4096):  # scribble over every page but the first,
        for offset in (page + 200, page + 4000):  # near its start and in its cell content
            data[offset : offset + 64] = b"\xa5" * 64
    journal_path.write_bytes(bytes(data))
    before = digest(journal_path)
    status = cli.main(["--db", str(journal_path), "export"])
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert status == cli.EXIT_PROBLEM
    log = journal_path.with_name(journal_path.name + ".problems.log")
    assert f"is damaged (details in {log})" in line
    assert f"restore {backup}" in line
    assert log.stat().st_mode & 0o777 == 0o600
    assert len(log.read_text().splitlines()) >= 2  # the check's own lines, kept for later
    assert digest(journal_path) == before


def test_a_readable_journal_is_made_owner_only_before_sqlite_opens_it(journal_path, capsys):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    journal_path.chmod(0o644)
    status = cli.main(["--db", str(journal_path), "demo"])  # refused (has entries), but opened
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == cli.EXIT_PROBLEM
    assert "it is now yours only" in lines[0]  # said once ...
    with Journal.open(journal_path) as journal:
        assert journal.warnings == []  # ... and not again
        journal.add_many(one_of_each())
        for suffix in ("", "-wal", "-shm", ".lock"):
            side = journal_path.with_name(journal_path.name + suffix)
            assert side.stat().st_mode & 0o777 == 0o600, suffix
