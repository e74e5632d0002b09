"""A journal an import creates: removed again when the import writes nothing into it.

`sciajournal --db new.sqlite import bad.json` opens, and so creates, the journal before
the file is read (the import checks the file against what the journal holds). When the
file is refused, or with --dry-run, nothing was written, so nothing may be left behind:
no empty journal, none of the files SQLite and SciaJournal keep beside it, no backups
folder, and not the data folder made for the default journal either.

Only what did not exist before is removed, and only under the journal's lock, and only
if the journal file is still the one this command left: a window that opened the new
journal in the meantime keeps it.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sciajournal.storage.errors import JournalError
from sciajournal.storage.file_checks import acquire_lock, real_journal_path, release_lock
from sciajournal.storage.protected_files import BACKUP_FOLDER_NAME, SIDE_FILE_SUFFIXES, side_file

LOCK_SUFFIX = ".lock"


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when anyone writes the file: its inode, size and time of change."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


@dataclass(frozen=True)
class NewJournal:
    path: Path
    #: Folders above the journal that did not exist either, the innermost first.
    new_folders: tuple[Path, ...]
    #: Whether a backups folder was there before (then it is not ours to remove).
    had_backups: bool

    @classmethod
    def if_missing(cls, path: Path) -> "NewJournal | None":
        """A note of what is there now, when no journal is at `path`; else None."""
        real = real_journal_path(path)
        if os.path.lexists(real):
            return None
        folders = []
        folder = real.parent
        while not folder.exists() and folder != folder.parent:
            folders.append(folder)
            folder = folder.parent
        return cls(real, tuple(folders), (real.parent / BACKUP_FOLDER_NAME).exists())

    def _made(self) -> list[Path]:
        """The journal, its side files and its backups folder, where they exist now."""
        made = [self.path, *(side_file(self.path, suffix) for suffix in SIDE_FILE_SUFFIXES)]
        if not self.had_backups:
            made.append(self.path.parent / BACKUP_FOLDER_NAME)
        return [path for path in made if os.path.lexists(path)]

    def remove(self) -> None:
        """Remove what opening the journal made; call it once the journal is closed."""
        left = _signature(self.path)
        if left is not None:
            try:
                lock = acquire_lock(self.path)
            except JournalError:
                return  # someone opened the journal meanwhile: it is theirs now
            try:
                if _signature(self.path) != left:
                    return  # written by someone else between our close and this lock
                for path in self._made():
                    if path.name.endswith(LOCK_SUFFIX):
                        continue  # held: removed once released, below
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
            finally:
                release_lock(self.path, lock)
        side_file(self.path, LOCK_SUFFIX).unlink(missing_ok=True)
        for folder in self.new_folders:
            try:
                folder.rmdir()  # only when empty: anything else in it is not ours
            except OSError:
                break
