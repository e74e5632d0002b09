"""Importing walks from device files through the journal service, all or nothing.

Reading (`read_device_file`) touches only the file, so the window runs it in a worker
thread with progress and Cancel; what the walks are against the journal is decided by
device_plan, the same for `import`, `import --dry-run` and the window's preview. What is
not a walk is left out and listed, and the good walks of the file still come in; only a
file that cannot be read stops the whole import, with a message naming it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sciajournal.core.entities import Walk
from sciajournal.core.validation import ValidationError
from sciajournal.exchange.device_plan import DeviceImportPlan, DeviceReading, plan_import
from sciajournal.exchange.devices.apple_health import read_apple_health
from sciajournal.exchange.devices.gpx_file import read_gpx
from sciajournal.exchange.devices.outing import Outing
from sciajournal.exchange.devices.tcx_file import read_tcx
from sciajournal.exchange.import_source import (
    ImportFileError,
    Progress,
    check_regular,
    no_progress,
)
from sciajournal.storage.journal import Journal

READERS: dict[str, Callable[[Path, Progress], tuple[list[Outing], list[str]]]] = {
    ".gpx": read_gpx,
    ".tcx": read_tcx,
    ".xml": read_apple_health,
    ".zip": read_apple_health,
}
DEVICE_SUFFIXES = tuple(READERS)
#: The import's message names at most this many left-out things (dry-run lists them all).
MAX_NOTES_TOLD = 10


@dataclass
class DeviceImportResult:
    added: int
    skipped: int  # already in the journal
    left_out: list[str] = field(default_factory=list)

    def summary(self) -> str:
        walks = "walk" if self.added == 1 else "walks"
        text = f"Imported {self.added} {walks} ({self.skipped} already in the journal)"
        if self.left_out:
            told = self.left_out[:MAX_NOTES_TOLD]
            more = len(self.left_out) - len(told)
            text += "; left out: " + "; ".join(told)
            if more:
                text += f"; and {more} more (import --dry-run lists them)"
        return text


def read_device_file(path: Path, progress: Progress = no_progress) -> DeviceReading:
    """The outings in a device file; touches no journal, so it may run in a worker.
    `progress` is told the bytes read and may raise ImportCancelled to stop."""
    check_regular(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFileError(f"{path.name}: not a file SciaJournal can import")
    try:
        outings, notes = reader(path, progress)
    except ImportFileError:
        raise
    except (ValueError, ArithmeticError) as error:  # ArithmeticError: e.g. a date overflowing
        text = str(error)
        raise ImportFileError(
            text if text.startswith(path.name) else f"{path.name}: {text}"
        ) from None
    return DeviceReading(path.name, outings, notes)


def plan_device_import(journal: Journal, path: Path) -> DeviceImportPlan:
    return plan_import(journal, read_device_file(path))


def add_chosen_walks(journal: Journal, file_name: str, walks: Sequence[Walk]) -> list[Walk]:
    """Write the chosen walks in one transaction (all or none); returns those added (a
    walk whose id is already there is not added twice)."""
    try:
        return [e for e in journal.add_many(walks, skip_existing=True) if isinstance(e, Walk)]
    except ValidationError as error:
        raise ImportFileError(f"{file_name}: {error}") from None


def import_device_file(journal: Journal, path: Path) -> DeviceImportResult:
    """Import the walks the preview would tick: the new ones."""
    plan = plan_device_import(journal, path)
    added = len(add_chosen_walks(journal, path.name, plan.new))
    skipped = len(plan.already) + len(plan.new) - added
    return DeviceImportResult(added, skipped, plan.left_out())
