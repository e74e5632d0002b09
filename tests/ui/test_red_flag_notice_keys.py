"""The red-flag notice cannot be dismissed by the keys of a quick entry, only deliberately."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.ui.dialogs.red_flag_notice import RedFlagNotice
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import menu_action

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def notice(qtbot, journal):
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu_action(window, "Log", "Red-flag check").trigger()
    form = window.active_form
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Space)  # tick the first sign
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)  # and save: Enter
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedFlagNotice))
    shown = QApplication.activeModalWidget()
    qtbot.wait(500)
    return shown


def test_the_button_has_no_focus_and_quick_keys_do_nothing(qtbot, notice):
    assert QApplication.focusWidget() is not notice.acknowledge
    assert QApplication.focusWidget() is notice.body
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
        qtbot.keyClick(QApplication.focusWidget(), key)
        qtbot.wait(100)
        assert notice.isVisible(), f"closed by {key}"
    qtbot.mouseClick(notice.acknowledge, Qt.MouseButton.LeftButton)  # does not take focus
    qtbot.waitUntil(lambda: not notice.isVisible())


def test_its_own_alt_key_closes_it(qtbot, notice):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not notice.isVisible())


def test_the_focused_message_shows_no_text_caret(notice):
    # Keyboard text selection draws a blinking caret: the message looked like a text field.
    flags = notice.body.textInteractionFlags()
    assert not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not flags & Qt.TextInteractionFlag.TextEditable
