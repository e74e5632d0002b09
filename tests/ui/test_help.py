"""Help > Guide (F1): opened by its key, built from the real menus, settings and paths."""

import dataclasses
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from sciajournal.core.settings import Settings
from sciajournal.storage.backups import backup_folder
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=MACHINE_OFFSET)

#: Every guide a physiotherapist might change, away from its default.
CHANGED = dataclasses.replace(
    Settings(),
    follow_up_hours=3.5,
    pain_change_points=3,
    pain_lasted_hours=4.0,
    baseline_window_hours=1.5,
    weekly_increase_percent=15.0,
    two_week_increase_percent=40.0,
    amber_from=3,
    red_from=7,
)


@pytest.fixture
def window(qtbot, journal):
    journal.save_settings(CHANGED)
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def open_guide(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    qtbot.wait(200)  # the event loop keeps running after the action returned
    assert window.help_dialog.isVisible()
    return window.help_dialog.text()


def test_f1_opens_the_guide_with_every_menu_shortcut(qtbot, window):
    text = open_guide(qtbot, window)
    listed = 0
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.shortcut().isEmpty():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            command = action.text().replace("&", "").rstrip("…")
            assert f"{keys}\n{top.text().replace('&', '')} > {command}" in text
            listed += 1
    assert listed >= 8  # the six Log commands, print, quit...
    assert "F1\nHelp > SciaJournal guide" in text
    # The guide scrolls with Page Down at once: its text has the focus, not Close.
    qtbot.waitUntil(window.help_dialog.browser.hasFocus)


def test_the_guide_uses_the_users_settings_not_the_defaults(qtbot, window):
    text = open_guide(qtbot, window)
    for said in (
        "3.5 hours after a walk ends",
        "still 3 points or more above",
        "pain lasted 4 hours or more",
        "up to 1.5 hours before it",
        "green 0-2, amber 3-6, red 7-10",
        "no more than 15 % a week",
        "above 40 % over two weeks",
        "last week + 15 %",
    ):
        assert said in text
    for default in ("2 points", "10 %", "30 %", "green 0-3"):
        assert default not in text


def test_the_guide_names_the_real_journal_and_backups_folder(qtbot, window, journal_path):
    text = open_guide(qtbot, window)
    assert str(journal_path) in text
    assert str(backup_folder(journal_path)) in text


def test_the_guide_follows_settings_changed_while_the_app_runs(qtbot, window, journal):
    first = window.help_dialog if open_guide(qtbot, window) else None
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not first.isVisible()
    journal.save_settings(dataclasses.replace(CHANGED, weekly_increase_percent=12.0))
    window.refresh()
    text = open_guide(qtbot, window)
    assert "no more than 12 % a week" in text


def test_the_guide_lists_undo_as_undo_after_a_change(qtbot, window):
    """The reviewer's guide read "Ctrl+Z Edit > Undo Edit walk": the Undo action's text
    names the last change, the guide names the command."""
    from PySide6.QtGui import QUndoCommand

    window.undo_stack.push(QUndoCommand("Edit walk"))  # as after any edit
    assert "Edit walk" in window.undo_action.text()
    text = open_guide(qtbot, window)
    undo_keys = window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert f"{undo_keys}\nEdit > Undo\n" in text
    assert "Undo Edit walk" not in text
