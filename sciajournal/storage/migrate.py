"""Alembic, driven from code: the migrations ship inside the package, no alembic.ini needed."""

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sciajournal.storage.errors import JournalError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(revision.revision for revision in script.walk_revisions())


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade_to_head(engine: Engine, target: str = "head") -> None:
    """Migrate in one transaction with foreign keys off, then verify them before committing.

    Batch migrations rebuild SQLite tables; with foreign keys on, ON DELETE CASCADE
    would empty the child tables on the way.
    """
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise JournalError(
                    f"Upgrading the journal would break {len(broken)} links between entries "
                    f"(first in table {broken[0][0]}); nothing was changed."
                )
    finally:
        engine.dispose()
