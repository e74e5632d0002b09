"""The columns of each kind's CSV file, read from the exchange format's JSON Schema.

A CSV file holds the records of one kind of the JSON exchange format, one a row, with
the JSON field names as column names. Nothing here lists a kind or a field: kinds and
columns come from the schema of the version export writes, so a kind or a field added
to the JSON format comes along in CSV without a change here.

How a JSON value becomes one cell, and back (docs/csv-format.md):
- text as it is, except that text a spreadsheet would run as a formula gets a `'` in
  front (below); numbers as JSON writes them (20, 1.1, -3); true/false;
- an empty cell is null where the field allows null, otherwise "not given" (the
  field's default applies, or a required field is reported missing);
- a list of names (a red-flag check's signs) as the names joined by ", ";
- any other list or object as its JSON text, e.g. [{"activity_id": "...", "score": 6}].

Formulas (OWASP's "CSV injection"): a spreadsheet runs a cell that starts with = + - @,
a tab or a carriage return, so a note "=HYPERLINK(...)" would become a live link or
worse. In text columns, text that starts with one of them, after any number of `'`, is
written with one more `'` in front; import takes exactly one `'` off a cell of that
shape. Each text has one cell and each cell one text, so "'=x" (a note that really
starts with a quote) comes back as "'=x" (written "''=x"). Numbers are never changed.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sciajournal.exchange.json_format import FORMAT_VERSION, schema

#: Document keys that are not lists of records.
_NOT_KINDS = ("format", "version")
#: What spreadsheets write for true and false, in the languages people told us about;
#: compared case-insensitively (Excel writes TRUE/FALSE, German Excel WAHR/FALSCH).
TRUE_WORDS = frozenset({"true", "yes", "1", "wahr", "ja", "vrai", "oui", "sí", "si", "waar"})
FALSE_WORDS = frozenset({"false", "no", "0", "falsch", "nein", "faux", "non", "onwaar"})
LIST_SEPARATOR = ", "
_PLAIN_NAME = re.compile(r"[^,\[\]{}\"]*")
#: The mark spreadsheets themselves use for "this is text, not a formula".
TEXT_MARK = "'"
#: Text a spreadsheet would run (OWASP: = + - @ tab CR), after any number of marks.
_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")


def defused(text: str) -> str:
    """`text` as a cell no spreadsheet runs as a formula: one more mark in front of text
    that starts like a formula (after any marks it already has); other text as it is."""
    return TEXT_MARK + text if _FORMULA_LIKE.match(text) else text


def restored(cell: str) -> str:
    """The text a `defused` cell was made from: one mark less on a cell that starts with
    marks and then a formula's first character; any other cell as it is."""
    return cell[1:] if cell.startswith(TEXT_MARK) and _FORMULA_LIKE.match(cell) else cell


class CellError(ValueError):
    """A cell that cannot be read as its column's type; the message says what was expected."""


@dataclass(frozen=True)
class Column:
    name: str
    #: JSON types the field allows ("string", "integer", "number", "boolean", "array",
    #: "object"), without "null".
    types: frozenset[str]
    nullable: bool
    #: The allowed values of an enum field (without null), else empty.
    choices: tuple[str, ...] = ()

    @property
    def is_text(self) -> bool:
        """Free text (a note, a medicine's name), not a choice, number or list."""
        return "string" in self.types and not self.choices

    def to_cell(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return json.dumps(value)  # the JSON spelling: 1.1, 20, 1e-07
        if isinstance(value, list) and all(_plain_name(item) for item in value):
            return LIST_SEPARATOR.join(value)
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        if self.is_text:
            return defused(str(value))
        return str(value)

    def from_cell(self, text: str, *, decimal_comma: bool) -> Any:
        """The JSON value of a non-empty cell; raises CellError."""
        if self.choices:
            return self._choice(text.strip())
        if self.is_text:
            # Exactly as written (notes keep their spaces and line breaks), less the mark
            # the export put before what a spreadsheet would run.
            return restored(text)
        cleaned = text.strip()
        if "boolean" in self.types:
            return _boolean(cleaned)
        if "integer" in self.types or "number" in self.types:
            return self._number(cleaned, decimal_comma)
        if "array" in self.types:
            if cleaned.startswith("["):
                return _json(cleaned, "a list")
            return [item.strip() for item in cleaned.split(",") if item.strip()]
        if "object" in self.types:
            return _json(cleaned, "an object")
        return cleaned

    def _choice(self, text: str) -> str:
        for choice in self.choices:
            if choice.casefold() == text.casefold():
                return choice
        raise CellError(f"{text!r} is not one of {', '.join(self.choices)}")

    def _number(self, text: str, decimal_comma: bool) -> int | float:
        spelled = text.replace(",", ".", 1) if decimal_comma and text.count(",") == 1 else text
        if "," in spelled:
            raise CellError(
                f"{text!r} is not a number (a comma is read as a decimal point only in files "
                "separated by semicolons; write 1.5)"
            )
        try:
            number = float(spelled)
        except ValueError:
            raise CellError(f"{text!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise CellError(f"{text!r} is not a number")
        if number.is_integer() and abs(number) < 2**53:
            return int(number)  # 20, 20.0 and "20,0" are all the JSON 20
        if "number" not in self.types:
            raise CellError(f"{text!r} is not a whole number")
        return number


def _plain_name(item: Any) -> bool:
    return isinstance(item, str) and item == item.strip() and bool(_PLAIN_NAME.fullmatch(item))


def _boolean(text: str) -> bool:
    word = text.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"{text!r} is not true or false")


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CellError(f"not {what} in JSON ({error.msg} at character {error.pos + 1})") from None


@dataclass(frozen=True)
class KindColumns:
    #: The exchange format's key of the kind ("walks"), also the CSV file's name.
    key: str
    columns: tuple[Column, ...]
    required: frozenset[str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column | None:
        return next((column for column in self.columns if column.name == name), None)


def _resolve(spec: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in spec:
        target: Any = root
        for part in spec["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        spec = target
    return spec


def _column(name: str, spec: Mapping[str, Any], root: Mapping[str, Any]) -> Column:
    spec = _resolve(spec, root)
    alternatives = [_resolve(s, root) for s in spec.get("anyOf", spec.get("oneOf", [spec]))]
    types: set[str] = set()
    choices: list[str] = []
    nullable = False
    for alternative in alternatives:
        declared = alternative.get("type", [])
        types.update([declared] if isinstance(declared, str) else declared)
        for value in alternative.get("enum", []):
            if value is None:
                nullable = True
            else:
                choices.append(value)
        if "const" in alternative and alternative["const"] is not None:
            choices.append(alternative["const"])
    nullable = nullable or "null" in types
    return Column(name, frozenset(types - {"null"}), nullable, tuple(choices))


@cache
def kinds(version: int = FORMAT_VERSION) -> tuple[KindColumns, ...]:
    """Every kind of the format, in document order, with its columns in record order."""
    root = schema(version)
    found = []
    for key, spec in root["properties"].items():
        if key in _NOT_KINDS:
            continue
        record = _resolve(spec["items"], root)
        columns = tuple(_column(name, s, root) for name, s in record["properties"].items())
        found.append(KindColumns(key, columns, frozenset(record.get("required", ()))))
    return tuple(found)


def kind_named(key: str) -> KindColumns | None:
    return next((kind for kind in kinds() if kind.key == key), None)


def column_letter(index: int) -> str:
    """A spreadsheet's name for the 0-based column `index`: A, B, ..., Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
