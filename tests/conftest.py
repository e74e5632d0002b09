"""Shared fixtures: a real journal file in tmp_path, and Qt without a display."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: widgets are real, the screen is not.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sciajournal.storage.journal import Journal


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    opened = Journal.open(journal_path)
    yield opened
    opened.close()
