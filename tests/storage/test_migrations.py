"""Schema history: the models match the migrations, and every stored old journal opens intact."""

import json
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from sciajournal.exchange.json_format import to_document
from sciajournal.storage.journal import Journal
from sciajournal.storage.migrate import head_revision, known_revisions, upgrade_to_head
from sciajournal.storage.models import Base

FIXTURES = Path(__file__).parent.parent / "fixtures"
STORED_JOURNALS = sorted(FIXTURES.glob("journal-*.sqlite"))


def test_migration_head_matches_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'head.sqlite'}")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
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
        for old, new in zip(records, now[kind], strict=True):
            # Fields added by later schemas may appear; every old field must be unchanged.
            assert {key: new[key] for key in old} == old
