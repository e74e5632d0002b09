"""What the window's first screen reads from a journal, and how entries are read back.

Two things read a journal for the window: the Journal itself (SQLAlchemy, the only
writer) and, at start-up, the first-screen reader (first_screen.py, the sqlite3 module
alone), which puts the journal's rows on screen before SQLAlchemy is imported (issue 14).
JournalReading is what both offer the status panel and the journal list; read_entries is
how both turn rows into entries, so a damaged value is reported the same way by each.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from sciajournal.core.collection import Entries
from sciajournal.core.entities import Entry
from sciajournal.core.settings import Settings
from sciajournal.storage.file_checks import damaged
from sciajournal.storage.mapping import KindMapping

# What reading a damaged value raises (UnicodeDecodeError is a ValueError).
DECODE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


class Touched(NamedTuple):
    """An entry a write added, changed or deleted: when it was, and its kind."""

    when: datetime
    kind: type[Any]


class JournalReading(Protocol):
    """Reading a journal: what the status panel and the journal list need of it."""

    #: Bumped by every write: what was read from the journal is valid while it is unchanged.
    revision: int

    @property
    def path(self) -> Path: ...

    def changed_since(self, revision: int) -> list[Touched] | None: ...

    def collection(
        self,
        *,
        kinds: Iterable[type[Any]] = ...,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Entries: ...

    def last_before(self, kind: type[Any], instant: datetime | None = None) -> Entry | None: ...

    def first_entry_time(self) -> datetime | None: ...

    def settings(self) -> dict[str, str]: ...

    def load_settings(self) -> Settings: ...


def read_entries(path: Path, mapping: KindMapping, rows: Iterable[Any]) -> Iterator[Entry]:
    """Entries from query rows; a value that cannot be read means the file is damaged.

    Both steps can meet damage: fetching (converting dates and text, which happens as
    `rows` is iterated) and building the entry (enums, offsets).
    """
    found = iter(rows)
    position = 0
    while True:
        position += 1
        row = None
        try:
            row = next(found)
            yield mapping.from_row(row)
        except StopIteration:
            return
        except DECODE_ERRORS as error:
            table = mapping.table
            where = f"{table} row {position}"
            if row is not None:
                where += f" (id {row.get('id')!r})"
            raise damaged(
                path,
                [f"{where}: {type(error).__name__}: {error}"],
                what=f"entry {position} of the {table} table cannot be read",
            ) from None
