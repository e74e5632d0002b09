"""Schema history: the models match the migrations, and every stored old journal opens intact."""

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from sciajournal.exchange.json_format import to_document, treatment_from_v1
from sciajournal.storage.journal import Journal
from sciajournal.storage.migrate import head_revision, known_revisions, upgrade_to_head
from sciajournal.storage.models import metadata
from tests.factories import (
    full_activity,
    full_bothersomeness,
    full_function_rating,
    morning_with_sleep,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"
SLEEP_AND_SITTING = ("times_woken", "hours_slept", "comfortable_sitting_minutes")
STORED_JOURNALS = sorted(FIXTURES.glob("journal-*.sqlite"))


def as_version_2(document, kind):
    """A stored export's records of `kind` as this version exports them.

    Version 1's treatment pain is read into back and leg, as import reads it and as
    migration 0003 moves it in stored journals; sleep and sitting (0004) were not recorded.
    """
    records = document[kind]
    if document["version"] == 1 and kind == "treatments":
        return [treatment_from_v1(record) for record in records]
    if kind == "pain":
        return [{**dict.fromkeys(SLEEP_AND_SITTING), **record} for record in records]
    return records


def test_migration_head_matches_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'head.sqlite'}")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert diff == [], "models changed without a migration: add one in storage/migrations"


def test_new_journal_is_created_at_head(journal):
    with journal._engine.connect() as connection:
        stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert stored == head_revision()


def test_journal_created_by_the_first_migration_opens_and_upgrades(tmp_path):
    path = tmp_path / "first.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to_head(engine, target="0001")
    with Journal.open(path) as journal, journal._engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )


def test_there_is_a_stored_journal_for_every_schema_version():
    stored = {path.stem.removeprefix("journal-") for path in STORED_JOURNALS}
    assert stored == set(known_revisions()), (
        "run tests/fixtures/make_journal_fixture.py before adding the next migration"
    )
    for path in STORED_JOURNALS:  # each is a journal of the schema its name says, with its twin
        connection = read_only(path)
        try:
            stored_revision = connection.execute("SELECT version_num FROM alembic_version")
            assert stored_revision.fetchone() == (path.stem.removeprefix("journal-"),), path.name
        finally:
            connection.close()
        assert path.with_suffix(".json").is_file(), path.name


@pytest.mark.parametrize("stored", STORED_JOURNALS, ids=lambda p: p.name)
def test_stored_journal_opens_and_keeps_every_entry(stored, tmp_path):
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    expected = json.loads(stored.with_suffix(".json").read_text(encoding="utf-8"))
    with Journal.open(copy) as journal:
        now = to_document(journal.collection())
        settings = journal.settings()
    assert settings["patient_name"] == "Fixture Patient"
    for kind, records in expected.items():
        if not isinstance(records, list):
            continue
        assert len(now[kind]) == len(records), kind
        records = as_version_2(expected, kind)
        for old, new in zip(records, now[kind], strict=True):
            # Fields added by later schemas may appear; every old field must be unchanged.
            assert {key: new[key] for key in old} == old


def read_only(stored):
    """A stored journal, opened so that nothing is written beside it (no -wal or -shm)."""
    return sqlite3.connect(f"file:{stored}?mode=ro&immutable=1", uri=True)


def _canonical_ids(path):
    connection = sqlite3.connect(path)
    try:
        ids = [
            value
            for table in ("walks", "pain_ratings", "treatments", "notes")
            for (value,) in connection.execute(f"SELECT id FROM {table}")
        ]
        links = [v for (v,) in connection.execute("SELECT walk_id FROM pain_ratings") if v]
    finally:
        connection.close()
    return ids, links


def test_migration_0002_canonicalises_stored_ids_and_the_walk_links_to_them(tmp_path):
    copy = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "journal-0001.sqlite", copy)
    expected = json.loads((FIXTURES / "journal-0001.json").read_text(encoding="utf-8"))
    linked = [
        w["id"] for w in expected["walks"] if any(p["walk_id"] == w["id"] for p in expected["pain"])
    ]
    upper_walk, copied_walk, note_twin_walk = linked[:3]
    hyphenless_note = expected["notes"][0]["id"]
    copied_rating = next(p["id"] for p in expected["pain"] if p["walk_id"] == copied_walk)
    extra_rating = str(uuid.uuid4())
    connection = sqlite3.connect(copy)  # as 0001 allowed another tool's spelling to be stored
    with connection:
        connection.execute("UPDATE walks SET id = upper(id) WHERE id = ?", (upper_walk,))
        connection.execute(
            "UPDATE pain_ratings SET walk_id = upper(walk_id) WHERE walk_id = ?", (upper_walk,)
        )
        connection.execute(
            "UPDATE notes SET id = replace(id, '-', '') WHERE id = ?", (hyphenless_note,)
        )
        # What re-importing an upper-cased export did: a second copy of a walk and a rating,
        # plus a rating that exists only on the copy.
        connection.executescript(f"""
            CREATE TEMP TABLE w AS SELECT * FROM walks WHERE id = '{copied_walk}';
            UPDATE w SET id = upper(id), notes = 'the copy';
            INSERT INTO walks SELECT * FROM w;
            CREATE TEMP TABLE p AS SELECT * FROM pain_ratings WHERE id = '{copied_rating}';
            UPDATE p SET id = upper(id), walk_id = upper(walk_id), notes = 'the copy';
            INSERT INTO pain_ratings SELECT * FROM p;
            UPDATE p SET id = '{extra_rating.upper().replace("-", "")}', notes = 'only on the copy';
            INSERT INTO pain_ratings SELECT * FROM p;
            CREATE TEMP TABLE n AS SELECT * FROM notes LIMIT 1;
            UPDATE n SET id = upper('{note_twin_walk}'), text = 'shares a walk id';
            INSERT INTO notes SELECT * FROM n;
        """)
    connection.close()

    with Journal.open(copy) as journal:
        now = to_document(journal.collection())
        assert journal.get(upper_walk.upper()).id == upper_walk

    ids, links = _canonical_ids(copy)
    assert all(value == str(uuid.UUID(value)) for value in ids + links)
    assert len(ids) == len(set(ids))
    extra = next(p for p in now["pain"] if p["id"] == extra_rating)
    assert extra["walk_id"] == copied_walk and extra["notes"] == "only on the copy"
    twin = next(n for n in now["notes"] if n["text"] == "shares a walk id")
    assert twin["id"] != note_twin_walk  # a different entry: kept, under a fresh id
    now["pain"].remove(extra)
    now["notes"].remove(twin)
    for kind, records in expected.items():
        if isinstance(records, list):  # the copies are gone, the originals unchanged
            assert now[kind] == as_version_2(expected, kind), kind


def test_migration_0003_puts_the_old_treatment_pain_into_back_and_leg(tmp_path):
    stored = FIXTURES / "journal-0002.sqlite"
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    connection = read_only(stored)
    try:
        old = {
            row[0]: row[1:]
            for row in connection.execute("SELECT id, pain_before, pain_after FROM treatments")
        }
    finally:
        connection.close()
    assert old and any(before is not None for before, _after in old.values())
    with Journal.open(copy) as journal:
        sessions = journal.collection().treatments
    assert {t.id: (t.back_before, t.leg_before, t.back_after, t.leg_after) for t in sessions} == {
        key: (before, before, after, after) for key, (before, after) in old.items()
    }


def test_migration_0004_adds_the_function_measures_and_keeps_every_rating(tmp_path):
    stored = FIXTURES / "journal-0003.sqlite"
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    connection = read_only(stored)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        ratings = connection.execute("SELECT count(*) FROM pain_ratings").fetchone()[0]
    finally:
        connection.close()
    assert "function_ratings" not in tables and ratings > 100
    socks = full_activity()
    new = [morning_with_sleep(), full_bothersomeness(), socks, full_function_rating(socks)]
    with Journal.open(copy) as journal:
        old = journal.collection()
        assert len(old.pain) == ratings
        assert not old.bothersomeness and not old.function_activities
        assert all(p.times_woken is None and p.hours_slept is None for p in old.pain)
        assert all(p.comfortable_sitting_minutes is None for p in old.pain)
        journal.add_many(new)
    with Journal.open(copy) as reopened:
        assert [reopened.get(entry.id) for entry in new] == new


def test_migration_0004_downgrades_to_the_journal_it_was(tmp_path):
    from alembic import command

    from sciajournal.storage.migrate import alembic_config

    stored = FIXTURES / "journal-0003.sqlite"
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    Journal.open(copy).close()
    engine = create_engine(f"sqlite:///{copy}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()
    expected = json.loads(stored.with_suffix(".json").read_text(encoding="utf-8"))
    connection = sqlite3.connect(copy)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(pain_ratings)")]
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert "hours_slept" not in columns and "bothersomeness_checks" not in tables
    with Journal.open(copy) as journal:  # and up again, every entry as it was
        assert to_document(journal.collection())["pain"] == as_version_2(expected, "pain")
