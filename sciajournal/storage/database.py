"""Opening a journal file: checks before touching it, the writer lock, pragmas, migrations.

Order matters. An existing file is inspected through a read-only connection first
(header, `PRAGMA quick_check`, schema revision), because even switching it to WAL
writes to it: a damaged, foreign or newer file must be refused unmodified. Only then
is the single-writer lock taken and the file migrated and opened.
"""

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event

from sciajournal.storage.backups import backup_if_due, list_backups, make_backup
from sciajournal.storage.errors import (
    JournalLocked,
    JournalUnavailable,
    NewerJournal,
    NotAJournal,
)
from sciajournal.storage.lock_holder import clear_holder, locked_message
from sciajournal.storage.migrate import head_revision, known_revisions, upgrade_to_head

SQLITE_HEADER = b"SQLite format 3\x00"
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


@dataclass
class Database:
    """An open journal file: its engine and the lock that makes this process its only writer."""

    path: Path
    engine: Engine
    lock: FileLock

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()


def open_database(
    path: Path, *, create_folder: bool = False, daily_backup: bool = False
) -> Database:
    """Open (creating or upgrading as needed) the journal at `path`, or raise a JournalError.

    A journal about to be migrated is always backed up first; with `daily_backup` (the
    app and the command line), one is also made when the newest is older than a day.
    """
    restrict_new_files()
    path = path.absolute()
    folder = path.parent
    if create_folder:
        _make_private_folder(folder)
    if not folder.is_dir():
        raise JournalUnavailable(f"Cannot open journal {path}: the folder {folder} does not exist.")
    if path.exists() and not path.is_file():
        raise JournalUnavailable(f"Cannot open journal {path}: it is a folder, not a file.")

    # Checked first: even reading a WAL journal needs its -shm file beside it.
    if not _folder_writable(folder):
        raise JournalUnavailable(
            f"Cannot open journal {path}: the folder {folder} is not writable "
            "(the journal needs to create its lock and log files beside it)."
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise JournalUnavailable(f"Cannot open journal {path}: no permission to read and write it.")
    revision = None
    existing = path.exists() and path.stat().st_size > 0
    if existing:
        revision = inspect_existing(path)

    lock = acquire_lock(path)
    try:
        if existing and revision is not None and revision != head_revision():
            make_backup(path, "before-migration")
        upgrade_to_head(_create_engine(path, foreign_keys=False))
        if existing and daily_backup:
            backup_if_due(path)
        engine = _create_engine(path, foreign_keys=True)
        os.chmod(path, OWNER_ONLY_FILE)
    except BaseException:
        lock.release()
        raise
    return Database(path, engine, lock)


def restrict_new_files() -> None:
    """Make every file this process creates owner-only (the journal, its WAL, backups, exports)."""
    previous = os.umask(0o077)
    os.umask(previous | 0o077)


def _make_private_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
        os.chmod(folder, OWNER_ONLY_FOLDER)
    except OSError as error:
        raise JournalUnavailable(
            f"Cannot create the journal folder {folder}: {error.strerror}."
        ) from None


def _folder_writable(folder: Path) -> bool:
    # os.access is wrong for root and on some network filesystems; try for real.
    probe = folder / f".sciajournal-probe-{os.getpid()}"
    try:
        probe.touch()
        probe.unlink()
    except OSError:
        return False
    return True


def inspect_existing(path: Path) -> str | None:
    """Check a file is a healthy journal this version can open; returns its schema revision."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise JournalUnavailable(f"Cannot read journal {path}: {error.strerror}.") from None
    if header != SQLITE_HEADER:
        raise NotAJournal(
            f"{path} is not a SciaJournal journal (it is not an SQLite database)."
            + newest_backup_hint(path)
        )

    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            check = connection.execute("PRAGMA quick_check").fetchall()
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise NotAJournal(
            f"{path} is damaged or not a journal ({error}); it was not changed."
            + newest_backup_hint(path)
        ) from None

    if check != [("ok",)]:
        raise NotAJournal(
            f"{path} is damaged (integrity check: {check[0][0]}); it was not changed."
            + newest_backup_hint(path)
        )
    if not tables:
        return None  # an empty SQLite file: becomes a new journal
    if "walks" not in tables or "alembic_version" not in tables:
        raise NotAJournal(f"{path} is an SQLite database but not a SciaJournal journal.")
    if revision is not None and revision not in known_revisions():
        raise NewerJournal(
            f"{path} was written by a newer version of SciaJournal (schema {revision}); "
            "install the newer version to open it. The file was not changed."
        )
    return revision


def newest_backup_hint(path: Path) -> str:
    newest = next(iter(list_backups(path)), None)
    if newest is None:
        return ""
    return (
        f" The newest backup is from {newest.taken:%Y-%m-%d %H:%M}: "
        f"restore it with: sciajournal --db {path} restore {newest.path}"
    )


def acquire_lock(path: Path) -> FileLock:
    lock = FileLock(f"{path}.lock", mode=OWNER_ONLY_FILE)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise JournalLocked(locked_message(path)) from None
    except OSError as error:
        raise JournalUnavailable(f"Cannot lock journal {path}: {error.strerror}.") from None
    clear_holder(path)  # a note left by a holder that crashed
    return lock


def _create_engine(path: Path, *, foreign_keys: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # The driver would not put DDL in a transaction; this makes migrations atomic too.
        connection.exec_driver_sql("BEGIN")

    return engine


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
