"""The backups a journal has: where they live, what they are, and which ones are sound.

Backups live in a `backups` folder beside the journal, named after the journal and the
moment they were taken, in UTC ("journal-20261025-004500Z.sqlite"): a local time in the
name repeats in the hour the clocks go back, so a backup made in its first pass looked
dated in the future in the second. Older names, without the Z, are local times and are
still read. A backup is only ever opened read-only and immutable: checking one must not
create -wal or -shm files beside it, nor change a byte of it.
"""

import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sciajournal.core.timestamps import wall_time_moment
from sciajournal.storage.errors import JournalUnavailable, RestoreHint
from sciajournal.storage.protected_files import BACKUP_FOLDER_NAME

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<utc>Z?)(?P<why>-[a-z0-9-]+)?\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S"
OWNER_ONLY_FOLDER = 0o700


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # from the file name; aware, in the computer's local offset
    reason: str  # "" for the daily backup, "before-migration", "before-restore", "manual"


def backup_stamp(moment: datetime) -> str:
    """The name's time of a backup taken at `moment` (aware): UTC, marked Z."""
    return moment.astimezone(UTC).strftime(_STAMP) + "Z"


def stamp_moment(stamp: str, utc: bool) -> datetime:
    """The moment a name's stamp gives, in local time; ValueError if it is not a date.

    An old name's local stamp in the repeated hour is read as its first occurrence.
    """
    written = datetime.strptime(stamp, _STAMP)
    moment = written.replace(tzinfo=UTC) if utc else wall_time_moment(written)
    return moment.astimezone()


def aware_now(now: datetime | None) -> datetime:
    """`now` as an aware moment: the computer's clock if None, a naive one as local time."""
    if now is None:
        return datetime.now().astimezone()
    return now if now.utcoffset() is not None else wall_time_moment(now)


def backup_folder(journal: Path) -> Path:
    return journal.parent / BACKUP_FOLDER_NAME


def checked_backup_folder(journal: Path, *, create: bool) -> Path | None:
    """The backups folder, refused if it is a link or someone else's; None if absent.

    A planted link would otherwise have its target chmod'ed and filled with copies of
    the journal; a folder owned by another user could be read or swapped by them.
    """
    folder = backup_folder(journal)
    try:
        found = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return None
        try:
            folder.mkdir(mode=OWNER_ONLY_FOLDER)
            found = os.lstat(folder)
        except OSError as error:
            raise JournalUnavailable(
                f"Could not create the backups folder {folder}: {error.strerror}."
            ) from None
    except OSError as error:
        raise JournalUnavailable(
            f"Cannot use the backups folder {folder}: {error.strerror}."
        ) from None
    if stat.S_ISLNK(found.st_mode):
        raise JournalUnavailable(
            f"The backups folder {folder} is a symbolic link; SciaJournal does not follow it. "
            "Replace it with a real folder."
        )
    if not stat.S_ISDIR(found.st_mode):
        raise JournalUnavailable(f"The backups folder {folder} is not a folder.")
    if found.st_uid != os.geteuid():
        raise JournalUnavailable(
            f"The backups folder {folder} belongs to another user; SciaJournal does not use it."
        )
    if stat.S_IMODE(found.st_mode) != OWNER_ONLY_FOLDER:
        os.chmod(folder, OWNER_ONLY_FOLDER)
    return folder


def list_backups(journal: Path) -> list[Backup]:
    """Backups of this journal, newest first (an unusable backups folder has none)."""
    try:
        folder = checked_backup_folder(journal, create=False)
    except JournalUnavailable:
        return []
    if folder is None:
        return []
    found = []
    for path in folder.glob(f"{journal.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != journal.stem:
            continue
        try:
            taken = stamp_moment(match["stamp"], utc=bool(match["utc"]))
        except ValueError:
            continue  # digits that are not a date: not one of ours
        found.append(Backup(path, taken, (match["why"] or "").lstrip("-")))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def immutable_uri(path: Path) -> str:
    """Read-only and immutable: SQLite creates no -wal/-shm and takes no lock on it."""
    return f"file:{quote(str(path.absolute()))}?mode=ro&immutable=1"


def integrity_problems(path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a backup: [] when sound, else what it found."""
    try:
        connection = sqlite3.connect(immutable_uri(path), uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def newest_good_backup(journal: Path) -> Backup | None:
    """The newest backup that passes an integrity check (a truncated newer one is skipped)."""
    for backup in list_backups(journal):
        if not integrity_problems(backup.path):
            return backup
    return None


def restore_hint(journal: Path) -> RestoreHint | None:
    backup = newest_good_backup(journal)
    if backup is None:
        return None
    return RestoreHint(journal, backup.path, backup.taken)
