"""A quick typist's "Ctrl+R 3 5 Enter" in one go: the keys typed while the form was being
built reach the form, in order, instead of the window the form then blocks.

The keys are queued for the main window before the menu action runs, as the window system
queues them while the app builds the form (it handles nothing meanwhile).
"""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from sciajournal.core.entities import PainRating
from sciajournal.ui.main_window import MainWindow
from tests.ui.menu_driving import menu_action
from tests.ui.test_function_forms import NOW

TYPED_AT = 7_000_000  # an X server time, in milliseconds
KEY_GAP_MS = 120

KEYS = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\x1b": Qt.Key.Key_Escape}


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def typed_at_the_window(window, text: str) -> None:
    """Each character pressed and released, 120 ms apart, queued for the main window."""
    for index, char in enumerate(text):
        key = KEYS.get(char) or Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(TYPED_AT + index * KEY_GAP_MS)
            QCoreApplication.postEvent(window.windowHandle(), event)


def open_with_keys_typed_ahead(qtbot, window, title: str, text: str):
    typed_at_the_window(window, text)
    menu_action(window, "Log", title).trigger()  # the app busy building the form
    qtbot.wait(300)  # the event loop runs again
    return window.active_form


def test_ctrl_r_3_5_enter_in_one_go_saves_back_3_leg_5(qtbot, window, journal):
    form = open_with_keys_typed_ahead(qtbot, window, "Log pain", "35\r")
    qtbot.waitUntil(lambda: form is None or not form.isVisible())
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating)
    assert (rating.back, rating.leg) == (3, 5)


def test_ten_typed_ahead_is_ten(qtbot, window, journal):
    form = open_with_keys_typed_ahead(qtbot, window, "Log pain", "108\r")
    qtbot.waitUntil(lambda: form is None or not form.isVisible())
    (rating,) = journal.entries()
    assert (rating.back, rating.leg) == (10, 8)


def test_keys_typed_ahead_fill_the_walk_form_and_keep_it_open(qtbot, window, journal):
    form = open_with_keys_typed_ahead(qtbot, window, "Log walk", "46")
    assert form.isVisible()
    assert (form.before_back.value(), form.before_leg.value()) == (4, 6)
    assert form.focusWidget() is form.minutes
    assert journal.entries() == []
    form.reject()


def test_a_form_opened_with_nothing_typed_ahead_opens_as_before(qtbot, window):
    menu_action(window, "Log", "Log pain").trigger()
    form = window.active_form
    assert form.isVisible()
    assert form.focusWidget() is form.back and form.back.value() is None
    form.reject()
