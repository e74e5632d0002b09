""" "1 0" types 10 by when the keys were TYPED, not when a busy app got round to them.

On a loaded machine the reviewer typed "1 0 8 Enter" into the pain form and got back 1,
leg 0: the event loop was busy for over a second after the "1", and when it ran again the
"1"'s wait had run out and moved on before the "0", already typed, was handled. Here the
keys carry the time they were typed (QKeyEvent.timestamp(), the window system's time of
the key, as X gives it) and the event loop is blocked between them, as the busy app was.
"""

import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from sciajournal.core.entities import PainRating
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.pain_scale import TEN_WAIT_MS, PainScale
from tests.ui.menu_driving import menu_action
from tests.ui.test_function_forms import NOW

#: An X server time (milliseconds, any start) for the first key of a test.
TYPED_AT = 5_000_000
KEY_GAP_MS = 120  # xdotool's --delay 120, a quick typist


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def open_form(qtbot, window, title):
    menu_action(window, "Log", title).trigger()
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    return window.active_form


def type_key(form: QWidget, char: str, typed_at: int) -> None:
    """A key as the window system hands it over: to whatever has the focus when the app
    gets to it, stamped with the time it was typed."""
    key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
        event.setTimestamp(typed_at)
        target = form.focusWidget() or form
        QApplication.sendEvent(target, event)


def app_busy_for(seconds: float) -> None:
    """The app blocked (a first paint, an import) and then running again: the timers that
    ran out meanwhile fire before the keys still on their way."""
    time.sleep(seconds)
    QApplication.processEvents()


def scales(form) -> list[PainScale]:
    return form.findChildren(PainScale)


def test_ten_typed_while_the_app_was_busy_is_ten_and_the_leg_is_untouched(qtbot, window, journal):
    form = open_form(qtbot, window, "Log pain")
    back, leg = scales(form)[:2]
    type_key(form, "1", TYPED_AT)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    assert form.focusWidget() is leg  # the wait ran out: moved on, as before
    type_key(form, "0", TYPED_AT + KEY_GAP_MS)  # typed 120 ms after the "1"
    assert back.value() == 10
    assert leg.value() is None  # the "0" was not the leg's
    assert form.focusWidget() is leg
    type_key(form, "8", TYPED_AT + 2 * KEY_GAP_MS)
    type_key(form, "\r", TYPED_AT + 3 * KEY_GAP_MS)
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating)
    assert (rating.back, rating.leg) == (10, 8)


def test_a_zero_typed_after_the_wait_is_the_next_fields_even_if_handled_before_it(
    qtbot, window, journal
):
    """The app got to the "0" before its timer fired, but the user typed it 1.5 s after
    the "1": back 1, leg 0, as typed."""
    form = open_form(qtbot, window, "Log pain")
    back, leg = scales(form)[:2]
    type_key(form, "1", TYPED_AT)
    type_key(form, "0", TYPED_AT + TEN_WAIT_MS + 500)
    assert (back.value(), leg.value()) == (1, 0)
    type_key(form, "\r", TYPED_AT + TEN_WAIT_MS + 700)
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert (rating.back, rating.leg) == (1, 0)


def test_a_late_zero_after_the_move_on_is_the_next_fields(qtbot, window):
    form = open_form(qtbot, window, "Log pain")
    back, leg = scales(form)[:2]
    type_key(form, "1", TYPED_AT)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    type_key(form, "0", TYPED_AT + TEN_WAIT_MS + 200)
    assert (back.value(), leg.value()) == (1, 0)
    assert form.focusWidget() is form.time_edit


def test_leg_ten_while_busy_leaves_the_time_after_it_as_it_was(qtbot, window):
    """The field after the leg is the time: the "0" of 10 must not change its minutes."""
    form = open_form(qtbot, window, "Log pain")
    back, leg = scales(form)[:2]
    shown_time = form.time_edit.text()
    type_key(form, "3", TYPED_AT)
    type_key(form, "1", TYPED_AT + KEY_GAP_MS)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    assert form.focusWidget() is form.time_edit
    type_key(form, "0", TYPED_AT + 2 * KEY_GAP_MS)
    assert (back.value(), leg.value()) == (3, 10)
    assert form.time_edit.text() == shown_time
    assert form.focusWidget() is form.time_edit


def test_walk_form_scales_take_ten_typed_while_busy(qtbot, window):
    form = open_form(qtbot, window, "Log walk")
    before_back, before_leg = scales(form)[:2]
    duration = form.minutes.text()
    type_key(form, "1", TYPED_AT)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    type_key(form, "0", TYPED_AT + KEY_GAP_MS)
    type_key(form, "1", TYPED_AT + 2 * KEY_GAP_MS)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    type_key(form, "0", TYPED_AT + 3 * KEY_GAP_MS)
    assert (before_back.value(), before_leg.value()) == (10, 10)
    assert form.focusWidget() is form.minutes
    assert form.minutes.text() == duration


def test_the_window_systems_clock_wrapping_round_still_reads_as_120_ms(qtbot, window):
    """X's time is 32-bit milliseconds and wraps after 49.7 days of uptime."""
    form = open_form(qtbot, window, "Log pain")
    back, leg = scales(form)[:2]
    just_before_wrap = 2**32 - 50
    type_key(form, "1", just_before_wrap)
    app_busy_for(TEN_WAIT_MS / 1000 + 0.3)
    type_key(form, "0", KEY_GAP_MS - 50)
    assert (back.value(), leg.value()) == (10, None)
