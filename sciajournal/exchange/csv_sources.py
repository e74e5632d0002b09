"""Where CSV files to import come from: one .csv file, a folder of them, or a zip of them.

Every file is read whole (within the size limit of import_source), before anything is
parsed: an import is all or nothing, so all of its files must be there first.
daily.csv is left out of folders and zips: it is computed from the entries, not entries.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path

from sciajournal.exchange.import_source import (
    DAMAGED_ZIP_ERRORS,
    MAX_DOCUMENT_BYTES,
    MAX_ZIP_RATIO,
    MEGABYTE,
    ImportFileError,
    check_regular,
    is_zip,
    open_regular,
    read_limited,
)

CSV_SUFFIX = ".csv"
#: The summary table an export writes beside the entries; importing it would be wrong.
SUMMARY_NAMES = frozenset({"daily.csv"})


@dataclass(frozen=True)
class CsvFile:
    #: How messages name the file: its name, or "archive.zip/walks.csv".
    name: str
    data: bytes


def _is_csv_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.lower().endswith(CSV_SUFFIX) and not base.startswith(".")


def is_summary(name: str) -> bool:
    return name.rsplit("/", 1)[-1].lower() in SUMMARY_NAMES


def zip_holds_csv(path: Path) -> bool:
    """Whether a zip file holds CSV files (else it may be an Apple Health export)."""
    try:
        with open_regular(path, limit=None) as handle:
            if not is_zip(handle):
                return False
            with zipfile.ZipFile(handle) as archive:
                return any(_is_csv_name(info.filename) for info in archive.infolist())
    except (*DAMAGED_ZIP_ERRORS, ValueError):
        return False  # the device importer says what is wrong with it


def is_csv_source(path: Path) -> bool:
    """A .csv file, a folder, or a zip of CSV files: what the CSV import takes."""
    if path.is_dir():
        return True
    suffix = path.suffix.lower()
    return suffix == CSV_SUFFIX or (suffix == ".zip" and zip_holds_csv(path))


def read_csv_files(path: Path) -> list[CsvFile]:
    """The files to import, in name order; raises ImportFileError naming what is wrong."""
    if path.is_dir():
        return _folder(path)
    check_regular(path)
    if path.suffix.lower() == ".zip":
        return _archive(path)
    if is_summary(path.name):
        raise ImportFileError(
            f"{path.name}: this is the daily summary an export writes, computed from the "
            "entries; import the entries' files (walks.csv, pain.csv, ...) instead"
        )
    return [CsvFile(path.name, read_limited(path, MAX_DOCUMENT_BYTES))]


def _folder(folder: Path) -> list[CsvFile]:
    names = sorted(
        child
        for child in folder.iterdir()
        if _is_csv_name(child.name) and not is_summary(child.name) and child.is_file()
    )
    if not names:
        raise ImportFileError(
            f"{folder}: is a folder, not a file, and holds no CSV files to import"
        )
    files, total = [], 0
    for child in names:
        data = read_limited(child, MAX_DOCUMENT_BYTES)
        total += len(data)
        if total > MAX_DOCUMENT_BYTES:
            raise ImportFileError(
                f"{folder}: too much to import at once (more than "
                f"{MAX_DOCUMENT_BYTES // MEGABYTE} MB of CSV files)"
            )
        files.append(CsvFile(child.name, data))
    return files


def _archive(path: Path) -> list[CsvFile]:
    files: list[CsvFile] = []
    total = 0
    with open_regular(path, limit=None) as handle:
        try:
            with zipfile.ZipFile(handle) as archive:
                members = sorted(
                    (
                        info
                        for info in archive.infolist()
                        if not info.is_dir()
                        and _is_csv_name(info.filename)
                        and not is_summary(info.filename)
                        and not info.filename.startswith("__MACOSX/")
                    ),
                    key=lambda info: info.filename,
                )
                if not members:
                    raise ImportFileError(f"{path.name}: no CSV files inside this zip file")
                for info in members:
                    name = f"{path.name}/{info.filename}"
                    total += info.file_size
                    if total > MAX_DOCUMENT_BYTES:
                        raise ImportFileError(
                            f"{path.name}: too much to import at once (more than "
                            f"{MAX_DOCUMENT_BYTES // MEGABYTE} MB of CSV files)"
                        )
                    if info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
                        raise ImportFileError(
                            f"{name}: would inflate more than {MAX_ZIP_RATIO} times; "
                            "a real export does not (a zip bomb?)"
                        )
                    with archive.open(info) as member:
                        data = member.read(info.file_size + 1)  # stops at the stated size
                    if len(data) > info.file_size:
                        raise ImportFileError(f"{name}: larger than the zip says (damaged?)")
                    files.append(CsvFile(name, data))
        except (*DAMAGED_ZIP_ERRORS, NotImplementedError, RuntimeError) as error:
            raise ImportFileError(f"{path.name}: the zip file cannot be read ({error})") from None
    return files
