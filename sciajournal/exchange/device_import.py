"""Importing walks from device files through the journal service, all or nothing.

What is not a walk (a run, a bike ride, a track without times) is left out and listed;
anything unreadable stops the whole import with a message naming the file and problem.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sciajournal.core.entities import Walk
from sciajournal.core.validation import ValidationError
from sciajournal.exchange.devices.apple_health import read_apple_health
from sciajournal.exchange.devices.gpx_file import read_gpx
from sciajournal.exchange.devices.outing import Outing, walk_from
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


def import_device_file(journal: Journal, path: Path) -> DeviceImportResult:
    check_regular(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: not a file SciaJournal can import")
    try:
        outings, left_out = reader(path)
    except ImportFileError:
        raise
    except (ValueError, ArithmeticError) as error:  # ArithmeticError: e.g. a date overflowing
        text = str(error)
        raise ImportFileError(
            text if text.startswith(path.name) else f"{path.name}: {text}"
        ) from None
    walks: dict[str, Walk] = {}  # one per start minute: the same outing twice is one walk
    for outing in outings:
        reason = outing.why_not_a_walk()
        if reason is not None:
            left_out.append(f"{outing.source}: {reason}")
        else:
            walk = walk_from(outing, path.name)
            walks.setdefault(walk.id, walk)
    try:
        added = journal.add_many(list(walks.values()), skip_existing=True)
    except ValidationError as error:
        raise ImportFileError(f"{path.name}: {error}") from None
    return DeviceImportResult(len(added), len(walks) - len(added), left_out)
