"""Alembic, driven from code: the migrations ship inside the package, no alembic.ini needed.

Opening a journal only needs to know which revisions exist and which is the head, and
most opens find the journal already at the head. Those answers come from the migration
files' own `revision` / `down_revision` lines, read as text: importing Alembic (with
Mako and Pygments) costs more than the rest of opening a journal, so it is imported
only in `upgrade_to_head`, when a migration is due (issue 14).
"""

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sciajournal.storage.errors import JournalError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine  # a type only: file checks use this module before SQLAlchemy

MIGRATIONS = Path(__file__).with_name("migrations")
#: The assignments script.py.mako writes into every migration, e.g. `revision: str = "0002"`.
_ASSIGNMENT = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=]+)?=\s*(?P<value>None|'[^']*'|\"[^\"]*\")\s*$",
    re.MULTILINE,
)


@cache
def revision_parents() -> dict[str, str | None]:
    """Each migration's revision and the revision it follows (None for the first)."""
    parents: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = {m["name"]: m["value"] for m in _ASSIGNMENT.finditer(script.read_text("utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            raise RuntimeError(f"{script.name}: no revision/down_revision lines to read")
        revision = found["revision"][1:-1]
        down = found["down_revision"]
        parents[revision] = None if down == "None" else down[1:-1]
    return parents


def known_revisions() -> frozenset[str]:
    return frozenset(revision_parents())


def head_revision() -> str:
    parents = revision_parents()
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one line, found heads {sorted(heads)}")
    return heads.pop()


def alembic_config() -> "Config":
    from alembic.config import Config  # only when migrating: see the module docstring

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade_to_head(engine: "Engine", target: str = "head") -> None:
    """Migrate in one transaction with foreign keys off, then verify them before committing.

    Batch migrations rebuild SQLite tables; with foreign keys on, ON DELETE CASCADE
    would empty the child tables on the way.
    """
    from alembic import command  # only when migrating: see the module docstring

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
