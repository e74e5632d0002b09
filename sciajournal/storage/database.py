"""Opening a journal file: after the checks and the writer lock (writable_file.py), the
migration, the pragmas and the engine.

Read-only opens (export, report) take no lock and make no backup: SQLite's WAL lets
them read beside a writer, and they work while the window has the journal open.
"""

import os
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext

from sciajournal.storage.backups import backup_if_due, make_backup
from sciajournal.storage.errors import (
    JournalError,
    JournalNeedsUpgrade,
    JournalUnavailable,
    describe_sqlite_error,
)
from sciajournal.storage.file_checks import (
    OWNER_ONLY_FILE,
    inspect_existing,
    reading_uri,
    release_lock,
)
from sciajournal.storage.lock_holder import Holder
from sciajournal.storage.migrate import head_revision, upgrade_to_head
from sciajournal.storage.writable_file import (
    CheckedJournal,
    check_for_writing,
    located_journal,
)

__all__ = ["Database", "check_for_writing", "file_mode", "open_checked", "open_database"]


@dataclass
class Database:
    """An open journal file: its engine, and (unless read-only) the single-writer lock."""

    path: Path
    engine: Engine
    lock: FileLock | None
    # Said once to the user, but not fatal: a tightened mode, a daily backup that failed.
    warnings: list[str] = field(default_factory=list)

    @property
    def read_only(self) -> bool:
        return self.lock is None

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            release_lock(self.path, self.lock)


def open_database(
    path: Path,
    *,
    create_folder: bool = False,
    daily_backup: bool = False,
    read_only: bool = False,
    holder: Holder | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the journal at `path`, or raise a JournalError.

    A journal about to be migrated is always backed up first; with `daily_backup` (the
    app and the command line), one is also made when the newest is older than a day;
    if that fails (a full disk) the journal still opens, with a warning.
    """
    if read_only:
        path, exists, warnings = located_journal(path)
        database = _open_read_only(path, exists)
        database.warnings.extend(warnings)
        return database
    checked = check_for_writing(path, create_folder=create_folder, holder=holder)
    return open_checked(checked, daily_backup=daily_backup)


def open_checked(checked: CheckedJournal, *, daily_backup: bool = False) -> Database:
    """Open a journal that passed check_for_writing (its lock held): migrate it first when
    its schema is older (after a backup), then the daily backup when asked and due.
    On failure the lock is given up."""
    path, lock, revision = checked.path, checked.lock, checked.revision
    warnings = list(checked.warnings)
    try:
        if checked.existing and revision is not None and revision != head_revision():
            make_backup(path, "before-migration")
        if revision != head_revision():  # a new file, or an older schema: Alembic's turn
            upgrade_to_head(_create_engine(path, foreign_keys=False))
        if checked.existing and daily_backup:
            try:
                backup_if_due(path)
            except JournalError as error:
                warnings.append(
                    f"The daily backup was not made ({error.problem}); the journal opened anyway."
                )
        engine = _create_engine(path, foreign_keys=True)
        # Connected now, as the upgrade used to on every open: WAL mode is set, and a -wal
        # left by a read-only backup copy is recovered and removed when the journal closes.
        engine.connect().close()
        os.chmod(path, OWNER_ONLY_FILE)
    except BaseException:
        checked.release()
        raise
    return Database(path, engine, lock, warnings)


def _open_read_only(path: Path, exists: bool) -> Database:
    if not exists or path.stat().st_size == 0:
        raise JournalUnavailable(f"There is no journal at {path} yet: nothing to read.")
    revision = inspect_existing(path)
    if revision is None:
        raise JournalUnavailable(f"There is no journal at {path} yet: nothing to read.")
    if revision != head_revision():
        raise JournalNeedsUpgrade(
            f"The journal {path} was made by an older SciaJournal (schema {revision}) and "
            "must be upgraded first: open it in the app, or run `sciajournal backup`, "
            "then try again."
        )
    uri = reading_uri(path)
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    )
    _configure(engine, path, pragmas=("PRAGMA busy_timeout=5000",))
    return Database(path, engine, None)


def _create_engine(path: Path, *, foreign_keys: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    _configure(
        engine,
        path,
        pragmas=(
            f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}",
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA busy_timeout=5000",
        ),
    )
    return engine


def _configure(engine: Engine, path: Path, pragmas: tuple[str, ...]) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # The driver would not put DDL in a transaction; this makes migrations atomic too.
        connection.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _one_line(context: ExceptionContext) -> None:
        # SQLAlchemy's message holds the SQL and the bound values (pain ratings, notes):
        # the user gets the kind of problem, in one line, and nothing of their data.
        original = context.original_exception
        if isinstance(original, sqlite3.Error):
            raise JournalUnavailable(
                f"The journal {path} could not be used: {describe_sqlite_error(original)}; "
                "nothing was saved by this action."
            ) from None


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
