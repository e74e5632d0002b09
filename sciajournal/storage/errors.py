"""Errors a user can act on. Their text is shown as is: one line, no traceback."""


class JournalError(Exception):
    """The journal file cannot be used; the message says why and what to do."""


class JournalUnavailable(JournalError):
    """The path cannot be read or written (missing folder, permissions, a folder not a file)."""


class NotAJournal(JournalError):
    """The file exists but is not a SciaJournal journal (or is damaged)."""


class NewerJournal(JournalError):
    """The file was written by a newer version of SciaJournal."""


class JournalLocked(JournalError):
    """Another SciaJournal process has the journal open for writing."""


class EntryNotFound(JournalError):
    """No entry with the given id."""
