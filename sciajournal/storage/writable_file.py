"""The checks before a journal is opened for writing, and its writer lock, without SQLAlchemy.

Order matters. The path must name a regular file with one name (never opened to find
out: a FIFO would block). An existing file is inspected through a read-only connection
(header, `PRAGMA quick_check`, schema revision), because even switching it to WAL writes
to it: a damaged, foreign or newer file must be refused unmodified. Its permissions are
tightened before SQLite creates -wal and -shm files, which copy them. Only then is the
single-writer lock taken; database.py then migrates and opens the file.

Apart from database.py (SQLAlchemy) so that the window's start can check its journal and
read its first screen with the sqlite3 module (first_screen.py), before SQLAlchemy is
imported: a damaged one is offered its backup before any rows are shown (issue 14). The
lock is taken after the rows are shown (InspectedJournal.locked): a journal in use is
refused then, and nothing can change the journal before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sciajournal.storage.errors import JournalUnavailable
from sciajournal.storage.file_checks import (
    acquire_lock,
    check_journal_file,
    inspect_existing,
    real_journal_path,
    release_lock,
    tighten_permissions,
)
from sciajournal.storage.lock_holder import Holder
from sciajournal.storage.migrate import head_revision
from sciajournal.storage.protected_files import side_file

if TYPE_CHECKING:
    from filelock import FileLock  # imported with the lock (file_checks.acquire_lock)

OWNER_ONLY_FOLDER = 0o700

#: What says whether a journal was written to: its file's and its -wal's identity, size
#: and time of change (a reader writes neither; SQLite's -shm changes as it reads).
FileStamp = tuple[tuple[int, int, int] | None, ...]


@dataclass
class InspectedJournal:
    """A journal file that passed the checks, before its writer lock is taken: it can be
    read (the window's first screen), not written."""

    path: Path  # its real name (links followed)
    #: Whether the file existed with content (a new or empty file becomes a new journal).
    existing: bool
    revision: str | None  # the schema it was written with (None: not a journal yet)
    # Said once to the user, but not fatal: a tightened mode.
    warnings: list[str]
    #: The file as inspected: locked() inspects it again if it was written since.
    stamp: FileStamp = field(default=(), repr=False)

    @property
    def current(self) -> bool:
        """An existing journal of this version's schema: it opens without a migration."""
        return self.existing and self.revision == head_revision()

    def locked(self, holder: Holder | None = None) -> CheckedJournal:
        """Take the writer lock, or raise JournalLocked (another window or command has
        it). A file written between the inspection and the lock (another process
        holding it then) is inspected again: its schema may have changed."""
        lock = acquire_lock(self.path, holder)
        try:
            revision = self.revision
            if self.existing and _stamp(self.path) != self.stamp:
                revision = inspect_existing(self.path)
        except BaseException:
            release_lock(self.path, lock)
            raise
        return CheckedJournal(self.path, self.existing, revision, self.warnings, lock=lock)


@dataclass
class CheckedJournal(InspectedJournal):
    """A journal file that passed the checks, with its writer lock held."""

    lock: FileLock = field(kw_only=True)

    def release(self) -> None:
        """Give up the lock (when the journal is not opened after all)."""
        release_lock(self.path, self.lock)


def check_for_writing(
    path: Path, *, create_folder: bool = False, holder: Holder | None = None
) -> CheckedJournal:
    """Check the journal at `path` can be opened for writing and take its lock, or raise
    a JournalError (in use, damaged, newer, unreadable). Nothing is written to the file."""
    return inspect_for_writing(path, create_folder=create_folder).locked(holder)


def inspect_for_writing(path: Path, *, create_folder: bool = False) -> InspectedJournal:
    """check_for_writing's checks without the lock, or a JournalError (damaged, newer,
    unreadable; not "in use", which only the lock tells). Nothing is written to the file.

    The window reads its first screen before taking the lock (filelock's import costs
    the rows ~40 ms, issue 14); a journal in use is refused as the lock is taken, right
    after its rows were shown, and nothing can be changed until then."""
    path, exists, warnings = located_journal(path, create_folder=create_folder)
    folder = path.parent
    # Checked first: even reading a WAL journal needs its -shm file beside it.
    if not _folder_writable(folder):
        raise JournalUnavailable(
            f"Cannot open journal {path}: the folder {folder} is not writable "
            "(the journal needs to create its lock and log files beside it)."
        )
    if exists and not os.access(path, os.R_OK | os.W_OK):
        raise JournalUnavailable(f"Cannot open journal {path}: no permission to read and write it.")
    existing = exists and path.stat().st_size > 0
    stamp = _stamp(path) if existing else ()
    revision = inspect_existing(path) if existing else None
    return InspectedJournal(path, existing, revision, warnings, stamp)


def _stamp(path: Path) -> FileStamp:
    def of(file: Path) -> tuple[int, int, int] | None:
        try:
            found = os.stat(file)
        except FileNotFoundError:
            return None
        # An empty log holds no writes: a reader (the first screen) may create one.
        return (found.st_ino, found.st_size, found.st_mtime_ns) if found.st_size else None

    return of(path), of(side_file(path, "-wal"))


def located_journal(path: Path, *, create_folder: bool = False) -> tuple[Path, bool, list[str]]:
    """The checks every open starts with, for writing or reading: the journal's real path,
    whether the file exists, and what to tell the user (a tightened mode)."""
    restrict_new_files()
    given = path.expanduser().absolute()
    if create_folder:
        _make_private_folder(given.parent)
    if not given.parent.is_dir():
        raise JournalUnavailable(
            f"Cannot open journal {given}: the folder {given.parent} does not exist."
        )
    path = real_journal_path(given)
    exists = check_journal_file(path)
    warnings: list[str] = []
    # Before SQLite first opens it, even read-only: its -wal and -shm copy the journal's mode.
    if exists and tighten_permissions(path):
        warnings.append(f"The journal {path} was readable by other users; it is now yours only.")
    return path, exists, warnings


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
