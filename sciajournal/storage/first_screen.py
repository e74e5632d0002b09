"""The journal's first screen read with the sqlite3 module, before SQLAlchemy is imported.

Importing SQLAlchemy takes most of the time between the window and the journal's rows
(issue 14). The window's first screen (the Today panel, the last 30 days of the journal)
needs only a few read queries, so at start-up they are made here, on a journal that
inspect_for_writing has checked, at the current schema, before its lock is taken; the
lock and the Journal (SQLAlchemy, the only writer) are taken and opened just after, and
the window switches to it, re-reading what it shows.

Values are converted as SQLAlchemy converts them, chosen by the column types the file
itself declares (PRAGMA table_info), then turned into entries by mapping.py's from_row
and read_entries, which report a damaged value as the Journal does. A column type not
known here makes the file unreadable here (FirstScreenUnreadable): the window then opens
the Journal first, as it always did.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sciajournal.core.collection import Entries
from sciajournal.core.entities import ENTRY_TYPES, Entry
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import split_instant
from sciajournal.storage.errors import JournalUnavailable, describe_sqlite_error
from sciajournal.storage.file_checks import reading_uri
from sciajournal.storage.mapping import MAPPINGS, KindMapping
from sciajournal.storage.reading import Touched, read_entries
from sciajournal.storage.writable_file import InspectedJournal

Conversion = Callable[[Any], Any]


def _datetime(value: Any) -> datetime | None:
    # As SQLAlchemy's SQLite DATETIME reads its text (processors.str_to_datetime).
    return None if value is None else datetime.fromisoformat(value)


def _boolean(value: Any) -> bool | None:
    # As SQLAlchemy's Boolean reads SQLite's 0/1 (processors.int_to_boolean).
    return None if value is None else bool(value)


def _as_stored(value: Any) -> Any:
    return value


#: How SQLAlchemy reads each column type the journal's tables declare (models.py):
#: Float, Integer, String and Text values come back from SQLite unconverted.
CONVERSIONS: dict[str, Conversion] = {
    "DATETIME": _datetime,
    "BOOLEAN": _boolean,
    "FLOAT": _as_stored,
    "INTEGER": _as_stored,
    "VARCHAR": _as_stored,
    "TEXT": _as_stored,
}


def stored_datetime(moment: datetime) -> str:
    """A naive UTC instant as SQLAlchemy's SQLite DATETIME stores it (and compares it)."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


class FirstScreenUnreadable(Exception):
    """The file declares a column this reader does not know how SQLAlchemy would read."""


class FirstScreenReader:
    """Reads a checked, current journal for the window until its Journal is open
    (storage.reading.JournalReading). It never writes.

    The writer lock may not be taken yet: a journal another process is writing to is
    refused as the lock is taken, right after the first screen, and the window re-reads
    what it shows from the Journal it switches to (journal_listing's switch)."""

    #: The window's reads stay as they are until it switches to the Journal.
    revision = 0

    def __init__(self, checked: InspectedJournal) -> None:
        if not checked.current:
            raise FirstScreenUnreadable("not a journal of the current schema")
        self._path = checked.path
        try:
            self._connection = sqlite3.connect(reading_uri(checked.path), uri=True)
            self._columns = {
                mapping.table: self._declared(mapping.table) for mapping in MAPPINGS.values()
            }
        except sqlite3.Error as error:
            self.close()
            raise self._unavailable(error) from None

    def _declared(self, table: str) -> list[tuple[str, Conversion]]:
        """Each column of `table` with how SQLAlchemy converts its values."""
        columns = []
        for _cid, name, declared, *_rest in self._connection.execute(f"PRAGMA table_info({table})"):
            kind = str(declared).upper().split("(")[0]
            if kind not in CONVERSIONS:
                raise FirstScreenUnreadable(f"{table}.{name} is declared {declared}")
            columns.append((str(name), CONVERSIONS[kind]))
        if not columns:
            raise FirstScreenUnreadable(f"no table {table}")
        return columns

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if hasattr(self, "_connection"):
            self._connection.close()

    def changed_since(self, revision: int) -> list[Touched] | None:
        return [] if revision == self.revision else None

    def _unavailable(self, error: sqlite3.Error) -> JournalUnavailable:
        # As the Journal says it (database.py): the kind of problem, never the SQL or a value.
        return JournalUnavailable(
            f"The journal {self._path} could not be used: {describe_sqlite_error(error)}; "
            "nothing was saved by this action."
        )

    def _query(
        self, mapping: KindMapping, where: str, order: str, values: tuple[Any, ...]
    ) -> Iterator[Entry]:
        """Entries of one kind; conversions happen as rows are fetched, as SQLAlchemy's do."""
        columns = self._columns[mapping.table]
        names = ", ".join(name for name, _conversion in columns)
        sql = f"SELECT {names} FROM {mapping.table}{where} ORDER BY {order}"
        try:
            cursor = self._connection.execute(sql, values)
            fetched = cursor.fetchall()
        except sqlite3.Error as error:
            raise self._unavailable(error) from None

        def rows() -> Iterator[dict[str, Any]]:
            for row in fetched:
                yield {
                    name: conversion(value)
                    for (name, conversion), value in zip(columns, row, strict=True)
                }

        return read_entries(self._path, mapping, rows())

    def collection(
        self,
        *,
        kinds: Iterable[type[Any]] = ENTRY_TYPES,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Entries:
        """As Journal.collection: entries with start <= time < end, by kind, in time order."""
        grouped = Entries()
        for kind in kinds:
            mapping = MAPPINGS[kind]
            column = mapping.time_column
            conditions, values = [], []
            if start is not None:
                conditions.append(f"{column} >= ?")
                values.append(stored_datetime(split_instant(start)[0]))
            if end is not None:
                conditions.append(f"{column} < ?")
                values.append(stored_datetime(split_instant(end)[0]))
            where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
            found = self._query(mapping, where, f"{column}, id", tuple(values))
            grouped.list_for(kind).extend(found)
        return grouped

    def last_before(self, kind: type[Any], instant: datetime | None = None) -> Entry | None:
        """As Journal.last_before: the latest entry of `kind` before `instant` (None: of all)."""
        mapping = MAPPINGS[kind]
        column = mapping.time_column
        where = ""
        values: tuple[str, ...] = ()
        if instant is not None:
            where, values = f" WHERE {column} < ?", (stored_datetime(split_instant(instant)[0]),)
        found = self._query(mapping, where, f"{column} DESC, id DESC LIMIT 1", values)
        return next(found, None)

    def first_entry_time(self) -> datetime | None:
        """As Journal.first_entry_time: when the earliest entry of any kind was made."""
        earliest = []
        for mapping in MAPPINGS.values():
            order = f"{mapping.time_column}, id LIMIT 1"
            first = next(self._query(mapping, "", order, ()), None)
            if first is not None:
                earliest.append(first.when)
        return min(earliest, default=None)

    def settings(self) -> dict[str, str]:
        try:
            rows = self._connection.execute("SELECT key, value FROM settings").fetchall()
        except sqlite3.Error as error:
            raise self._unavailable(error) from None
        return {key: value for key, value in rows}

    def load_settings(self) -> Settings:
        return Settings.from_stored(self.settings())
