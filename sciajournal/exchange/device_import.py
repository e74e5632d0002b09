"""Importing walks from device files through the journal service, all or nothing.

What is not a walk (a run, a bike ride, a track without times, an outing beyond what a
walk can be) is left out and listed, and the good walks of the file still come in;
only a file that cannot be read stops the whole import, with a message naming it.

One walk recorded twice (an Apple Health workout and its route GPX, a watch and a phone)
is one walk: imported walks whose time spans overlap by at least half of the shorter are
the same walk, whichever file they came from and whether or not the other is already in
the journal. A walk the user logged by hand is never merged or replaced: an imported walk
overlapping it is left out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sciajournal.core.entities import Walk
from sciajournal.core.validation import MAX_WALK_MINUTES, ValidationError
from sciajournal.exchange.devices.apple_health import read_apple_health
from sciajournal.exchange.devices.gpx_file import read_gpx
from sciajournal.exchange.devices.outing import Outing, is_imported, walk_from
from sciajournal.exchange.devices.tcx_file import read_tcx
from sciajournal.exchange.import_source import ImportFileError, check_regular
from sciajournal.storage.journal import Journal

READERS: dict[str, Callable[[Path], tuple[list[Outing], list[str]]]] = {
    ".gpx": read_gpx,
    ".tcx": read_tcx,
    ".xml": read_apple_health,
    ".zip": read_apple_health,
}
DEVICE_SUFFIXES = tuple(READERS)
#: Two recordings are one walk when they overlap by at least this share of the shorter.
SAME_WALK_OVERLAP = 0.5


@dataclass
class DeviceImportResult:
    added: int
    skipped: int  # already in the journal
    left_out: list[str] = field(default_factory=list)

    def summary(self) -> str:
        walks = "walk" if self.added == 1 else "walks"
        text = f"Imported {self.added} {walks} ({self.skipped} already in the journal)"
        if self.left_out:
            text += "; left out: " + "; ".join(self.left_out)
        return text


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


def _read(path: Path) -> tuple[list[Outing], list[str]]:
    check_regular(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: not a file SciaJournal can import")
    try:
        return reader(path)
    except ImportFileError:
        raise
    except (ValueError, ArithmeticError) as error:  # ArithmeticError: e.g. a date overflowing
        text = str(error)
        raise ImportFileError(
            text if text.startswith(path.name) else f"{path.name}: {text}"
        ) from None


def _why_not(outing: Outing) -> str | None:
    """A real recording that is not a walk. (Values no recording can have, such as
    negative steps, mean a damaged file: add_many refuses the whole file for them.)"""
    if outing.moving_minutes > MAX_WALK_MINUTES:
        return (
            f"{outing.moving_minutes:.0f} minutes of walking, more than a walk can be "
            f"({MAX_WALK_MINUTES} at most; a logger left running?)"
        )
    return outing.why_not_a_walk()


@dataclass
class DeviceImportPlan:
    """What importing a file would do, before anything is written."""

    new: list[Walk]
    already: list[Walk]  # the same walk is in the journal
    left_out: list[str]

    def table(self) -> str:
        """The walks found, one a line, then what is left out (for `import --dry-run`)."""
        rows = [("when", "min", "km", "surface", "pace", "source", "")]
        for walk, status in sorted(
            [(w, "new") for w in self.new] + [(w, "already in the journal") for w in self.already],
            key=lambda row: row[0].start,
        ):
            km = "-" if walk.distance_km is None else f"{walk.distance_km:.2f}"
            source = walk.notes.removeprefix("Imported from ")
            rows.append(
                (f"{walk.start:%Y-%m-%d %H:%M}", f"{walk.minutes:g}", km, walk.surface.value,
                 walk.pace.value, source, status)
            )  # fmt: skip
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        ]
        if len(rows) == 1:
            lines = ["No walks found."]
        lines += [f"Left out: {note}" for note in self.left_out]
        return "\n".join(lines)


def plan_device_import(journal: Journal, path: Path) -> DeviceImportPlan:
    outings, left_out = _read(path)
    # The longest recording of a walk recorded twice is kept (it holds the whole walk).
    outings.sort(key=lambda outing: (-outing.moving_minutes, outing.start))
    found: list[tuple[_Span, Walk, Outing]] = []
    for outing in outings:
        walk = walk_from(outing, path.name)
        reason = _why_not(outing)
        if reason is not None:
            left_out.append(f"{outing.source}: {reason}")
            continue
        span = _Span(outing.start, outing.span_end)
        if not any(span.same_walk_as(other) for other, _, _ in found):
            found.append((span, walk, outing))
    plan = DeviceImportPlan([], [], left_out)
    if not found:
        return plan
    first = min(span.start for span, _, _ in found) - timedelta(minutes=MAX_WALK_MINUTES)
    last = max(span.end for span, _, _ in found)
    present = [
        (_Span.of_walk(walk), walk)
        for walk in journal.entries(kinds=[Walk], start=first, end=last)
        if isinstance(walk, Walk)
    ]
    for span, walk, outing in sorted(found, key=lambda found_walk: found_walk[0].start):
        same = [other for other_span, other in present if span.same_walk_as(other_span)]
        if any(not is_imported(other) for other in same):
            when = walk.start.strftime("%Y-%m-%d %H:%M")
            left_out.append(f"{outing.source} of {when}: you logged a walk then")
        elif same:
            plan.already.append(walk)
        else:
            plan.new.append(walk)
    return plan


def import_device_file(journal: Journal, path: Path) -> DeviceImportResult:
    plan = plan_device_import(journal, path)
    try:
        added = journal.add_many(plan.new, skip_existing=True)
    except ValidationError as error:
        raise ImportFileError(f"{path.name}: {error}") from None
    skipped = len(plan.already) + len(plan.new) - len(added)
    return DeviceImportResult(len(added), skipped, plan.left_out)
