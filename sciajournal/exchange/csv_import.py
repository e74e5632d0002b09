"""`import FILE.csv|FOLDER|ZIP`: CSV files back into the journal, all or nothing.

The rows of every file become records of the JSON exchange format, and the whole set
goes through the JSON import's checks (schema, entry rules) before anything is written,
so CSV accepts exactly what JSON accepts. What spreadsheets do to a file is undone first:
a byte-order mark, ";" or tab separators (read from the header line), CRLF line ends,
decimal commas (in files separated by ";"), blank rows, columns in another order or left
out. Every message names the file, the line and the column.

A file without an `id` column is a diary template (docs/csv-format.md): `date` and `time`
columns instead of the ISO timestamp, and each row's id made from its kind, date and time,
so that importing the same diary again adds only the rows that are new.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sciajournal.core.entities import Entry, canonical_id
from sciajournal.core.timestamps import local_aware
from sciajournal.core.validation import ValidationError
from sciajournal.exchange.csv_columns import (
    CellError,
    Column,
    KindColumns,
    column_letter,
    kinds,
)
from sciajournal.exchange.csv_quotes import quote_problem
from sciajournal.exchange.csv_sources import CsvFile, read_csv_files
from sciajournal.exchange.csv_template import TEMPLATE_COLUMNS, template_clock, template_date
from sciajournal.exchange.import_source import ImportFileError
from sciajournal.exchange.json_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    KEY_KINDS,
    parse_document,
)
from sciajournal.storage.journal import Journal
from sciajournal.storage.mapping import MAPPINGS

SEPARATORS = (",", ";", "\t")
#: Fixed for ever: template ids made with it must stay the same in every version.
TEMPLATE_NAMESPACE = uuid.UUID("5c1a7e4d-2b8f-4d3e-9a61-0c5f3e8b7d21")
#: "walks[3].minutes: ..." and "walks[3] (id ...): minutes: ..." from the JSON checks.
#: The first line Excel reads (and some programs write) to learn the separator.
_SEPARATOR_LINE = re.compile(r"sep=(.)", re.IGNORECASE)
_NO_WALK = re.compile(r"no walk with id (\S+) in the journal")
_LOCATED = re.compile(r"^(?P<key>\w+)\[(?P<index>\d+)\](?:\.(?P<field>\w+))?(?: \(id [^)]*\))?")


#: More files than this are summed up as "9 CSV files in export.zip".
LISTED_FILES = 3


@dataclass
class CsvImportResult:
    added: int
    skipped: int
    #: The folder or zip imported from, or the file itself.
    source: str
    files: list[str] = field(default_factory=list)
    #: The entries written (not those already there): what Edit > Undo takes away.
    entries: list[Entry] = field(default_factory=list)

    def summary(self) -> str:
        entries = "entry" if self.added == 1 else "entries"
        where = (
            ", ".join(self.files)
            if len(self.files) <= LISTED_FILES
            else f"{len(self.files)} CSV files in {self.source}"
        )
        already = f"{self.skipped} already in the journal"
        return f"Imported {self.added} {entries} ({already}) from {where}"


@dataclass(frozen=True)
class _Origin:
    """Where a record came from, for messages: file, line, and each field's column."""

    file: str
    line: int
    columns: dict[str, int]

    def at(self, name: str | None = None) -> str:
        where = f"{self.file}, line {self.line}"
        if name is not None and name in self.columns:
            where += f", column {column_letter(self.columns[name])} ({name})"
        return where


@dataclass
class _Collected:
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    origins: dict[str, list[_Origin]] = field(default_factory=dict)
    #: (kind, local date and time) -> where a template row with them was.
    template_rows: dict[tuple[str, str], _Origin] = field(default_factory=dict)


def _decode(file: CsvFile) -> str:
    try:
        return file.data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = file.data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"{file.name}, line {line}: not UTF-8 text; save the file as "
            '"CSV UTF-8" (in Excel: Save As > CSV UTF-8)'
        ) from None


def _separator(text: str) -> str:
    """The separator an Excel "sep=;" line names, else the one the header line uses most
    (column names contain none of them)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    if (hint := _SEPARATOR_LINE.fullmatch(header.strip())) is not None:
        return hint[1]
    counts = {separator: header.count(separator) for separator in SEPARATORS}
    best = max(SEPARATORS, key=lambda separator: counts[separator])
    return best if counts[best] else ","


def _kind_of(file: CsvFile, header: list[str]) -> KindColumns:
    stem = file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0].casefold()
    named = [kind for kind in kinds() if kind.key == stem]
    if named:
        return named[0]
    given = {name for name in header if name} - set(TEMPLATE_COLUMNS)
    fitting = []
    for kind in kinds():
        time_field = MAPPINGS[KEY_KINDS[kind.key]].time_field
        needed = kind.required - {"id"} - ({time_field} if "date" in header else set())
        if given <= set(kind.names) and needed <= given:
            fitting.append(kind)
    if len(fitting) == 1:
        return fitting[0]
    names = ", ".join(f"{kind.key}.csv" for kind in kinds())
    raise ImportFileError(
        f"{file.name}: cannot tell which kind of entry it holds; name it after its kind "
        f"({names}) or use the columns of a template (docs/csv-format.md)"
    )


def _check_header(file: CsvFile, kind: KindColumns, header: list[str]) -> bool:
    """Refuse unknown, repeated or missing columns; True for a template (no id column)."""
    template = "id" not in header
    allowed = set(kind.names) | (set(TEMPLATE_COLUMNS) if template else set())
    time_field = MAPPINGS[KEY_KINDS[kind.key]].time_field
    for index, name in enumerate(header):
        if name and name not in allowed:
            raise ImportFileError(
                f"{file.name}, line 1, column {column_letter(index)}: unknown column {name!r} "
                f"(a {kind.key} file has {', '.join(kind.names)})"
            )
        if name and header.index(name) != index:
            raise ImportFileError(
                f"{file.name}, line 1, column {column_letter(index)}: column {name!r} appears twice"
            )
    needed = set(kind.required) - {"id"} if template else set(kind.required)
    if template and time_field not in header:
        needed = (needed - {time_field}) | set(TEMPLATE_COLUMNS)
    missing = [name for name in (*kind.names, *TEMPLATE_COLUMNS) if name in needed - set(header)]
    if missing:
        raise ImportFileError(
            f"{file.name}, line 1: no column {', '.join(repr(m) for m in missing)} "
            f"(a {kind.key} file needs {', '.join(sorted(needed))})"
        )
    return template


def _collect_file(file: CsvFile, collected: _Collected) -> None:
    text = _decode(file)
    separator = _separator(text)
    rows = _rows(file, text, separator)
    while rows and (
        not any(cell.strip() for cell in rows[0][1])
        or _SEPARATOR_LINE.fullmatch(separator.join(rows[0][1]).strip())
    ):
        rows.pop(0)  # blank lines and Excel's "sep=" line above the header
    if not rows:
        raise ImportFileError(f"{file.name}: empty (no header line with column names)")
    header_cells = rows[0][1]
    header = [cell.strip().casefold() for cell in header_cells]
    kind = _kind_of(file, header)
    template = _check_header(file, kind, header)
    records = collected.records.setdefault(kind.key, [])
    origins = collected.origins.setdefault(kind.key, [])
    columns = [kind.column(name) if name else None for name in header]
    positions = {name: i for i, name in enumerate(header) if name}  # shared by every row
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # blank rows, and the ";;;;" a spreadsheet writes for them
        origin = _Origin(file.name, line, positions)
        record = _record(kind, header, columns, cells, origin, decimal_comma=separator == ";")
        if template or not str(record.get("id") or "").strip():
            # A row added by hand in a spreadsheet leaves the id empty: it is a new entry,
            # known by its kind and time like a diary row, so importing again adds nothing.
            record.pop("id", None)
            _from_template(kind, record, origin, collected)
        records.append(record)
        origins.append(origin)


def _rows(file: CsvFile, text: str, separator: str) -> list[tuple[int, list[str]]]:
    """Each row with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        line, problem = quote_problem(error, text, separator, reader.line_num)
        raise ImportFileError(f"{file.name}, line {line}: {problem}") from None
    return rows


def _record(
    kind: KindColumns,
    header: list[str],
    columns: list[Column | None],
    cells: list[str],
    origin: _Origin,
    *,
    decimal_comma: bool,
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for index, cell in enumerate(cells):
        name = header[index] if index < len(header) else ""
        if not name:
            if cell.strip():
                raise ImportFileError(
                    f"{origin.file}, line {origin.line}, column {column_letter(index)}: "
                    f"a value ({cell.strip()[:40]!r}) in a column without a name"
                )
            continue
        column = columns[index]
        if column is None:  # date and time of a template
            record[name] = cell.strip()
        elif not cell.strip() and "string" not in column.types:
            if column.nullable:
                record[name] = None
        elif not cell and column.nullable:
            record[name] = None
        else:
            try:
                record[name] = column.from_cell(cell, decimal_comma=decimal_comma)
            except CellError as error:
                raise ImportFileError(f"{origin.at(name)}: {error}") from None
    for name in kind.required:
        if name not in record and name in origin.columns:
            raise ImportFileError(f"{origin.at(name)}: empty, but every {kind.key} row needs it")
    return record


def _from_template(
    kind: KindColumns, record: dict[str, Any], origin: _Origin, collected: _Collected
) -> None:
    """A template row: its timestamp from date and time, its id from kind, date and time."""
    time_field = MAPPINGS[KEY_KINDS[kind.key]].time_field
    if time_field not in origin.columns:
        for name in TEMPLATE_COLUMNS:
            if not record.get(name):
                raise ImportFileError(f"{origin.at(name)}: empty, but every row needs it")
        try:
            day = template_date(record.pop("date"))
        except ValueError as error:
            raise ImportFileError(f"{origin.at('date')}: {error}") from None
        try:
            clock = template_clock(record.pop("time"))
        except ValueError as error:
            raise ImportFileError(f"{origin.at('time')}: {error}") from None
        moment = local_aware(datetime.combine(day, clock))
        record[time_field] = moment.isoformat()
        local = moment.replace(tzinfo=None).isoformat()
    elif time_field in record:
        local = str(record[time_field])
    else:
        return  # the JSON checks report the missing timestamp
    earlier = collected.template_rows.get((kind.key, local))
    if earlier is not None:
        raise ImportFileError(
            f"{origin.at()}: a second {kind.key} row at {local.replace('T', ' ')} "
            f"({earlier.at()} has one); a diary row is known by its date and time"
        )
    collected.template_rows[kind.key, local] = origin
    record["id"] = str(uuid.uuid5(TEMPLATE_NAMESPACE, f"{kind.key}|{local}"))


def _located(error: ImportFileError, collected: _Collected) -> ImportFileError:
    """A JSON check's message ("walks[3].minutes: ...") with the file, line and column."""
    text = str(error)
    match = _LOCATED.match(text)
    if match is None:
        return error
    origins = collected.origins.get(match["key"], [])
    index = int(match["index"])
    if index >= len(origins):
        return error
    rest = text[match.end() :].lstrip(": ")
    name = match["field"] or rest.split(":", 1)[0].strip()
    origin = origins[index]
    if rest.startswith("id appears more than once"):
        first = _first_with_id(collected.records[match["key"]], index)
        rest = f"id appears more than once ({origins[first].at()} has it too)"
    if name in origin.columns and not match["field"]:
        rest = rest.split(":", 1)[1].strip()
    elif name not in origin.columns:
        name = None
    return ImportFileError(f"{origin.at(name)}: {rest}")


def _missing_walk(error: ValidationError, collected: _Collected) -> ImportFileError | None:
    """A rating's walk in neither the files nor the journal, named by the rating's row."""
    found = _NO_WALK.search(str(error))
    if found is None:
        return None
    for key, records in collected.records.items():
        for record, origin in zip(records, collected.origins[key], strict=True):
            if record.get("walk_id") and canonical_id(record["walk_id"]) == found[1]:
                return ImportFileError(
                    f"{origin.at('walk_id')}: no walk with this id in the files or the journal "
                    "(import the walks' file together with it: the folder or zip of the export)"
                )
    return None


def _first_with_id(records: list[dict[str, Any]], index: int) -> int:
    same = canonical_id(records[index]["id"])
    return next(i for i, record in enumerate(records) if canonical_id(record["id"]) == same)


def import_csv(journal: Journal, path: Path) -> CsvImportResult:
    """Import a .csv file, a folder of them or a zip of them; all or nothing."""
    files = read_csv_files(path)
    collected = _Collected()
    for file in files:
        _collect_file(file, collected)
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    document.update(collected.records)
    try:
        entries = parse_document(document)
    except ImportFileError as error:
        raise _located(error, collected) from None
    try:
        added = journal.add_many(entries, skip_existing=True)
    except ValidationError as error:
        raise _missing_walk(error, collected) or ImportFileError(f"{path}: {error}") from None
    return CsvImportResult(
        len(added), len(entries) - len(added), path.name, [file.name for file in files], added
    )
