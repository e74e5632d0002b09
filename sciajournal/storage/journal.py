"""The journal service: the one API through which the GUI, the CLI and importers change entries.

Every write validates first and runs in one transaction, so a rejected entry or
batch leaves the file as it was.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, insert, select
from sqlalchemy import delete as sa_delete
from sqlalchemy import update as sa_update

from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
    ENTRY_TYPES,
    Entry,
    FunctionActivity,
    MedicationDose,
    PainRating,
    Walk,
    canonical_id,
)
from sciajournal.core.enums import WALK_CONTEXTS, WALK_FORM_CONTEXTS, PainContext
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import join_instant, split_instant
from sciajournal.core.validation import Problem, ValidationError, validate_entry
from sciajournal.storage.activity_links import check_no_scores_left, check_scored_activities
from sciajournal.storage.database import Database, open_checked, open_database
from sciajournal.storage.errors import EntryNotFound
from sciajournal.storage.lock_holder import Holder
from sciajournal.storage.mapping import MAPPINGS, KindMapping, mapping_for
from sciajournal.storage.models import settings as settings_table
from sciajournal.storage.models import table_of
from sciajournal.storage.reading import Touched, read_entries
from sciajournal.storage.writable_file import CheckedJournal

__all__ = ["Journal", "Touched"]
# SQLite allows a limited number of bound parameters per statement.
_CHUNK = 500
# How many writes the change log remembers (a window that fell further behind reloads all).
_LOG_LENGTH = 200


def _touched(entry: Entry) -> Touched:
    return Touched(entry.when, type(entry))


class Journal:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._engine = database.engine
        #: Bumped by every write (entries or settings): what was read and worked out from
        #: the journal stays valid while it is unchanged (the service's analysis cache).
        self.revision = 0
        # (revision, the entries that write touched; None: more than entries)
        self._log: list[tuple[int, tuple[Touched, ...] | None]] = []

    def _wrote(self, touched: Iterable[Touched] | None) -> None:
        self.revision += 1
        self._log.append((self.revision, None if touched is None else tuple(touched)))
        del self._log[:-_LOG_LENGTH]

    def changed_since(self, revision: int) -> list[Touched] | None:
        """The time and kind of each entry written after `revision` (added, updated or
        deleted), so a view can re-read only around them; None when settings changed too,
        or the log does not reach back that far: then everything may have changed."""
        if revision == self.revision:
            return []
        if revision > self.revision or not self._log or self._log[0][0] > revision + 1:
            return None
        found: list[Touched] = []
        for done, touched in self._log:
            if done > revision:
                if touched is None:
                    return None
                found.extend(touched)
        return found

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create_folder: bool = False,
        daily_backup: bool = False,
        read_only: bool = False,
        holder: Holder | None = None,
    ) -> "Journal":
        """Open for reading and writing, or `read_only` (no lock, no backup: beside a writer)."""
        return cls(
            open_database(
                path,
                create_folder=create_folder,
                daily_backup=daily_backup,
                read_only=read_only,
                holder=holder,
            )
        )

    @classmethod
    def open_checked(cls, checked: CheckedJournal) -> "Journal":
        """Open a journal that passed writable_file.check_for_writing, its lock held (the
        window checks and locks it before SQLAlchemy is imported): migrated when due."""
        return cls(open_checked(checked))

    @property
    def path(self) -> Path:
        return self._database.path

    @property
    def warnings(self) -> list[str]:
        """What the user should be told once about opening (not fatal), e.g. a failed backup."""
        return self._database.warnings

    def _read(self, mapping: KindMapping, result: Iterable[Any]) -> Iterator[Entry]:
        """Entries from query rows (SQLAlchemy converts dates and text as they are
        fetched); a value that cannot be read means the file is damaged."""
        return read_entries(self.path, mapping, result)

    def close(self) -> None:
        self._database.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------

    def add(self, entry: Entry) -> Entry:
        self.add_many([entry])
        return entry

    def add_many(self, entries: Sequence[Entry], *, skip_existing: bool = False) -> list[Entry]:
        """Validate all, then write all in one transaction; returns what was added.

        With `skip_existing`, entries whose id is already in the journal are left out
        (importing the same file twice adds nothing); otherwise a duplicate id is an error.
        """
        for index, entry in enumerate(entries):
            try:
                validate_entry(entry)
            except ValidationError as error:
                raise error.located(_describe(entry, index, len(entries))) from None
        with self._engine.begin() as connection:
            present = _existing_ids(connection, [entry.id for entry in entries])
            if present and not skip_existing:
                raise ValidationError(
                    [Problem("id", f"{sorted(present)[0]} is already in the journal")]
                )
            new = [entry for entry in entries if entry.id not in present]
            _check_walk_links(connection, new)
            for kind, mapping in MAPPINGS.items():
                rows = [mapping.to_row(entry) for entry in new if type(entry) is kind]
                if rows:
                    connection.execute(insert(table_of(mapping)), rows)
            check_scored_activities(connection, new)
        self._wrote(map(_touched, new))
        return new

    def change(
        self,
        *,
        add: Sequence[Entry] = (),
        update: Sequence[Entry] = (),
        delete: Sequence[str] = (),
    ) -> None:
        """Add, replace and delete entries in one transaction: all happen or none.

        Used for edits that touch several entries at once (a walk with its ratings)
        and by the window's undo and redo.
        """
        for index, entry in enumerate([*add, *update]):
            try:
                validate_entry(entry)
            except ValidationError as error:
                raise error.located(_describe(entry, index, len(add) + len(update))) from None
        written = [_touched(entry) for entry in [*add, *update]]
        with self._engine.begin() as connection:
            deleted_activities = self._activities(connection, [canonical_id(i) for i in delete])
            written += _cascaded_ratings(connection, [canonical_id(i) for i in delete])
            for entry_id in map(canonical_id, delete):
                removed = 0
                for mapping in MAPPINGS.values():
                    table, field = table_of(mapping), mapping.time_field
                    gone = connection.execute(
                        sa_delete(table)
                        .where(table.c.id == entry_id)
                        .returning(table.c[f"{field}_utc"], table.c[f"{field}_offset"])
                    ).all()
                    removed += len(gone)
                    written += [Touched(join_instant(u, o), mapping.entity) for u, o in gone]
                if removed == 0:
                    raise EntryNotFound(f"No entry with id {entry_id} to delete.")
            present = _existing_ids(connection, [entry.id for entry in add])
            if present:
                raise ValidationError(
                    [Problem("id", f"{sorted(present)[0]} is already in the journal")]
                )
            _check_walk_links(connection, [*add, *update])
            for kind, mapping in MAPPINGS.items():
                rows = [mapping.to_row(entry) for entry in add if type(entry) is kind]
                if rows:
                    connection.execute(insert(table_of(mapping)), rows)
            for entry in update:
                mapping = mapping_for(entry)
                table = table_of(mapping)
                result = connection.execute(
                    sa_update(table).where(table.c.id == entry.id).values(mapping.to_row(entry))
                )
                if result.rowcount != 1:
                    raise EntryNotFound(f"No {type(entry).__name__} with id {entry.id} to update.")
            check_scored_activities(connection, [*add, *update])
            check_no_scores_left(connection, deleted_activities)
        self._wrote(written)

    def _activities(self, connection: Connection, ids: list[str]) -> list[Entry]:
        mapping = MAPPINGS[FunctionActivity]
        table = table_of(mapping)
        found: list[Entry] = []
        for first in range(0, len(ids), _CHUNK):
            chunk = ids[first : first + _CHUNK]
            query = select(table).where(table.c.id.in_(chunk))
            found += self._read(mapping, connection.execute(query).mappings())
        return found

    def update(self, entry: Entry) -> Entry:
        """Replace the stored entry with the same id (and kind) by `entry`."""
        validate_entry(entry)
        mapping = mapping_for(entry)
        table = table_of(mapping)
        with self._engine.begin() as connection:
            _check_walk_links(connection, [entry])
            result = connection.execute(
                sa_update(table).where(table.c.id == entry.id).values(mapping.to_row(entry))
            )
            if result.rowcount != 1:
                raise EntryNotFound(f"No {type(entry).__name__} with id {entry.id} to update.")
            check_scored_activities(connection, [entry])
        self._wrote([_touched(entry)])
        return entry

    def delete(self, entry_id: str) -> list[Entry]:
        """Delete an entry and return everything deleted. A walk takes the ratings its own
        form saved (before, end) with it; a rating logged on its own and linked to it
        (follow-up, next morning) is kept as a rating of its own (`detached_from_walk`):
        the patient told us that pain, whatever became of the walk."""
        entry_id = canonical_id(entry_id)
        entry = self.get(entry_id)
        if entry is None:
            raise EntryNotFound(f"No entry with id {entry_id} to delete.")
        linked = self.ratings_of_walk(entry_id) if isinstance(entry, Walk) else []
        own = [r for r in linked if r.context in WALK_FORM_CONTEXTS]
        kept = [detached_from_walk(r) for r in linked if r.context not in WALK_FORM_CONTEXTS]
        # One transaction: the cascade takes every linked rating, the kept ones come back.
        self.change(add=kept, delete=[entry_id])
        return [entry, *own]

    def ratings_of_walk(self, walk_id: str) -> list[PainRating]:
        """The ratings linked to a walk, oldest first."""
        ratings = MAPPINGS[PainRating]
        table = table_of(ratings)
        query = select(table).where(table.c.walk_id == canonical_id(walk_id))
        with self._engine.connect() as connection:
            found = [
                r
                for r in self._read(ratings, connection.execute(query).mappings())
                if isinstance(r, PainRating)
            ]
        return sorted(found, key=lambda r: (r.at, r.id))

    # -- reading --------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        entry_id = canonical_id(entry_id)
        with self._engine.connect() as connection:
            for mapping in MAPPINGS.values():
                table = table_of(mapping)
                query = select(table).where(table.c.id == entry_id).limit(1)
                found = next(self._read(mapping, connection.execute(query).mappings()), None)
                if found is not None:
                    return found
        return None

    def entries(
        self,
        *,
        kinds: Iterable[type[Any]] = ENTRY_TYPES,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Entry]:
        """Entries of the given kinds with start <= time < end, in time order."""
        found = self.collection(kinds=kinds, start=start, end=end)
        return sorted(found, key=lambda e: (e.when, e.id))

    def collection(
        self,
        *,
        kinds: Iterable[type[Any]] = ENTRY_TYPES,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Entries:
        """Entries grouped by kind (bulk queries, one per kind), in time order."""
        grouped = Entries()
        with self._engine.connect() as connection:
            for kind in kinds:
                mapping = MAPPINGS[kind]
                table = table_of(mapping)
                column = table.c[mapping.time_column]
                query = select(table).order_by(column, table.c.id)
                if start is not None:
                    query = query.where(column >= split_instant(start)[0])
                if end is not None:
                    query = query.where(column < split_instant(end)[0])
                rows = connection.execute(query).mappings()
                grouped.list_for(kind).extend(self._read(mapping, rows))
        return grouped

    def last_before(self, kind: type[Any], instant: datetime | None = None) -> Entry | None:
        """The latest entry of `kind` made before `instant` (None: the latest of all)."""
        mapping = MAPPINGS[kind]
        table = table_of(mapping)
        column = table.c[mapping.time_column]
        query = select(table).order_by(column.desc(), table.c.id.desc())
        if instant is not None:
            query = query.where(column < split_instant(instant)[0])
        query = query.limit(1)
        with self._engine.connect() as connection:
            return next(self._read(mapping, connection.execute(query).mappings()), None)

    def first_entry_time(self) -> datetime | None:
        """When the earliest entry was made (any kind), or None for an empty journal."""
        earliest: list[datetime] = []
        with self._engine.connect() as connection:
            for mapping in MAPPINGS.values():
                table = table_of(mapping)
                column = table.c[mapping.time_column]
                query = select(table).order_by(column, table.c.id).limit(1)
                first = next(self._read(mapping, connection.execute(query).mappings()), None)
                if first is not None:
                    earliest.append(first.when)
        return min(earliest, default=None)

    def count(self) -> int:
        return len(self.collection())

    def is_empty(self) -> bool:
        with self._engine.connect() as connection:
            return all(
                connection.execute(select(table_of(mapping).c.id).limit(1)).first() is None
                for mapping in MAPPINGS.values()
            )

    def recent_medications(self, limit: int = 20) -> list[MedicationDose]:
        """The latest dose of each medication name, most recently taken first."""
        table = table_of(MAPPINGS[MedicationDose])
        query = select(table).order_by(table.c.at_utc.desc()).limit(500)
        latest: dict[str, MedicationDose] = {}
        with self._engine.connect() as connection:
            for dose in self._read(MAPPINGS[MedicationDose], connection.execute(query).mappings()):
                assert isinstance(dose, MedicationDose)
                latest.setdefault(dose.name.strip().casefold(), dose)
        return list(latest.values())[:limit]

    # -- settings -------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        with self._engine.connect() as connection:
            return {row.key: row.value for row in connection.execute(select(settings_table))}

    def load_settings(self) -> Settings:
        return Settings.from_stored(self.settings())

    def save_settings(self, settings: Settings) -> None:
        self.set_settings(settings.to_stored())

    def set_settings(self, values: dict[str, str]) -> None:
        table = settings_table
        with self._engine.begin() as connection:
            for key, value in values.items():
                connection.execute(sa_delete(table).where(table.c.key == key))
                connection.execute(insert(table).values(key=key, value=value))
        self._wrote(None)  # settings change how everything reads


def detached_from_walk(rating: PainRating) -> PainRating:
    """A rating no longer linked to its (deleted) walk: a follow-up becomes a standalone
    rating, a next-morning rating stays a morning rating."""
    context = PainContext.STANDALONE if rating.context in WALK_CONTEXTS else rating.context
    return replace(rating, walk_id=None, context=context)


def _cascaded_ratings(connection: Connection, walk_ids: list[str]) -> list[Touched]:
    """The ratings deleting these walks takes along (ON DELETE CASCADE): written too."""
    table = table_of(MAPPINGS[PainRating])
    found: list[Touched] = []
    for first in range(0, len(walk_ids), _CHUNK):
        query = select(table.c.at_utc, table.c.at_offset).where(
            table.c.walk_id.in_(walk_ids[first : first + _CHUNK])
        )
        found += [Touched(join_instant(u, o), PainRating) for u, o in connection.execute(query)]
    return found


def _describe(entry: Entry, index: int, total: int) -> str:
    kind = type(entry).__name__
    return f"{kind} {entry.id}" if total == 1 else f"entry {index + 1} ({kind} {entry.id})"


def _existing_ids(connection: Connection, ids: list[str]) -> set[str]:
    present: set[str] = set()
    for mapping in MAPPINGS.values():
        table = table_of(mapping)
        for first in range(0, len(ids), _CHUNK):
            chunk = ids[first : first + _CHUNK]
            query = select(table.c.id).where(table.c.id.in_(chunk))
            present.update(connection.execute(query).scalars())
    return present


def _check_walk_links(connection: Connection, entries: Sequence[Entry]) -> None:
    """A rating that names a walk must name one in the journal or in the same batch."""
    batch_walks = {entry.id for entry in entries if isinstance(entry, Walk)}
    wanted = {
        entry.walk_id
        for entry in entries
        if isinstance(entry, PainRating) and entry.walk_id is not None
    } - batch_walks
    if not wanted:
        return
    walks = table_of(MAPPINGS[Walk])
    found: set[str] = set()
    listed = sorted(wanted)
    for first in range(0, len(listed), _CHUNK):
        query = select(walks.c.id).where(walks.c.id.in_(listed[first : first + _CHUNK]))
        found.update(connection.execute(query).scalars())
    missing = sorted(wanted - found)
    if missing:
        raise ValidationError([Problem("walk_id", f"no walk with id {missing[0]} in the journal")])
