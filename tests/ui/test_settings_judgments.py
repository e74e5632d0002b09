"""The clinician-changeable judgment settings are edited in File > Settings like the others."""

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.ui.main_window import MainWindow
from tests.ui.menu_driving import click, menu_action

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=timezone(timedelta(hours=1)))


def test_painkiller_window_and_restart_share_are_saved(qtbot, journal):
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu_action(window, "File", "Settings").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
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
