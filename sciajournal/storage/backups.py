"""Backups of a journal with SQLite's online backup API (never a file copy of a WAL database).

They live in a `backups` folder beside the journal, owner-only, named after the journal
and the moment they were taken. Rotation keeps the newest backup of each of the last 7
days, 4 ISO weeks and 12 months; everything else is removed.
"""

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sciajournal.safe_files import OutputNotWritten, atomic_output, describe_os_error
from sciajournal.storage.errors import JournalUnavailable, describe_sqlite_error
from sciajournal.storage.protected_files import side_file

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
BACKUP_INTERVAL = timedelta(days=1)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<why>-[a-z0-9-]+)?\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # local time, from the file name
    reason: str  # "" for the daily backup, "before-migration", "before-restore", "manual"


def backup_folder(journal: Path) -> Path:
    return journal.parent / "backups"


def list_backups(journal: Path) -> list[Backup]:
    """Backups of this journal, newest first."""
    folder = backup_folder(journal)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{journal.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != journal.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(Backup(path, taken, (match["why"] or "").lstrip("-")))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite database page by page, consistent even while it is in use.

    Written to a temporary file beside `target` and renamed over it only when complete,
    so a full disk leaves no partial or empty file and never harms an existing one.
    """
    source_uri = f"file:{quote(str(source))}?mode=ro"
    try:
        with atomic_output(target) as temporary:
            try:
                reader = sqlite3.connect(source_uri, uri=True)
                try:
                    writer = sqlite3.connect(temporary)
                    try:
                        reader.backup(writer)
                    finally:
                        writer.close()
                finally:
                    reader.close()
            finally:
                # A failed copy can leave SQLite's rollback file for the temporary copy.
                side_file(temporary, "-journal").unlink(missing_ok=True)
    except sqlite3.Error as error:
        raise JournalUnavailable(
            f"Could not copy {source} to {target}: {describe_sqlite_error(error)}; "
            "nothing was written."
        ) from None
    except OutputNotWritten as error:
        raise JournalUnavailable(str(error)) from None


def make_backup(journal: Path, reason: str = "", now: datetime | None = None) -> Path:
    """Write a new backup of `journal`, complete or not at all."""
    folder = backup_folder(journal)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as error:
        raise JournalUnavailable(
            f"Could not create {folder}: {describe_os_error(error)}."
        ) from None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{journal.stem}-{stamp}{suffix}.sqlite"
    copy_database(journal, target)
    return target


def backup_if_due(journal: Path, now: datetime | None = None) -> Path | None:
    """The daily backup: made when the newest one is older than a day, then rotation."""
    now = now or datetime.now()
    newest = next(iter(list_backups(journal)), None)
    if newest is not None and now - newest.taken < BACKUP_INTERVAL:
        return None
    made = make_backup(journal, now=now)
    rotate(journal)
    return made


def rotate(journal: Path) -> list[Path]:
    """Remove backups outside 7 daily, 4 weekly and 12 monthly; returns what was removed."""
    backups = list_backups(journal)  # newest first
    keep: set[Path] = set()
    for period, count in (
        (lambda b: b.taken.date(), KEEP_DAILY),
        (lambda b: b.taken.isocalendar()[:2], KEEP_WEEKLY),
        (lambda b: (b.taken.year, b.taken.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for backup in backups:
            key = period(backup)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(backup.path)  # the newest of its period
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(journal: Path, backup: Path) -> Path | None:
    """Put `backup` in place of `journal`, which must not be open.

    A healthy journal is first backed up ("before-restore"); a damaged or foreign file
    is never overwritten or deleted but renamed aside. Returns that safety copy's path.
    The caller then opens the journal as usual (migrating an older backup).
    """
    from sciajournal.storage.database import acquire_lock, inspect_existing
    from sciajournal.storage.errors import JournalError

    inspect_existing(backup)  # refuses a damaged, foreign or newer backup
    lock = acquire_lock(journal)
    try:
        kept: Path | None = None
        if journal.exists() and journal.stat().st_size > 0:
            try:
                inspect_existing(journal)
            except JournalError:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = journal.with_name(f"{journal.name}.damaged-{stamp}")
                os.replace(journal, kept)
                for side in ("-wal", "-shm"):
                    sidecar = journal.with_name(journal.name + side)
                    if sidecar.exists():
                        os.replace(sidecar, kept.with_name(kept.name + side))
            else:
                kept = make_backup(journal, "before-restore")
        copy_database(backup, journal)
        os.chmod(journal, 0o600)
        return kept
    finally:
        lock.release()
