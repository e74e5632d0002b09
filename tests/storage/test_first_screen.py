"""The first-screen reader (sqlite3, before SQLAlchemy) reads exactly what the Journal reads.

Compared entry by entry, every kind and every column (by repr: True is not 1, 30.0 is not
30, and an offset is part of a time), on the stored 0004 fixture and on a demo journal;
damaged values are reported as the Journal reports them.
"""

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from sciajournal.core.entities import ENTRY_TYPES
from sciajournal.demo import demo_entries
from sciajournal.storage import writable_file
from sciajournal.storage.errors import JournalDamaged, JournalLocked, NewerJournal
from sciajournal.storage.file_checks import acquire_lock
from sciajournal.storage.first_screen import FirstScreenReader, FirstScreenUnreadable
from sciajournal.storage.journal import Journal
from sciajournal.storage.mapping import MAPPINGS
from sciajournal.storage.writable_file import check_for_writing, inspect_for_writing
from tests.factories import at, one_of_each

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def exactly(entries):
    return [repr(entry) for entry in entries]


def copied_fixture(name, tmp_path):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    return path


def demo_journal(path):
    with Journal.open(path) as journal:
        journal.add_many(demo_entries(120, seed=3, end=at(day=31, hour=20)))
        journal.set_settings({"patient_name": "A. Patient", "weekly_increase_percent": "15"})
    return path


def both(path):
    """The reader and the Journal on the same checked, locked file."""
    checked = check_for_writing(path)
    reader = FirstScreenReader(checked)
    return reader, Journal.open_checked(checked)


def assert_same_reading(reader, journal):
    everything = journal.collection()
    assert exactly(reader.collection()) == exactly(everything)
    for kind in ENTRY_TYPES:
        assert everything.list_for(kind), f"no {kind.__name__} to compare"
        assert exactly(reader.collection(kinds=[kind])) == exactly(journal.collection(kinds=[kind]))
        assert repr(reader.last_before(kind)) == repr(journal.last_before(kind))
    times = sorted({entry.when for entry in everything})
    # Bounds on stored instants (>= includes, < excludes), between them, and past both ends.
    for moment in [times[0], times[len(times) // 3], times[-1], times[-1] + timedelta(days=1)]:
        for start, end in [(moment, None), (None, moment), (moment - timedelta(days=30), moment)]:
            assert exactly(reader.collection(start=start, end=end)) == exactly(
                journal.collection(start=start, end=end)
            )
        for kind in ENTRY_TYPES:
            assert repr(reader.last_before(kind, moment)) == repr(journal.last_before(kind, moment))
    assert reader.first_entry_time() == journal.first_entry_time()
    assert repr(reader.first_entry_time()) == repr(journal.first_entry_time())
    assert reader.settings() == journal.settings()
    assert reader.load_settings() == journal.load_settings()


def test_the_reader_reads_the_stored_0004_journal_as_the_journal_does(tmp_path):
    reader, journal = both(copied_fixture("journal-0004.sqlite", tmp_path))
    with journal:
        assert_same_reading(reader, journal)
    reader.close()


def test_the_reader_reads_a_demo_journal_as_the_journal_does(tmp_path):
    reader, journal = both(demo_journal(tmp_path / "demo.sqlite"))
    with journal:
        assert journal.settings()["patient_name"] == "A. Patient"  # settings compared too
        assert_same_reading(reader, journal)
    reader.close()


def test_every_declared_column_type_is_one_the_reader_converts(journal_path):
    Journal.open(journal_path).close()  # a new journal: the schema as the migrations make it
    checked = check_for_writing(journal_path)
    try:
        reader = FirstScreenReader(checked)
        assert set(reader._columns) == {mapping.table for mapping in MAPPINGS.values()}
        reader.close()
    finally:
        checked.release()


def test_a_column_of_a_type_it_does_not_know_makes_the_reader_decline(journal_path):
    Journal.open(journal_path).close()
    connection = sqlite3.connect(journal_path)
    connection.execute("ALTER TABLE notes ADD COLUMN extra JSON")
    connection.close()
    checked = check_for_writing(journal_path)
    try:
        with pytest.raises(FirstScreenUnreadable, match=r"notes\.extra"):
            FirstScreenReader(checked)
    finally:
        checked.release()


def test_the_reader_declines_a_journal_that_needs_a_migration(tmp_path):
    checked = check_for_writing(copied_fixture("journal-0003.sqlite", tmp_path))
    try:
        assert not checked.current
        with pytest.raises(FirstScreenUnreadable):
            FirstScreenReader(checked)
    finally:
        checked.release()


def test_a_journal_in_use_is_refused_before_anything_is_read(journal_path):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
        with pytest.raises(JournalLocked):
            check_for_writing(journal_path)


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ("UPDATE pain_ratings SET context = 'befYre_walk'", "pain_ratings"),
        ("UPDATE notes SET at_utc = '2026-13-45T99:00:00'", "notes"),
        ("UPDATE walks SET start_offset = 'x'", "walks"),
        ("UPDATE walks SET start_utc = 12", "walks"),
    ],
)
def test_a_damaged_value_is_reported_as_the_journal_reports_it(journal_path, sql, table):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    connection = sqlite3.connect(journal_path)
    connection.execute(sql)
    connection.commit()
    connection.close()
    reader, journal = both(journal_path)
    with journal:
        with pytest.raises(JournalDamaged) as by_journal:
            journal.collection()
        with pytest.raises(JournalDamaged) as by_reader:
            reader.collection()
    reader.close()
    assert f"entry 1 of the {table} table cannot be read" in by_reader.value.problem
    assert by_reader.value.problem == by_journal.value.problem
    log = journal_path.with_name(journal_path.name + ".problems.log").read_text()
    details = [line for line in log.splitlines() if line.startswith("  ")]
    assert details[0] == details[1]  # the same detail line, written by each


def test_the_first_screen_is_read_before_the_lock_and_a_journal_in_use_refused_at_it(
    journal_path,
):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
        inspected = inspect_for_writing(journal_path)  # no lock taken: readable meanwhile
        reader = FirstScreenReader(inspected)
        try:
            assert exactly(reader.collection()) == exactly(journal.collection())
            with pytest.raises(JournalLocked):
                inspected.locked()
        finally:
            reader.close()


def test_a_journal_written_between_its_inspection_and_its_lock_is_inspected_again(
    journal_path,
):
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    inspected = inspect_for_writing(journal_path)
    assert inspected.current
    # Another version of the app upgraded it meanwhile (its lock since given up).
    connection = sqlite3.connect(journal_path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    connection.commit()
    connection.close()
    with pytest.raises(NewerJournal):
        inspected.locked()
    acquire_lock(journal_path).release()  # the lock was given up with the refusal


def test_a_journal_only_read_meanwhile_is_locked_without_a_second_inspection(
    journal_path, monkeypatch
):
    # Its quick_check again would cost the switch to the journal ~15 ms on ten years.
    with Journal.open(journal_path) as journal:
        journal.add_many(one_of_each())
    inspected = inspect_for_writing(journal_path)
    reader = FirstScreenReader(inspected)  # its read-only connection may add an empty -wal
    inspections: list[Path] = []
    monkeypatch.setattr(writable_file, "inspect_existing", inspections.append)
    try:
        reader.collection()
        checked = inspected.locked()
    finally:
        reader.close()
    assert inspections == []
    assert checked.current
    checked.release()
