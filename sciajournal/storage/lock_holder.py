"""Who holds a journal's writer lock, so a refused command can say where to close it.

The OS file lock only says "taken". The holder writes a one-word note beside the
journal ("window", "tray" while it runs hidden with reminders, "command" for a writing
verb of the command line); a process refused the lock reads it. The note never decides
anything about locking: whoever takes the lock removes a note left by a holder that crashed.
"""

import contextlib
import os
from enum import StrEnum
from pathlib import Path

SUFFIX = ".holder"


class Holder(StrEnum):
    WINDOW = "window"
    TRAY = "tray"
    COMMAND = "command"  # a `sciajournal` verb that writes (import, demo, backup, restore)


def holder_path(journal: Path) -> Path:
    return journal.with_name(journal.name + SUFFIX)


def record_holder(journal: Path, holder: Holder) -> None:
    """Atomically (temp file, fsync, rename), owner-only, and never fatal: it is only a hint."""
    target = holder_path(journal)
    temporary = target.with_name(target.name + ".tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(holder.value)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)


def read_holder(journal: Path) -> Holder | None:
    try:
        return Holder(holder_path(journal).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def clear_holder(journal: Path) -> None:
    with contextlib.suppress(OSError):
        holder_path(journal).unlink(missing_ok=True)


def locked_message(journal: Path) -> str:
    """What a second SciaJournal is told when the lock is taken."""
    match read_holder(journal):
        case Holder.TRAY:
            return (
                f"Journal {journal} is in use: SciaJournal is running in the tray. "
                "Quit it from the tray icon's menu first."
            )
        case Holder.WINDOW:
            return f"Journal {journal} is open in a SciaJournal window; close it there first."
        case Holder.COMMAND:
            return (
                f"Journal {journal} is in use by another sciajournal command "
                "(an import, backup or restore); try again when it has finished."
            )
        case _:
            return (
                f"Journal {journal} is already open in another SciaJournal window or command; "
                "close it there first."
            )
