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


@pytest.fixture(autouse=True)
def private_qt_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Window geometry and the like go to a temporary folder, never the user's config."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("SciaJournalTests")
    QCoreApplication.setApplicationName("SciaJournalTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
