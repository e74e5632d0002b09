"""canonical entry ids: lower case, hyphenated, and the walk links that point at them

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 04:30:00

Before 0002 an id was stored as the file it came from spelled it, so the same UUID in
capitals or without hyphens was a second entry (re-importing an upper-cased export
doubled the journal). The schema does not change; the stored ids are rewritten.

When two rows of one table turn out to be the same id, the row whose id was already
canonical is kept, else the one stored first (lowest rowid); the others are deleted.
They are copies of one entry made by such an import, and the kept one is the original
the app has been showing and linking to; ratings that pointed at a deleted walk now
point at the kept one. Two rows of different kinds (a walk and a note) are different
entries that should never have shared an id: nothing is deleted, and the one that was
not canonical gets a fresh id (ids are unique across kinds).
"""

import uuid
from collections.abc import Sequence

from alembic import op
from sqlalchemy import Connection

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTRY_TABLES = (
    "walks",
    "pain_ratings",
    "treatments",
    "medication_doses",
    "red_flag_checks",
    "notes",
)


def _canonical(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return value  # never valid; left as it is rather than guessed at


def upgrade() -> None:
    connection = op.get_bind()
    owner: dict[str, str] = {}  # canonical id -> the table whose row holds it
    pending: list[tuple[str, int, str]] = []
    for table in ENTRY_TABLES:
        for rowid, entry_id in connection.exec_driver_sql(
            f"SELECT rowid, id FROM {table} ORDER BY rowid"
        ):
            if _canonical(entry_id) == entry_id:
                owner[entry_id] = table
            else:
                pending.append((table, rowid, entry_id))

    walk_renames: dict[str, str] = {}  # stored walk id -> the walk id it becomes
    for table, rowid, entry_id in pending:  # in table order, then storage order
        wanted = _canonical(entry_id)
        if owner.get(wanted) == table:
            connection.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
        else:
            if wanted in owner:
                wanted = str(uuid.uuid4())
            connection.exec_driver_sql(
                f"UPDATE {table} SET id = ? WHERE rowid = ?", (wanted, rowid)
            )
            owner[wanted] = table
        if table == "walks":
            walk_renames[entry_id] = wanted
    _relink_ratings(connection, walk_renames)


def _relink_ratings(connection: Connection, walk_renames: dict[str, str]) -> None:
    links = connection.exec_driver_sql(
        "SELECT rowid, walk_id FROM pain_ratings WHERE walk_id IS NOT NULL"
    ).fetchall()
    for rowid, walk_id in links:
        linked = walk_renames.get(walk_id, _canonical(walk_id))
        if linked != walk_id:
            connection.exec_driver_sql(
                "UPDATE pain_ratings SET walk_id = ? WHERE rowid = ?", (linked, rowid)
            )


def downgrade() -> None:
    # Canonical ids are valid ids for 0001 too; deleted copies are not brought back.
    pass
