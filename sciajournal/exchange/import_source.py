"""What may be imported: regular files and zip archives, within limits that say so when hit.

A FIFO would block the import forever while it holds the journal's lock, /dev/zero never
ends, and a folder is not a file: each is refused by what it is, before it is opened
(opening some devices has side effects) and again on the opened descriptor (in case the
file was swapped in between). Files that are read whole into memory have a size limit;
an Apple Health export has none, because it is streamed, but its zip must not inflate
beyond what a real export does.
"""

import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

MEGABYTE = 1024 * 1024
#: A SciaJournal export (and later a CSV file) is read whole; decades of entries are ~20 MB.
MAX_DOCUMENT_BYTES = 100 * MEGABYTE
#: GPX and TCX files are parsed whole (about 10 bytes of memory per byte of file);
#: a day-long recording at one point a second is under 10 MB.
MAX_TRACK_BYTES = 32 * MEGABYTE
#: Real exports deflate about 10 to 20 times; far beyond that is a zip bomb, not data.
MAX_ZIP_RATIO = 100
#: What a damaged zip raises while it is read: a bad CRC or deflate stream, a member cut
#: short, or an offset pointing outside the file (OSError from the seek).
DAMAGED_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError)


#: Told how far reading has come: (bytes read, bytes in all). It may raise ImportCancelled
#: to stop reading (the window's Cancel); nothing has been written by then.
Progress = Callable[[int, int], None]


class ImportCancelled(Exception):
    """Reading was stopped on request; nothing was written."""


def no_progress(_done: int, _total: int) -> None:
    """For callers that need no progress (the command line)."""


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and the problem. Nothing
    was written."""


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def check_regular(path: Path) -> os.stat_result:
    """The file's status, or ImportFileError when it is missing or not a regular file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be read ({error.strerror})") from None
    problem = _not_regular(status.st_mode)
    if problem is not None:
        raise ImportFileError(f"{path}: {problem}; SciaJournal imports files and zip archives")
    return status


@contextmanager
def open_regular(path: Path, *, limit: int | None = None) -> Iterator[BinaryIO]:
    """Open a regular file for reading, refusing anything else (and, with `limit`, a
    file larger than that many bytes)."""
    check_regular(path)
    try:
        # Non-blocking, so that a FIFO swapped in after the check cannot hang the open.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        status = os.fstat(descriptor)
        problem = _not_regular(status.st_mode)
        if problem is not None:
            raise ImportFileError(f"{path}: {problem}")
        if limit is not None and status.st_size > limit:
            raise ImportFileError(
                f"{path}: too large to import ({status.st_size / MEGABYTE:.1f} MB; "
                f"the limit for this kind of file is {limit // MEGABYTE} MB)"
            )
        os.set_blocking(descriptor, True)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle


def read_limited(path: Path, limit: int) -> bytes:
    """The whole file, when it is a regular file of at most `limit` bytes."""
    try:
        with open_regular(path, limit=limit) as handle:
            data = handle.read(limit + 1)  # the file may have grown since it was measured
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be read ({error.strerror})") from None
    if len(data) > limit:
        raise ImportFileError(
            f"{path}: too large to import (the limit for this kind of file is "
            f"{limit // MEGABYTE} MB)"
        )
    return data


def is_zip(handle: BinaryIO) -> bool:
    is_archive = zipfile.is_zipfile(handle)
    handle.seek(0)
    return is_archive


#: How much of a zip member is read to see what it is (a real export's DOCTYPE is ~10 KB).
MAX_PEEK_BYTES = 4 * MEGABYTE


@contextmanager
def zip_member(
    path: Path, handle: BinaryIO, is_wanted: Callable[[IO[bytes]], bool], what: str
) -> Iterator[IO[bytes]]:
    """Stream the first member `is_wanted` says yes to (it reads the member's start; exports
    are renamed by phones in other languages and by people, so names say little), refusing
    one that inflates like a zip bomb. Reading stops at the member's stated size, so the
    ratio bounds what is read. `what` names the member for the message when none is found."""
    try:
        archive = zipfile.ZipFile(handle)
    except (*DAMAGED_ZIP_ERRORS, ValueError) as error:
        raise ImportFileError(f"{path}: the zip file is damaged ({error})") from None
    with archive:
        info, first_problem = None, None
        for candidate in archive.infolist():
            if candidate.is_dir():
                continue
            try:
                with _open_member(path, archive, candidate) as member:
                    if is_wanted(member):
                        info = candidate
                        break
            except ImportFileError as problem:  # say so only if nothing else is the export
                first_problem = first_problem or problem
        if info is None:
            if first_problem is not None:
                raise first_problem
            raise ImportFileError(f"{path.name}: no {what} inside this zip file")
        if info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ImportFileError(
                f"{path.name}: {info.filename} would inflate {info.file_size / MEGABYTE:.0f} MB "
                f"from {info.compress_size / MEGABYTE:.1f} MB, more than {MAX_ZIP_RATIO} times; "
                "a real export does not (a zip bomb?)"
            )
        with _open_member(path, archive, info) as member:
            yield member


@contextmanager
def _open_member(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo
) -> Iterator[IO[bytes]]:
    try:
        member = archive.open(info)
    except (*DAMAGED_ZIP_ERRORS, NotImplementedError, RuntimeError) as error:
        # NotImplementedError: an unknown compression; RuntimeError: encrypted.
        raise ImportFileError(f"{path.name}: {info.filename} cannot be read ({error})") from None
    with member:
        try:
            yield member
        except DAMAGED_ZIP_ERRORS as error:  # a bad CRC shows only once it is read
            raise ImportFileError(f"{path.name}: {info.filename} is damaged ({error})") from None
