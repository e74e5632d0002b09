"""The SciaJournal exchange format, version 2 (documented in docs/exchange-format.md).

Export writes version 2; import reads versions 1 and 2 (version 1 had one "pain before"
and "pain after" per ice/heat session: they are read into both back and leg, as
migration 0003 does with stored journals). The function measures of issue 16 (three
lists, three pain-rating fields) are optional in version 2: a file written before them
imports unchanged.

Export writes every entry with every field, in time order, so that export, import
into an empty journal and export again give identical text. Import is all or
nothing: the whole file is checked against the schema and the entry rules first,
and the first problem is reported with the record and field it is in.
"""

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from sciajournal.core.collection import KIND_KEYS, Entries
from sciajournal.core.entities import ActivityScore, Entry
from sciajournal.core.enums import RedFlag
from sciajournal.core.timestamps import TimestampError, format_iso, parse_iso
from sciajournal.core.validation import ValidationError, validate_entry
from sciajournal.exchange.import_source import MAX_DOCUMENT_BYTES, ImportFileError, read_limited
from sciajournal.safe_files import write_atomically
from sciajournal.storage.journal import Journal
from sciajournal.storage.mapping import MAPPINGS
from sciajournal.storage.protected_files import check_output_path

FORMAT_NAME = "sciajournal"
FORMAT_VERSION = 2
#: Versions import reads; each has its schema file in exchange/schema/.
READABLE_VERSIONS = (1, 2)
KEY_KINDS = {key: kind for kind, key in KIND_KEYS.items()}
#: An export nests 5 deep (document, list, record, list of scores, score); far deeper is not one,
#: and would exhaust the recursion of the schema check.
MAX_NESTING = 16
_TOO_DEEP = f"not a SciaJournal export (values nested more than {MAX_NESTING} deep)"
#: Schema messages quote the offending value; a long one is cut to keep the message one line.
MAX_QUOTED = 200


@dataclasses.dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    #: The entries written (not those already there): what Edit > Undo takes away.
    entries: list[Entry] = dataclasses.field(default_factory=list)

    def summary(self, file_name: str) -> str:
        entries = "entry" if self.added == 1 else "entries"
        return (
            f"Imported {self.added} {entries} ({self.skipped} already in the journal) "
            f"from {file_name}"
        )


# -- export -----------------------------------------------------------------------------


def to_document(entries: Entries) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for key in KIND_KEYS.values():
        document[key] = [_record(entry) for entry in getattr(entries, key)]
    return document


def dumps(entries: Entries) -> str:
    return json.dumps(to_document(entries), indent=2, ensure_ascii=False) + "\n"


def export_journal(journal: Journal) -> str:
    return dumps(journal.collection())


def write_export(journal: Journal, target: Path) -> None:
    """Export to a file: never onto the journal's own files, all or nothing, owner-only."""
    check_output_path(target, journal.path)
    write_atomically(target, export_journal(journal))


def _record(entry: Entry) -> dict[str, Any]:
    record: dict[str, Any] = {"id": entry.id}
    for item in dataclasses.fields(entry):
        if item.name != "id":
            record[item.name] = _plain(getattr(entry, item.name))
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_iso(value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(str(member) for member in value)
    if isinstance(value, ActivityScore):
        return {"activity_id": value.activity_id, "score": value.score}
    if isinstance(value, tuple):  # a functional rating's scores, in their own order
        return [_plain(member) for member in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 20 minutes, not 20.0
    return value


# -- import -----------------------------------------------------------------------------


@cache
def schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    name = f"schema/sciajournal-v{version}.schema.json"
    text = resources.files("sciajournal.exchange").joinpath(name)
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


def treatment_from_v1(record: Mapping[str, Any]) -> dict[str, Any]:
    """A version-1 ice/heat record in version 2: its one pain number goes to back and leg."""
    upgraded = {key: value for key, value in record.items() if key not in V1_PAIN}
    for old, new_names in V1_PAIN.items():
        if old in record:
            for new in new_names:
                upgraded[new] = record[old]
    return upgraded


#: Version 1's unlabelled treatment pain and the version-2 fields it is read into.
V1_PAIN = {
    "pain_before": ("back_before", "leg_before"),
    "pain_after": ("back_after", "leg_after"),
}


def parse_document(document: Any) -> list[Entry]:
    """Check a whole decoded document and turn it into entries, or raise ImportFileError."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFileError('not a SciaJournal export (expected "format": "sciajournal")')
    version = document.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise ImportFileError(
            f"version {version!r} of the format is not supported "
            f"(this SciaJournal reads versions {readable})"
        )
    errors = sorted(
        Draft202012Validator(schema(version)).iter_errors(document),
        key=lambda error: [str(part) for part in error.absolute_path],
    )
    if errors:
        first = errors[0]
        extra = len(errors) - 1
        more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
        raise ImportFileError(f"{_path(first.absolute_path)}: {_schema_message(first)}{more}")

    entries: list[Entry] = []
    seen: set[str] = set()
    for key, kind in KEY_KINDS.items():
        for index, record in enumerate(document.get(key, [])):
            where = f"{key}[{index}] (id {record['id']})"
            if version == 1 and key == "treatments":
                record = treatment_from_v1(record)
            entry = _entry(kind, record, where)
            # Compared in canonical form: "ABC..." and "abc..." are the same entry.
            if entry.id in seen:
                raise ImportFileError(f"{where}: id appears more than once in the file")
            seen.add(entry.id)
            try:
                validate_entry(entry)
            except ValidationError as error:
                raise ImportFileError(str(error.located(where))) from None
            entries.append(entry)
    return entries


def import_text(journal: Journal, text: str) -> ImportResult:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise ImportFileError(_TOO_DEEP) from None
    if _deeper_than(document, MAX_NESTING):
        raise ImportFileError(_TOO_DEEP)
    entries = parse_document(document)
    try:
        added = journal.add_many(entries, skip_existing=True)
    except ValidationError as error:
        raise ImportFileError(str(error)) from None
    return ImportResult(added=len(added), skipped=len(entries) - len(added), entries=added)


def import_file(journal: Journal, path: Path) -> ImportResult:
    data = read_limited(path, MAX_DOCUMENT_BYTES)  # names the file in its own messages
    try:
        return import_text(journal, data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{path.name}: not UTF-8 text ({error.reason})") from None
    except ImportFileError as error:
        raise ImportFileError(f"{path.name}: {error}") from None


def _entry(kind: type[Any], record: Mapping[str, Any], where: str) -> Entry:
    mapping = MAPPINGS[kind]
    values: dict[str, Any] = {}
    for name, value in record.items():
        if name == mapping.time_field or (name in mapping.optional_instants and value is not None):
            try:
                values[name] = parse_iso(value)
            except TimestampError as error:
                raise ImportFileError(f"{where}: {name}: {error}") from None
        elif name == "scores":
            values[name] = tuple(ActivityScore(**score) for score in value)
        elif name == "signs":
            values[name] = frozenset(RedFlag(sign) for sign in value)
        elif name in mapping.enums and value is not None:
            values[name] = mapping.enums[name](value)
        else:
            values[name] = value
    entry: Entry = kind(**values)
    return entry


def _deeper_than(document: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep (without recursing)."""
    pending = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return False


def _path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "document"


def _schema_message(error: Any) -> str:
    if error.validator == "additionalProperties":
        return f"unknown field ({error.message})"
    if error.validator == "pattern" and "description" in error.schema:
        return f"{error.instance!r} is not valid: expected {error.schema['description']}"
    message = str(error.message)
    return message if len(message) <= MAX_QUOTED else message[: MAX_QUOTED - 3] + "..."
