"""Entries logged on the nights the clocks change, driven through the window as a patient.

Berlin, 25 October 2026: at 03:00 summer time the clocks go back to 02:00, so 02:00-03:00
happens twice. The computer is set to Berlin for these tests (the forms read and show
times in the computer's zone), and the clock is pinned, as local_now gives it: a fixed
offset, +02:00 in the first pass and +01:00 in the second.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit

from sciajournal.core.entities import Note
from sciajournal.ui.main_window import MainWindow
from tests.clocks import computer_zone

BERLIN = ZoneInfo("Europe/Berlin")


def as_local_now(wall: datetime) -> datetime:
    """A Berlin wall time as local_now gives it: with the fixed offset then in force."""
    offset = wall.utcoffset()
    assert offset is not None
    return wall.astimezone(timezone(offset))


FIRST_PASS = as_local_now(datetime(2026, 10, 25, 2, 15, tzinfo=BERLIN))
SECOND_PASS = as_local_now(datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=BERLIN))


@pytest.fixture
def in_berlin():
    with computer_zone("Europe/Berlin"):
        yield


def open_window(qtbot, journal, now: datetime) -> MainWindow:
    window = MainWindow(journal, clock=lambda: now)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def log_pain_now(qtbot, window) -> None:
    window.log_pain_action.trigger()  # Log > Log pain (Ctrl+R)
    form = window.active_form
    for key in ("3", "5", Qt.Key.Key_Return):
        qtbot.keyClick(form.focusWidget() or form, key)
    assert not form.isVisible()


def open_entry(qtbot, window):
    """Select the journal's only entry row and press Enter, as a user opens it."""
    model = window.view.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).entry is not None)
    window.view.list.setFocus()
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    form = window.active_form
    assert form is not None and form.isVisible()
    return form


def minutes_up(qtbot, form, presses: int) -> None:
    """Put the cursor on the minutes of the time field and press Up, as a user does."""
    edit = form.time_edit
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    for _ in range(presses):
        qtbot.keyClick(edit, Qt.Key.Key_Up)


@pytest.mark.parametrize("now", [FIRST_PASS, SECOND_PASS], ids=["first pass", "second pass"])
def test_a_rating_logged_now_in_the_repeated_hour_is_saved_at_now(qtbot, journal, in_berlin, now):
    window = open_window(qtbot, journal, now)
    log_pain_now(qtbot, window)
    (rating,) = journal.entries()
    assert rating.at == now  # the same instant: never an hour early
    assert rating.at.utcoffset() == now.utcoffset()
    assert any(row.text.startswith("02:15  Pain") for row in rows(window))


def rows(window):
    model = window.view.model
    return [model.row_at(i) for i in range(model.rowCount())]


@pytest.mark.parametrize("at", [FIRST_PASS, SECOND_PASS], ids=["first pass", "second pass"])
def test_an_entry_of_the_repeated_hour_opened_and_saved_unchanged_stays_put(
    qtbot, journal, in_berlin, at
):
    note = journal.add(Note(at=at + timedelta(seconds=31), text="Could not sleep"))
    window = open_window(qtbot, journal, SECOND_PASS + timedelta(hours=6))
    form = open_entry(qtbot, window)
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert not form.isVisible()
    assert journal.get(note.id).at == note.at
    assert journal.get(note.id).at.utcoffset() == note.at.utcoffset()


@pytest.mark.parametrize("at", [FIRST_PASS, SECOND_PASS], ids=["first pass", "second pass"])
def test_moving_an_entry_by_minutes_in_the_repeated_hour_keeps_its_pass(
    qtbot, journal, in_berlin, at
):
    note = journal.add(Note(at=at, text="Could not sleep"))
    window = open_window(qtbot, journal, SECOND_PASS + timedelta(hours=6))
    form = open_entry(qtbot, window)
    minutes_up(qtbot, form, 5)
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert not form.isVisible()
    assert journal.get(note.id).at == at + timedelta(minutes=5)  # 5 minutes, not 65 or -55


def test_a_time_typed_into_the_repeated_hour_is_its_first_occurrence(qtbot, journal, in_berlin):
    # The documented choice (EntryForm.chosen_time): 02:30 typed later that morning
    # is 02:30 summer time, the first time the clock showed it.
    morning = as_local_now(datetime(2026, 10, 25, 9, 0, tzinfo=BERLIN))
    note = journal.add(Note(at=datetime(2026, 10, 25, 2, 0, tzinfo=BERLIN), text="Woke up"))
    assert note.at.utcoffset() == timedelta(hours=2)
    window = open_window(qtbot, journal, morning)
    form = open_entry(qtbot, window)
    minutes_up(qtbot, form, 30)
    form.buttons.button(form.buttons.StandardButton.Save).click()
    moved = journal.get(note.id).at
    assert moved.strftime("%H:%M%z") == "02:30+0200"
