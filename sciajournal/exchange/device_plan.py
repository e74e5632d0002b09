"""Which walks of a device file would come in, and why the others would not.

One classification for the command line's `import --dry-run` table, for `import` itself
and for the window's preview, so all three say the same about the same file:

- new: not in the journal, ticked in the preview, imported by `import`;
- already in your journal: the same walk was imported before (nothing to do);
- you logged a walk then: it overlaps a walk the user logged by hand, which is never
  merged or replaced; left out unless the user ticks it;
- left out: not a walk (recorded as a run or a ride, too fast, shorter than a minute),
  unless the user ticks it;
- cannot be a walk: no journal walk can hold it (more than 720 minutes).

One walk recorded twice (an Apple Health workout and its route GPX, a watch and a phone)
is one walk: recordings whose time spans overlap by at least half of the shorter are the
same walk, whichever file they came from. The longest recording in a file is kept.
"""

import enum
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sciajournal.core.entities import Walk
from sciajournal.core.validation import MAX_WALK_MINUTES, ValidationError, validate_entry
from sciajournal.exchange.devices.outing import Outing, is_imported, walk_from
from sciajournal.exchange.import_source import ImportFileError
from sciajournal.storage.journal import Journal

#: Two recordings are one walk when they overlap by at least this share of the shorter.
SAME_WALK_OVERLAP = 0.5


class Standing(enum.Enum):
    NEW = "new"
    ALREADY = "already in your journal"
    HAND_LOGGED = "you logged a walk then"
    LEFT_OUT = "left out"
    IMPOSSIBLE = "cannot be a walk"


@dataclass(frozen=True)
class DeviceReading:
    """What a device file holds, before the journal is consulted (read in a worker)."""

    file_name: str
    outings: list[Outing]
    notes: list[str]  # what was left out and cannot be taken (a track without times...)


@dataclass(frozen=True)
class FoundWalk:
    walk: Walk
    source: str  # e.g. "GPX track 'Morning walk'"
    standing: Standing
    reason: str = ""  # why it is left out or cannot be a walk

    @property
    def takeable(self) -> bool:
        """Whether ticking it would add it (a walk already in the journal is there)."""
        return self.standing in (Standing.NEW, Standing.HAND_LOGGED, Standing.LEFT_OUT)

    @property
    def ticked_by_default(self) -> bool:
        return self.standing is Standing.NEW

    @property
    def status(self) -> str:
        if self.reason:
            return f"{self.standing.value}: {self.reason}"
        return self.standing.value

    def note(self) -> str:
        """What `import` says when it leaves this one out."""
        if self.standing is Standing.HAND_LOGGED:
            return f"{self.source} of {self.walk.start:%Y-%m-%d %H:%M}: {self.standing.value}"
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class _Span:
    start: datetime
    end: datetime

    @classmethod
    def of_walk(cls, walk: Walk) -> "_Span":
        return cls(walk.start, walk.start + timedelta(minutes=walk.minutes))

    def same_walk_as(self, other: "_Span") -> bool:
        shorter = min(self.end - self.start, other.end - other.start)
        overlap = min(self.end, other.end) - max(self.start, other.start)
        return shorter > timedelta(0) and overlap >= shorter * SAME_WALK_OVERLAP


@dataclass
class DeviceImportPlan:
    """What importing a file would do, before anything is written."""

    file_name: str
    found: list[FoundWalk]  # by start
    notes: list[str]

    def walks(self, standing: Standing) -> list[Walk]:
        return [found.walk for found in self.found if found.standing is standing]

    @property
    def new(self) -> list[Walk]:
        return self.walks(Standing.NEW)

    @property
    def already(self) -> list[Walk]:
        return self.walks(Standing.ALREADY)

    def left_out(self) -> list[str]:
        """What `import` leaves out, named; the same note twice is said once, counted."""
        notes = [f.note() for f in self.found if f.standing not in (Standing.NEW, Standing.ALREADY)]
        counted = Counter(notes + self.notes)
        return [note if n == 1 else f"{note} ({n} of these)" for note, n in counted.items()]

    def table(self) -> str:
        """The walks found, one a line, then what cannot be taken (`import --dry-run`)."""
        rows = [("when", "min", "km", "surface", "pace", "source", "")]
        for found in self.found:
            walk = found.walk
            km = "-" if walk.distance_km is None else f"{walk.distance_km:.2f}"
            source = f"{self.file_name} ({found.source})"
            rows.append(
                (f"{walk.start:%Y-%m-%d %H:%M}", f"{walk.minutes:g}", km, walk.surface.value,
                 walk.pace.value, source, found.status)
            )  # fmt: skip
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        ]
        if len(rows) == 1:
            lines = ["No walks found."]
        lines += [f"Left out: {note}" for note in self.notes]
        return "\n".join(lines)


def _why_not(outing: Outing) -> tuple[Standing, str] | None:
    if outing.moving_minutes > MAX_WALK_MINUTES:
        return Standing.IMPOSSIBLE, (
            f"{outing.moving_minutes:.0f} minutes of walking, more than a walk can be "
            f"({MAX_WALK_MINUTES} at most; a logger left running?)"
        )
    reason = outing.why_not_a_walk()
    return None if reason is None else (Standing.LEFT_OUT, reason)


def _one_of_each(outings: list[Outing]) -> list[tuple[_Span, Outing]]:
    """The outings with a walk recorded twice kept once (its longest recording)."""
    kept: list[tuple[_Span, Outing]] = []
    for outing in sorted(outings, key=lambda o: (-o.moving_minutes, o.start)):
        span = _Span(outing.start, outing.span_end)
        if not any(span.same_walk_as(other) for other, _ in kept):
            kept.append((span, outing))
    return kept


def plan_import(journal: Journal, reading: DeviceReading) -> DeviceImportPlan:
    """Classify what `reading` found against the journal (reads it, writes nothing).

    A walk no recording can have (negative steps, a future date) means a damaged file:
    ImportFileError names it, as the whole file is refused."""
    judged = [(outing, _why_not(outing)) for outing in reading.outings]
    # Walks and what is left out are deduplicated apart: a walk inside a logger's
    # thirteen-hour day is still a walk.
    kept = _one_of_each([o for o, why in judged if why is None]) + _one_of_each(
        [o for o, why in judged if why is not None]
    )
    why_not = {id(outing): why for outing, why in judged}
    present: list[tuple[_Span, Walk]] = []
    if kept:
        first = min(span.start for span, _ in kept) - timedelta(minutes=MAX_WALK_MINUTES)
        last = max(span.end for span, _ in kept)
        present = [
            (_Span.of_walk(walk), walk)
            for walk in journal.entries(kinds=[Walk], start=first, end=last)
            if isinstance(walk, Walk)
        ]
    found = []
    for span, outing in sorted(kept, key=lambda kept_one: kept_one[0].start):
        walk = walk_from(outing, reading.file_name)
        same = [other for other_span, other in present if span.same_walk_as(other_span)]
        standing, reason = why_not[id(outing)] or (Standing.NEW, "")
        if same and all(is_imported(other) for other in same):
            standing, reason = Standing.ALREADY, ""
        elif same and standing is Standing.NEW:
            standing = Standing.HAND_LOGGED
        elif same:  # a run during a walk logged by hand: say both
            reason += f"; {Standing.HAND_LOGGED.value}"
        if standing is not Standing.IMPOSSIBLE:
            try:
                validate_entry(walk)
            except ValidationError as error:
                if standing is not Standing.LEFT_OUT:
                    raise ImportFileError(f"{reading.file_name}: {error}") from None
                standing, reason = Standing.IMPOSSIBLE, str(error)
        found.append(FoundWalk(walk, outing.source, standing, reason))
    return DeviceImportPlan(reading.file_name, found, list(reading.notes))
