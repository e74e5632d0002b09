"""The journal's own files, and the check that no output is ever written onto one of them.

Compared by file identity (device and inode, after following links), never by the text
of a path: `./j.sqlite`, a symbolic link to it and a hard link to it are all the journal.
A target that does not exist yet is compared by its real folder's identity and its name,
so `export -o j.sqlite-wal` is refused even while the journal is closed and has no WAL.
"""

import os
import stat
from pathlib import Path

from sciajournal.storage.errors import OutputIsProtected

# Files SQLite and SciaJournal keep beside a journal, named after it.
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".holder", ".problems.log")
BACKUP_FOLDER_NAME = "backups"
# The first bytes of every SQLite database: another journal, or a backup copied elsewhere.
SQLITE_HEADER = b"SQLite format 3\x00"

FileId = tuple[int, int]


def side_file(journal: Path, suffix: str) -> Path:
    return journal.with_name(journal.name + suffix)


def file_id(path: Path) -> FileId | None:
    """(device, inode) of what `path` names after following links, or None if nothing."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _place(path: Path) -> tuple[FileId | None, str]:
    """Where a path lands once links are followed: its real folder's identity and its name."""
    real = Path(os.path.realpath(path))
    return file_id(real.parent), real.name


def check_output_path(target: Path, journal: Path) -> None:
    """Raise OutputIsProtected if writing `target` would touch the journal or its backups."""
    journal_names = {journal.absolute(), Path(os.path.realpath(journal))}
    protected: dict[Path, str] = {}
    for name in journal_names:
        protected[name] = "the journal itself"
        for suffix in SIDE_FILE_SUFFIXES:
            protected[side_file(name, suffix)] = f"the journal's {suffix.strip('-.')} file"

    target_id = file_id(target)
    target_place = _place(target)
    for path, what in protected.items():
        same_file = target_id is not None and target_id == file_id(path)
        if same_file or (target_place[0] is not None and target_place == _place(path)):
            raise OutputIsProtected(
                f"Refusing to write {target}: it is {what} ({journal}). Choose another file name."
            )

    # Anything inside the backups folder, existing or not, whatever the path's spelling.
    backup_folders = {_place(name.parent / BACKUP_FOLDER_NAME) for name in journal_names}
    backup_folders = {place for place in backup_folders if place[0] is not None}
    backup_ids = {file_id(name.parent / BACKUP_FOLDER_NAME) for name in journal_names} - {None}
    real = Path(os.path.realpath(target))
    for folder in real.parents:
        if file_id(folder) in backup_ids or _place(folder) in backup_folders:
            raise OutputIsProtected(
                f"Refusing to write {target}: it is inside the journal's backups folder "
                f"({folder}). Choose another folder."
            )

    # Another journal (or a backup moved elsewhere) is somebody's health history: an export
    # that replaced it with JSON lost it without a word. Never write over any SQLite file.
    if _is_sqlite_database(target):
        raise OutputIsProtected(
            f"Refusing to write {target}: it is an SQLite database, perhaps another journal "
            "or a backup. Choose another file name."
        )


def _is_sqlite_database(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a pipe or a device just to look: it could block
        with open(path, "rb") as existing:
            return existing.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # absent, a folder, unreadable: the writer itself says what is wrong
        return False
