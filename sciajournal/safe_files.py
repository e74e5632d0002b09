"""Writing a file so that it is either the complete new content or still the old file.

Every file SciaJournal writes (exports, summary PDFs, backups) goes through here: the
content is written to a temporary file in the target's own folder (a rename is only
atomic within one file system), flushed and fsynced, renamed over the target, and the
folder is fsynced so the rename itself survives a power cut. If anything fails (a full
disk, a read-only disk) the temporary file is removed and the old file is untouched.
New files are owner-only: they hold health data.

This module sits below every layer and imports nothing from SciaJournal.
"""

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

OWNER_ONLY_FILE = 0o600

# What the user is told for the usual reasons a write fails; never the raw errno text alone.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.EISDIR: "it is a folder",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EIO: "the disk reported an input/output error",
    errno.EFBIG: "the file is too large for this disk",
}


class OutputNotWritten(Exception):
    """A file could not be written; the message is one line and the old file is unchanged."""


def describe_os_error(error: OSError) -> str:
    """A short reason for a failed file operation, for a one-line message."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or type(error).__name__).lower()


def final_target(target: Path) -> Path:
    """Where a write to `target` must land: through a symbolic link to the file it names."""
    return Path(os.path.realpath(target))


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; when the block succeeds it replaces `target`.

    The block writes the temporary file by any means (Python, SQLite's backup API).
    On any exception in the block or while committing, the temporary file is removed,
    `target` is left as it was, and OutputNotWritten is raised (other exceptions that
    are not OSErrors pass through unchanged after the cleanup).
    """
    final = final_target(target)
    if final.is_dir():
        raise OutputNotWritten(f"Could not write {target}: it is a folder.")
    try:
        handle, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
        os.close(handle)  # created 0600 by mkstemp
    except OSError as error:
        raise OutputNotWritten(
            f"Could not write {target}: {describe_os_error(error)}; nothing was changed."
        ) from None
    temporary = Path(name)
    try:
        yield temporary
        _fsync_file(temporary)
        os.chmod(temporary, OWNER_ONLY_FILE)
        os.replace(temporary, final)
        _fsync_folder(final.parent)
    except OSError as error:
        _remove_quietly(temporary)
        raise OutputNotWritten(
            f"Could not write {target}: {describe_os_error(error)}; "
            + ("the previous file is unchanged." if final.exists() else "nothing was written.")
        ) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def write_atomically(target: Path, data: bytes | str) -> None:
    """Replace `target` by `data` (text is written as UTF-8), all or nothing, owner-only."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(target) as temporary, temporary.open("wb") as stream:
        stream.write(payload)
        stream.flush()


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # some platforms cannot open a folder; the rename is still atomic
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; nothing more can be done
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink(missing_ok=True)
