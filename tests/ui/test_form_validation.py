"""What a form says when a value is wrong: inline, every problem at once, saying why."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt

from sciajournal.core.entities import Treatment
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import click, visible_problems

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def local_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone().replace(tzinfo=None)
    return QDateTime(local.date(), local.time())


def open_with(qtbot, window, key):
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    form = window.active_form
    assert form is not None and form.isVisible()
    return form


def test_a_time_in_the_future_is_refused_under_its_field(qtbot, window, journal):
    form = open_with(qtbot, window, Qt.Key.Key_R)
    qtbot.keyClicks(form.focusWidget(), "3")
    qtbot.keyClicks(form.focusWidget(), "5")
    form.time_edit.setDateTime(local_qdatetime(NOW + timedelta(minutes=30)))
    click(qtbot, form, "Save")
    assert form.isVisible()
    assert visible_problems(form) == {
        "Time": "this time is 30 minutes from now: enter when it happened"
    }
    assert journal.is_empty()
    form.time_edit.setDateTime(local_qdatetime(NOW + timedelta(minutes=4)))  # clocks differ
    click(qtbot, form, "Save")
    assert not form.isVisible() and journal.count() == 1


def test_a_walk_that_would_end_in_the_future_is_refused(qtbot, window, journal):
    form = open_with(qtbot, window, Qt.Key.Key_W)
    form.time_edit.setDateTime(local_qdatetime(NOW))
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "25")
    click(qtbot, form, "Save")
    assert visible_problems(form) == {
        "Started": "the walk would end 25 minutes from now: enter when it started"
    }
    assert journal.is_empty()
    form.reject()


def test_ice_heat_starts_at_now_minus_its_duration(qtbot, window, journal):
    form = open_with(qtbot, window, Qt.Key.Key_T)
    assert form.time_edit.dateTime() == local_qdatetime(NOW - timedelta(minutes=20))
    form.minutes.setFocus()
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "30")
    assert form.time_edit.dateTime() == local_qdatetime(NOW - timedelta(minutes=30))
    qtbot.keyClick(form.minutes, Qt.Key.Key_Return)
    assert not form.isVisible()
    (session,) = journal.entries()
    assert isinstance(session, Treatment)
    assert (session.start, session.minutes) == (NOW - timedelta(minutes=30), 30)


def test_typing_more_than_the_longest_walk_says_so(qtbot, window, journal):
    form = open_with(qtbot, window, Qt.Key.Key_W)
    form.minutes.setFocus()
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "900")
    assert form.minutes.text() == "900 min"  # not silently cut to 90
    click(qtbot, form, "Save")
    assert visible_problems(form)["Duration"] == "must be more than 0 and at most 720 min, not 900"
    assert journal.is_empty()
    form.reject()


def test_every_problem_of_a_form_shows_at_once_and_says_why(qtbot, window, journal):
    form = open_with(qtbot, window, Qt.Key.Key_W)
    qtbot.keyClicks(form.focusWidget(), "3")  # back before; leg left unrated
    form.minutes.setFocus()
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "10")
    qtbot.keyClicks(form.distance, "far")
    qtbot.keyClicks(form.symptoms_after, "99")
    click(qtbot, form, "Save")
    assert visible_problems(form) == {
        "Back pain": "rate both back and leg, or neither",
        "Distance (km)": "\u201cfar\u201d is not a number",
        "Leg symptoms began after": "leg symptoms began after 99 min, but the walk lasted 10",
    }
    assert journal.is_empty()
    form.reject()
