"""Errors a user can act on. Their text is shown as is: one line, no traceback.

Besides the text, an error carries what a window needs to act on it without cutting
the text apart: the problem alone, the backup to suggest, the log holding the detail.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class RestoreHint:
    """The newest backup that passed an integrity check, to suggest restoring."""

    journal: Path
    backup: Path
    taken: datetime

    def text(self) -> str:
        return (
            f" The newest good backup is from {self.taken:%Y-%m-%d %H:%M}: "
            f"restore it with: sciajournal --db {self.journal} restore {self.backup}"
        )


class JournalError(Exception):
    """The journal file cannot be used; the message says why and what to do."""

    def __init__(
        self, problem: str, *, hint: RestoreHint | None = None, log: Path | None = None
    ) -> None:
        super().__init__(problem)
        self.problem = problem  # one sentence, without the restore command
        self.hint = hint
        self.log = log  # where the detail (integrity check output) was written

    def __str__(self) -> str:
        return self.problem + (self.hint.text() if self.hint is not None else "")


class JournalUnavailable(JournalError):
    """The path cannot be read or written (missing folder, permissions, a folder not a file)."""


class NotAJournal(JournalError):
    """The file exists but is not a SciaJournal journal (or is damaged)."""


class NewerJournal(JournalError):
    """The file was written by a newer version of SciaJournal."""


class JournalLocked(JournalError):
    """Another SciaJournal process has the journal open for writing."""


class JournalNeedsUpgrade(JournalError):
    """A read-only command met a journal of an older schema; a writing open upgrades it."""


class JournalDamaged(NotAJournal):
    """An entry could not be read back: the file is damaged in a way the quick check missed."""


class EntryNotFound(JournalError):
    """No entry with the given id."""


class EntryInUse(JournalError):
    """The entry cannot be deleted while others refer to it (an activity its ratings score)."""


class OutputIsProtected(JournalError):
    """An output file would overwrite the journal, one of its side files or a backup."""


def describe_sqlite_error(error: Exception) -> str:
    """The kind of a storage failure in a few words: never the SQL, never a stored value."""
    text = str(error).lower()
    for clue, meaning in (
        ("full", "the disk is full"),
        ("readonly", "the disk or file is read-only"),
        ("read-only", "the disk or file is read-only"),
        ("malformed", "the file is damaged"),
        ("not a database", "the file is damaged or not a journal"),
        ("corrupt", "the file is damaged"),
        ("locked", "the journal is busy in another program"),
        ("busy", "the journal is busy in another program"),
        ("unable to open", "the file cannot be opened"),
        ("disk i/o", "the disk reported an input/output error (is it full?)"),
        ("permission", "no permission"),
    ):
        if clue in text:
            return meaning
    return "a storage error"
