"""Where the journal lives: --db, then $SCIAJOURNAL_DB, then the platform's user data dir."""

import os
from pathlib import Path

APP_NAME = "SciaJournal"
JOURNAL_FILE = "journal.sqlite"
ENV_VARIABLE = "SCIAJOURNAL_DB"


def default_journal_path() -> Path:
    import platformdirs  # only here: with --db or $SCIAJOURNAL_DB, start-up is spared it

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / JOURNAL_FILE


def resolve_journal_path(cli_path: str | None) -> tuple[Path, bool]:
    """Return (path, is_default). Only the default location has its folder created for it."""
    if cli_path:
        return Path(cli_path).expanduser(), False
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return Path(from_env).expanduser(), False
    return default_journal_path(), True
