"""The follow-up asks how long pain stayed up; rating and walk are saved as one undo step."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import click

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def walk(journal):
    walk = Walk(start=NOW - timedelta(hours=3), minutes=30)  # ended 2.5 hours ago
    journal.add_many(
        [
            walk,
            PainRating(
                at=walk.start, back=2, leg=3, context=PainContext.BEFORE_WALK, walk_id=walk.id
            ),
        ]
    )
    return walk


@pytest.fixture
def window(qtbot, journal, walk):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def answer_prompt(qtbot, window):
    prompt = next(
        label for label in window.status_panel.items if "How is your pain now" in label.text()
    )
    qtbot.mouseClick(prompt.parentWidget().findChild(QPushButton), Qt.MouseButton.LeftButton)
    form = window.active_form
    assert form is not None and form.isVisible()
    return form


def follow_ups(journal):
    return [
        e
        for e in journal.entries()
        if isinstance(e, PainRating) and e.context is PainContext.FOLLOW_UP
    ]


def test_still_raised_records_how_long_so_far_in_one_undo_step(qtbot, window, journal, walk):
    form = answer_prompt(qtbot, window)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_4)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_6)
    question = form.pain_lasted.answer
    question.setFocus()
    qtbot.keyClick(question, Qt.Key.Key_Down)
    qtbot.keyClick(question, Qt.Key.Key_Down)
    assert question.currentText() == "Still raised now"
    click(qtbot, form, "Save")
    assert not form.isVisible()

    (follow_up,) = follow_ups(journal)
    assert (follow_up.back, follow_up.leg, follow_up.walk_id) == (4, 6, walk.id)
    assert journal.get(walk.id).pain_lasted_hours == 2.5
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert follow_ups(journal) == [] and journal.get(walk.id) == walk
    window.redo_action.trigger()
    assert journal.get(walk.id).pain_lasted_hours == 2.5 and len(follow_ups(journal)) == 1


def test_settled_after_and_editing_the_answer_later(qtbot, window, journal, walk):
    form = answer_prompt(qtbot, window)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_2)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_3)
    form.pain_lasted.answer.setCurrentText("It was raised, and settled after")
    form.pain_lasted.hours.selectAll()
    qtbot.keyClicks(form.pain_lasted.hours, "1.5")
    click(qtbot, form, "Save")
    assert journal.get(walk.id).pain_lasted_hours == 1.5

    (follow_up,) = follow_ups(journal)
    model = window.view.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).entry == follow_up)
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    form = window.active_form
    assert form.pain_lasted.hours.text() == "1.5 h"
    form.pain_lasted.hours.selectAll()
    qtbot.keyClicks(form.pain_lasted.hours, "3")
    click(qtbot, form, "Save")
    assert journal.get(walk.id).pain_lasted_hours == 3
    assert any("pain lasted" in model.row_at(i).text for i in range(model.rowCount()))


def test_not_answering_leaves_the_walk_as_it_was(qtbot, window, journal, walk):
    form = answer_prompt(qtbot, window)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_2)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_3)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)  # digit, digit, Enter still works
    assert not form.isVisible()
    assert journal.get(walk.id) == walk and len(follow_ups(journal)) == 1
