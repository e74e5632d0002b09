"""The clinician-changeable judgment settings are edited in File > Settings like the others."""

import dataclasses
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import click, menu_action

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=MACHINE_OFFSET)


def open_settings(qtbot, journal):
    """File > Settings from the menu, as a user opens it; the dialog once it is shown."""
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu_action(window, "File", "Settings").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def test_painkiller_window_and_restart_share_are_saved(qtbot, journal):
    dialog = open_settings(qtbot, journal)
    qtbot.wait(2000)
    for box, typed in ((dialog.painkiller_window, "6"), (dialog.restart, "40")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    click(qtbot, dialog, "Save")
    qtbot.wait(2000)
    saved = journal.load_settings()
    assert (saved.painkiller_window_hours, saved.restart_percent) == (6, 40)
    assert QApplication.activeModalWidget() is None


def test_saving_settings_unchanged_keeps_values_the_boxes_round(qtbot, journal):
    # 1.25 h shows as "1.3 h"; Save without touching it must keep 1.25, not the rounding.
    exact = dataclasses.replace(
        journal.load_settings(), pain_lasted_hours=1.25, follow_up_hours=2.75, restart_percent=33.3
    )
    journal.save_settings(exact)
    dialog = open_settings(qtbot, journal)
    qtbot.wait(500)
    click(qtbot, dialog, "Save")
    qtbot.wait(1000)
    assert journal.load_settings() == exact
