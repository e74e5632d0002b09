"""The walk form asks before saving a walk the patient may not mean: an untouched new form
(a stray Return) and a walk that overlaps another. Driven by keys and clicks, against a
real journal file; each question is answered while the form's Save is still running."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal.core.entities import PainRating, Walk
from sciajournal.exchange.json_format import export_journal
from sciajournal.ui.main_window import MainWindow
from tests.ui.menu_driving import button, click
from tests.ui.test_unchanged_edits import open_by_enter

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=CET)


def local_clock(moment: datetime) -> str:
    """As the form shows times: the computer's own time zone, whatever the test runs in."""
    return moment.astimezone().strftime("%H:%M")


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def new_walk_form(qtbot, window):
    back_in_the_form(qtbot, window)  # after an earlier form closed
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    form = window.active_form
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def answer_if_asked(qtbot, answer: str | Qt.Key, delay_ms: int = 300) -> list[str]:
    """If a question is open after `delay_ms`, record its text and answer it: a button's
    label is clicked, a key is pressed. No question records nothing (and fails nothing)."""
    asked: list[str] = []

    def answer_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        asked.append(box.text())
        if isinstance(answer, str):
            qtbot.mouseClick(button(box, answer), Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box, answer)

    QTimer.singleShot(delay_ms, answer_it)
    return asked


def back_in_the_form(qtbot, form) -> None:
    """A dialog over `form` closed: the desktop's window manager hands it the keyboard
    back (the offscreen platform has none, so the test does)."""
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)


def walks(journal) -> list[Walk]:
    return [entry for entry in journal.entries() if isinstance(entry, Walk)]


def press(qtbot, form, *keys: str | Qt.Key) -> None:
    for key in keys:
        qtbot.keyClick(form.focusWidget(), key)


# -- an untouched new form ----------------------------------------------------------


def test_a_stray_return_in_a_fresh_walk_form_asks_and_another_return_goes_back(
    qtbot, window, journal
):
    form = new_walk_form(qtbot, window)
    asked = answer_if_asked(qtbot, Qt.Key.Key_Return)  # Return again, on the question
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.wait(500)  # the question came and went while Save ran; the form is still there
    start = local_clock(NOW - timedelta(minutes=10))
    assert asked == [f"Save a 10-minute walk at {start} with no pain ratings?"]
    assert form.isVisible() and journal.is_empty()

    assert form.focusWidget() is form.before_back  # back where the Return was pressed
    asked = answer_if_asked(qtbot, Qt.Key.Key_Escape)  # and Escape goes back too
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.wait(500)
    assert len(asked) == 1 and form.isVisible() and journal.is_empty()

    # The quick entry (back, leg, minutes, Return) is a walk the patient means: saved
    # without a question.
    asked = answer_if_asked(qtbot, "Back to the form")
    assert form.focusWidget() is form.before_back
    back_in_the_form(qtbot, form)
    press(qtbot, form, "2", "4", "2", "5", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.wait(400)
    assert asked == []
    (walk,) = walks(journal)
    assert walk.minutes == 25
    (before,) = [entry for entry in journal.entries() if isinstance(entry, PainRating)]
    assert (before.back, before.leg) == (2, 4)


def test_a_patient_who_means_the_untouched_walk_saves_it_when_asked(qtbot, window, journal):
    form = new_walk_form(qtbot, window)
    asked = answer_if_asked(qtbot, "Save the walk")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert len(asked) == 1
    (walk,) = walks(journal)
    assert (walk.start, walk.minutes) == (NOW - timedelta(minutes=10), 10)
    assert not any(isinstance(entry, PainRating) for entry in journal.entries())

    # A changed time alone is a walk the patient means too (an earlier one, unrated).
    form = new_walk_form(qtbot, window)
    asked = answer_if_asked(qtbot, "Back to the form")
    form.time_edit.setFocus()
    press(qtbot, form, Qt.Key.Key_Down, Qt.Key.Key_Return)  # a day (or hour) earlier
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.wait(400)
    assert asked == [] and len(walks(journal)) == 2


# -- overlapping walks ---------------------------------------------------------------


def test_a_new_walk_over_a_logged_one_names_it_and_saves_only_if_told(qtbot, window, journal):
    logged = journal.add(Walk(start=NOW - timedelta(minutes=50), minutes=25))
    form = new_walk_form(qtbot, window)
    asked = answer_if_asked(qtbot, "Back to the form")
    press(qtbot, form, "2", "4", "3", "0", Qt.Key.Key_Return)  # 30 min: started 5 min before
    qtbot.wait(500)
    assert asked == [
        f"This walk overlaps your 25-minute walk at {local_clock(logged.start)}. Save it anyway?"
    ]
    assert form.isVisible() and walks(journal) == [logged]

    asked = answer_if_asked(qtbot, "Save anyway")
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert len(asked) == 1 and len(walks(journal)) == 2


def test_going_back_and_starting_the_walk_as_the_other_ended_saves_it(qtbot, window, journal):
    journal.add(Walk(start=NOW - timedelta(minutes=50), minutes=25))  # ended 25 min ago
    form = new_walk_form(qtbot, window)
    asked = answer_if_asked(qtbot, "Back to the form")
    press(qtbot, form, "2", "4", "3", "0", Qt.Key.Key_Return)
    qtbot.wait(500)
    assert len(asked) == 1 and form.isVisible()

    back_in_the_form(qtbot, form)
    form.minutes.setFocus()
    form.minutes.selectAll()
    asked = answer_if_asked(qtbot, "Back to the form")
    press(qtbot, form, "2", "5", Qt.Key.Key_Return)  # 25 min: it began as that one ended
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.wait(400)
    assert asked == [] and len(walks(journal)) == 2


def test_lengthening_a_walk_in_the_edit_dialog_over_the_next_one_asks(qtbot, window, journal):
    first = journal.add(Walk(start=NOW - timedelta(hours=3), minutes=25))
    second = journal.add(Walk(start=NOW - timedelta(hours=2), minutes=20))
    window.refresh()
    form = open_by_enter(qtbot, window, first.id)
    form.minutes.setFocus()
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "90")
    asked = answer_if_asked(qtbot, "Back to the form")
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.wait(500)
    assert asked == [
        f"This walk overlaps your 20-minute walk at {local_clock(second.start)}. Save it anyway?"
    ]
    assert form.isVisible() and journal.get(first.id) == first

    asked = answer_if_asked(qtbot, "Save anyway")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert len(asked) == 1 and journal.get(first.id).minutes == 90


def test_an_overlapping_walk_saved_unchanged_is_not_asked_again_but_a_new_time_is(
    qtbot, window, journal
):
    # Typed by hand and imported too: the patient said "save anyway" when it came in.
    journal.add(Walk(start=NOW - timedelta(hours=2), minutes=30))
    again = journal.add(Walk(start=NOW - timedelta(hours=2, minutes=-5), minutes=30))
    before = export_journal(journal)
    window.refresh()
    form = open_by_enter(qtbot, window, again.id)
    asked = answer_if_asked(qtbot, "Back to the form")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    qtbot.wait(400)
    assert asked == []
    assert export_journal(journal) == before

    form = open_by_enter(qtbot, window, again.id)
    form.minutes.setFocus()
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "20")  # shorter, but still over the other one
    asked = answer_if_asked(qtbot, "Back to the form")
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.wait(500)
    assert len(asked) == 1 and "30-minute walk" in asked[0]
    assert form.isVisible() and journal.get(again.id) == again
    form.reject()
