"""Logging forms fit the screens patients have: a 1024 px wide one for the widest form, a
long activity name wraps rather than widening the form."""

from datetime import timedelta

from PySide6.QtWidgets import QLabel

from sciajournal.ui.widgets.screen_room import FRAME_ROOM
from tests.factories import full_activity, full_function_rating
from tests.ui.test_function_forms import NOW, open_from_log_menu, window

__all__ = ["window"]  # a fixture, used by name

NARROW_SCREEN_WIDTH = 1024
LONGEST_NAME = "Walk to the shops at the end of the road and back without stopping on any bench."


def test_the_activities_form_fits_a_1024_px_screen_and_a_long_name_wraps(qtbot, journal, window):
    assert len(LONGEST_NAME) == 80  # the longest name validation lets through
    names = ("Put on socks", LONGEST_NAME, "Sit through a meal", "Sleep through the night")
    named = [
        full_activity(name=name, added=NOW - timedelta(days=7, minutes=n))
        for n, name in enumerate(names)
    ]
    journal.add_many([*named, full_function_rating(*named, at=NOW - timedelta(days=7))])
    form = open_from_log_menu(qtbot, window, "Activities I find hard (PSFS)")
    qtbot.wait(200)  # laid out and fitted
    room = NARROW_SCREEN_WIDTH - FRAME_ROOM.width()
    assert form.sizeHint().width() <= room
    (caption,) = [label for label in form.findChildren(QLabel) if label.text() == LONGEST_NAME]
    line = caption.fontMetrics().height()
    assert caption.height() >= 2 * line  # wrapped onto more lines, all of it shown
    assert caption.width() < caption.fontMetrics().horizontalAdvance(LONGEST_NAME)
    (short,) = [label for label in form.findChildren(QLabel) if label.text() == "Put on socks"]
    assert short.height() < 2 * line  # a short name stays on its one line
    form.reject()


def test_a_pain_scale_form_is_not_wider_than_a_1024_px_screen(qtbot, window):
    room = NARROW_SCREEN_WIDTH - FRAME_ROOM.width()
    for action in (window.log_walk_action, window.log_pain_action):
        action.trigger()
        qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
        form = window.active_form
        assert form.sizeHint().width() <= room, form.windowTitle()
        form.reject()
        qtbot.waitUntil(lambda: window.active_form is None)
