"""Backups of a journal with SQLite's online backup API (never a file copy of a WAL database).

A backup is written to a temporary file, passes `PRAGMA integrity_check`, and only then
gets its name: a backup that exists is one that was sound when made.

Rotation keeps the newest daily backup of each of the last 7 days, 4 ISO weeks and
12 months. Backups you made ("manual"), and those made before a restore or an upgrade,
are kept apart from that rotation: the newest KEEP_KEPT_APART of them stay, whatever
their age. A backup stamped in the future (a clock that was once wrong) is never taken
for "today's backup" and is never rotated away.
"""

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sciajournal.safe_files import OutputNotWritten, atomic_output
from sciajournal.storage.backup_catalog import (
    Backup,
    aware_now,
    backup_folder,
    backup_stamp,
    checked_backup_folder,
    immutable_uri,
    integrity_problems,
    list_backups,
    newest_good_backup,
)
from sciajournal.storage.errors import (
    JournalError,
    JournalUnavailable,
    NotAJournal,
    describe_sqlite_error,
)
from sciajournal.storage.file_checks import (
    acquire_lock,
    check_journal_file,
    inspect_existing,
    real_journal_path,
    release_lock,
    write_problem_log,
)
from sciajournal.storage.lock_holder import Holder
from sciajournal.storage.protected_files import side_file

__all__ = [
    "KEEP_KEPT_APART",
    "Backup",
    "backup_folder",
    "backup_if_due",
    "copy_database",
    "future_dated",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "restore_backup",
    "rotate",
]

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_KEPT_APART = 20  # manual, before-restore and before-migration backups
BACKUP_INTERVAL = timedelta(days=1)


def copy_database(source: Path, target: Path, *, source_is_backup: bool = False) -> None:
    """Copy a live SQLite database page by page, consistent even while it is in use.

    Written to a temporary file beside `target`, checked with `PRAGMA integrity_check`,
    and renamed over it only then: a full disk or a bad copy leaves no file behind and
    never harms an existing one. A backup as source is opened immutable (no -wal/-shm).
    """
    # The live journal is read through an ordinary connection (the caller holds the lock):
    # a read-only one would leave -wal and -shm behind when it is the last to close.
    source_uri = immutable_uri(source) if source_is_backup else f"file:{quote(str(source))}"
    try:
        with atomic_output(target) as temporary:
            try:
                _backup_api_copy(source_uri, temporary)
            finally:
                # A failed copy can leave SQLite's rollback file for the temporary copy.
                side_file(temporary, "-journal").unlink(missing_ok=True)
            problems = integrity_problems(temporary)
            if problems:
                log = write_problem_log(target, ["the new copy failed its check:", *problems])
                raise JournalUnavailable(
                    f"The copy to {target} failed its integrity check and was deleted"
                    + (f" (details in {log})" if log else "")
                    + "; the disk may be failing.",
                    log=log,
                )
    except sqlite3.Error as error:
        raise JournalUnavailable(
            f"Could not copy {source} to {target}: {describe_sqlite_error(error)}; "
            "nothing was written."
        ) from None
    except OutputNotWritten as error:
        raise JournalUnavailable(str(error)) from None


def _backup_api_copy(source_uri: str, target: Path) -> None:
    reader = sqlite3.connect(source_uri, uri=True)
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def make_backup(journal: Path, reason: str = "", now: datetime | None = None) -> Path:
    """Write a new, checked backup of `journal`, complete or not at all."""
    journal = real_journal_path(journal)
    folder = checked_backup_folder(journal, create=True)
    assert folder is not None
    stamp = backup_stamp(aware_now(now))
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{journal.stem}-{stamp}{suffix}.sqlite"
    copy_database(journal, target)
    return target


def future_dated(journal: Path, now: datetime | None = None) -> list[Backup]:
    """Backups stamped after `now`: made while the clock was wrong."""
    now = aware_now(now)
    return [backup for backup in list_backups(journal) if backup.taken > now]


def backup_if_due(journal: Path, now: datetime | None = None) -> Path | None:
    """The daily backup: made when the newest (not future-dated) is a day old, then rotation."""
    now = aware_now(now)
    newest = next((b for b in list_backups(journal) if b.taken <= now), None)
    if newest is not None and now - newest.taken < BACKUP_INTERVAL:
        return None
    made = make_backup(journal, now=now)
    rotate(journal, now)
    return made


def rotate(journal: Path, now: datetime | None = None) -> list[Path]:
    """Remove daily backups outside 7 daily, 4 weekly, 12 monthly, and kept-apart ones
    beyond the newest KEEP_KEPT_APART; returns what was removed."""
    now = aware_now(now)
    backups = [b for b in list_backups(journal) if b.taken <= now]  # newest first
    daily = [b for b in backups if b.reason == ""]
    kept_apart = [b for b in backups if b.reason != ""]
    keep: set[Path] = {b.path for b in kept_apart[:KEEP_KEPT_APART]}
    for period, count in (
        (lambda b: b.taken.date(), KEEP_DAILY),
        (lambda b: b.taken.isocalendar()[:2], KEEP_WEEKLY),
        (lambda b: (b.taken.year, b.taken.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for backup in daily:
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
    journal = real_journal_path(journal)
    # Read-only and immutable: checking a backup makes no -wal or -shm appear beside it.
    inspect_existing(backup, immutable=True)  # a journal this version can open
    problems = integrity_problems(backup)  # the full check, not only the quick one
    if problems:
        log = write_problem_log(backup, problems)
        raise NotAJournal(
            f"The backup {backup} is damaged"
            + (f" (details in {log})" if log else "")
            + "; nothing was restored.",
            log=log,
        )
    lock = acquire_lock(journal, Holder.COMMAND)
    try:
        exists = check_journal_file(journal)
        kept: Path | None = None
        if exists and journal.stat().st_size > 0:
            try:
                inspect_existing(journal)
            except JournalError:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = journal.with_name(f"{journal.name}.damaged-{stamp}")
                _move_with_side_files(journal, kept)
            else:
                kept = make_backup(journal, "before-restore")
                _checkpoint(journal)
        # Nothing may remain of the old journal's log: SQLite would replay it onto the new file.
        _move_with_side_files(journal, None)
        copy_database(backup, journal, source_is_backup=True)
        os.chmod(journal, 0o600)
        return kept
    finally:
        release_lock(journal, lock)


def _checkpoint(journal: Path) -> None:
    """Fold the WAL into the journal and remove it, so nothing is left beside it."""
    connection = sqlite3.connect(journal)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _move_with_side_files(journal: Path, kept: Path | None) -> None:
    """Rename the journal (if `kept`) and its -wal/-shm aside, or remove empty leftovers."""
    if kept is not None:
        os.replace(journal, kept)
    for suffix in ("-wal", "-shm"):
        side = side_file(journal, suffix)
        if not side.exists():
            continue
        if kept is not None:
            os.replace(side, side_file(kept, suffix))
        elif suffix == "-wal" and side.stat().st_size > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            os.replace(side, side.with_name(f"{side.name}.replaced-{stamp}"))
        else:
            side.unlink()
