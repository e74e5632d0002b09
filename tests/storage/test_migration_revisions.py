"""The revisions read from the migration files' text are the ones Alembic itself finds.

Opening a journal decides from that text whether Alembic is needed at all (storage/
migrate.py), so a migration whose header it misread would leave a journal unmigrated.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from sciajournal.storage import database, migrate
from sciajournal.storage.journal import Journal

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_revisions_match_alembics_own_reading():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    alembic_parents = {rev.revision: rev.down_revision for rev in script.walk_revisions()}
    assert migrate.revision_parents() == alembic_parents
    assert migrate.head_revision() == script.get_current_head()


def test_a_journal_at_the_head_opens_without_alembic(journal_path, monkeypatch):
    Journal.open(journal_path).close()  # created: this one does migrate

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Alembic ran for a journal already at the head")

    monkeypatch.setattr(database, "upgrade_to_head", refuse)
    with Journal.open(journal_path) as journal:
        assert journal.is_empty()


def test_a_stored_journal_behind_the_head_is_migrated(tmp_path, monkeypatch):
    oldest = min(migrate.known_revisions())
    if oldest == migrate.head_revision():
        pytest.skip("only one migration so far")
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / f"journal-{oldest}.sqlite", path)
    ran: list[object] = []

    def counted(engine: object, *args: object) -> None:
        ran.append(engine)
        migrate.upgrade_to_head(engine, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(database, "upgrade_to_head", counted)
    Journal.open(path).close()
    assert len(ran) == 1
    connection = sqlite3.connect(path)
    try:
        stored = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    assert stored == (migrate.head_revision(),)
