"""Checks on a journal file before anything opens it, and the single-writer lock.

Kept apart from opening (database.py) and from backups (backups.py), which both use
them. Everything here looks at the file without changing it; the lock and the problem
log are the only files written, both owner-only.
"""

import os
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sciajournal.storage.backup_catalog import immutable_uri, restore_hint
from sciajournal.storage.errors import (
    JournalDamaged,
    JournalLocked,
    JournalUnavailable,
    NewerJournal,
    NotAJournal,
    describe_sqlite_error,
)
from sciajournal.storage.lock_holder import Holder, clear_holder, locked_message, record_holder
from sciajournal.storage.migrate import known_revisions
from sciajournal.storage.protected_files import side_file

if TYPE_CHECKING:
    from filelock import FileLock  # imported when a lock is taken: see acquire_lock

SQLITE_HEADER = b"SQLite format 3\x00"
OWNER_ONLY_FILE = 0o600
PROBLEM_LOG_SUFFIX = ".problems.log"
SHM_ROOM = 256 * 1024  # free space below which a -shm (32 KB and up) may not fit


def real_journal_path(path: Path) -> Path:
    """The journal's one true name: absolute, with symbolic links followed.

    The lock, the backups and SQLite's own -wal all hang off this name, so a journal
    reached through a link is the same journal, locked by the same lock.
    """
    return Path(os.path.realpath(path.expanduser().absolute()))


def check_journal_file(path: Path) -> bool:
    """Refuse anything but a regular file with one name; returns whether the file exists.

    Looked at with stat, never opened: opening a FIFO blocks forever, /dev/zero never ends.
    """
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise JournalUnavailable(f"Cannot open journal {path}: {error.strerror}.") from None
    if stat.S_ISDIR(found.st_mode):
        raise JournalUnavailable(f"Cannot open journal {path}: it is a folder, not a file.")
    if not stat.S_ISREG(found.st_mode):
        kind = (
            "a named pipe"
            if stat.S_ISFIFO(found.st_mode)
            else "a socket"
            if stat.S_ISSOCK(found.st_mode)
            else "a device"
        )
        raise JournalUnavailable(f"Cannot open journal {path}: it is {kind}, not a regular file.")
    if found.st_nlink > 1:
        raise JournalUnavailable(
            f"Cannot open journal {path}: the file has {found.st_nlink} names (hard links), and "
            "SQLite keeps a separate log per name, so entries could be lost. Remove the "
            "other names, or copy the file, and open that."
        )
    return True


def tighten_permissions(path: Path) -> bool:
    """Make an existing journal owner-only before SQLite opens it (its -shm copies the mode).

    Returns True when the mode was changed, so the caller can say so once.
    """
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077 == 0:
        return False
    try:
        os.chmod(path, mode & 0o700 | OWNER_ONLY_FILE)
    except OSError:
        return False  # not ours to change: it still opens, as before
    return True


def reading_uri(path: Path) -> str:
    """How to open a journal read-only: immutable where no writer can be at work.

    A WAL journal needs its -shm file to be read. In a folder nobody can write to, or on
    a full disk, with no -wal beside it, no writer can be active (it would have to create
    one), so the file is read as immutable: a rescue export from read-only media or a
    full disk works.
    """
    if side_file(path, "-wal").exists():
        return f"file:{quote(str(path))}?mode=ro"
    if not os.access(path.parent, os.W_OK) or _nearly_full(path.parent):
        return immutable_uri(path)
    return f"file:{quote(str(path))}?mode=ro"


def _nearly_full(folder: Path) -> bool:
    # On a full disk SQLite cannot make the -shm it needs to read a WAL journal; without
    # a -wal no writer is at work (and none could write), so reading it immutable is safe.
    try:
        return shutil.disk_usage(folder).free < SHM_ROOM
    except OSError:
        return False


def inspect_existing(path: Path, *, immutable: bool = False) -> str | None:
    """Check a file is a healthy journal this version can open; returns its schema revision.

    Read-only throughout; a damaged, foreign or newer file is refused unmodified. A backup
    is opened `immutable`: SQLite then creates no -wal or -shm beside it.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise JournalUnavailable(f"Cannot read journal {path}: {error.strerror}.") from None
    if header != SQLITE_HEADER:
        raise NotAJournal(
            f"{path} is not a SciaJournal journal (it is not an SQLite database).",
            hint=restore_hint(path),
        )

    uri = immutable_uri(path) if immutable else reading_uri(path)
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            check = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
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
    except ValueError as error:  # text that is not UTF-8 where names should be
        raise damaged(path, [f"{type(error).__name__}: {error}"]) from None
    except sqlite3.DatabaseError as error:
        reason = describe_sqlite_error(error)
        if "damaged" not in reason:  # cannot open is not damage: never a false alarm
            raise JournalUnavailable(f"Cannot read journal {path}: {reason}.") from None
        raise damaged(path, [f"{type(error).__name__}: {error}"]) from None

    if check != ["ok"]:
        raise damaged(path, check)
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


def damaged(path: Path, detail: list[str], what: str = "") -> JournalDamaged:
    """The one-line error for a damaged journal; the detail goes to a log beside it.

    `what` says where, e.g. "entry 3 of the walks table cannot be read".
    """
    log = write_problem_log(path, detail)
    notes = [part for part in (what, f"details in {log}" if log is not None else "") if part]
    where = f" ({'; '.join(notes)})" if notes else ""
    return JournalDamaged(
        f"{path} is damaged{where}; it was not changed.", hint=restore_hint(path), log=log
    )


def write_problem_log(journal: Path, lines: list[str]) -> Path | None:
    """Append what a check found to `<journal>.problems.log` (owner-only); None if impossible.

    Append-only, so an earlier report is never lost; the user can send it with a bug report.
    """
    log = side_file(journal, PROBLEM_LOG_SUFFIX)
    text = f"{datetime.now():%Y-%m-%d %H:%M:%S} {journal}\n" + "".join(
        f"  {line}\n" for line in lines
    )
    try:
        descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY_FILE)
        try:
            os.write(descriptor, text.encode("utf-8", "replace"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        return None
    return log


def acquire_lock(path: Path, holder: Holder | None = None) -> "FileLock":
    """The single-writer lock, beside the journal's real name, noting who holds it."""
    # Here, not at the top: filelock and what it imports (hashlib, hmac, secrets) cost
    # the window's start ~40 ms, and its first screen is read before the lock is taken.
    from filelock import FileLock, Timeout

    real = real_journal_path(path)
    lock = FileLock(str(side_file(real, ".lock")), mode=OWNER_ONLY_FILE)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise JournalLocked(locked_message(real)) from None
    except OSError as error:
        raise JournalUnavailable(f"Cannot lock journal {path}: {error.strerror}.") from None
    clear_holder(real)  # a note left by a holder that crashed
    if holder is not None:
        record_holder(real, holder)
    return lock


def release_lock(path: Path, lock: "FileLock") -> None:
    clear_holder(real_journal_path(path))
    lock.release()
