"""The function measures in the window (issue 16), driven from the Log menu with keys and
clicks: the weekly bothersomeness form, the activities form, sleep and sitting on ratings."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from sciajournal.core.entities import BothersomenessCheck, PainRating
from sciajournal.core.enums import PainContext
from sciajournal.exchange.json_format import export_journal
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.pain_scale import PainScale
from tests.clocks import MACHINE_OFFSET
from tests.factories import full_activity, full_function_rating
from tests.ui.menu_driving import button, click, menu_action, visible_problems

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def open_from_log_menu(qtbot, window, title):
    menu_action(window, "Log", title).trigger()
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    return window.active_form


def type_digits(qtbot, form, digits):
    """A digit on a scale sets it and moves on, as the user types."""
    for digit in digits:
        qtbot.keyClicks(form.focusWidget(), digit)


def row_texts(window):
    model = window.view.model
    return [model.row_at(i).text for i in range(model.rowCount())]


def select_row_of(window, entry_id):
    model = window.view.model
    row = next(
        i
        for i in range(model.rowCount())
        if model.row_at(i).entry is not None and model.row_at(i).entry.id == entry_id
    )
    window.view.list.setFocus()
    window.view.list.setCurrentIndex(model.index(row, 0))


def test_bothersomeness_totals_live_saves_edits_unchanged_and_deletes(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Sciatica bothersomeness (weekly)")
    type_digits(qtbot, form, "43")
    assert form.total.text().startswith("– of 24") and "2 to go" in form.total.text()
    type_digits(qtbot, form, "15")
    assert form.total.text() == "13 of 24"
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    (check,) = journal.entries()
    assert isinstance(check, BothersomenessCheck)
    assert (check.leg_pain, check.numbness_tingling, check.weakness, check.sitting_pain) == (
        4,
        3,
        1,
        5,
    )
    assert any("Sciatica bothersomeness, last week: 13 of 24" in t for t in row_texts(window))

    before = export_journal(journal)
    select_row_of(window, check.id)
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_form is not None)
    edit = window.active_form
    assert edit.total.text() == "13 of 24"
    click(qtbot, edit, "Save")
    qtbot.waitUntil(lambda: not edit.isVisible())
    assert export_journal(journal) == before

    select_row_of(window, check.id)
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)
    assert journal.is_empty()
    window.undo_action.trigger()
    assert journal.get(check.id) == check


def test_an_item_left_unanswered_is_named_and_nothing_is_saved(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Sciatica bothersomeness")
    type_digits(qtbot, form, "43")
    click(qtbot, form, "Save")
    assert form.isVisible() and journal.is_empty()
    problems = visible_problems(form)
    assert set(problems) == {
        "Weakness in the leg or foot",
        "Back or leg pain while sitting",
    }
    assert problems["Weakness in the leg or foot"] == "choose from 0 (not at all) to 6 (extremely)"
    form.reject()


def add_activity(qtbot, form, name):
    form.new_name.setFocus()
    form.new_name.lineEdit().selectAll()
    qtbot.keyClicks(form.new_name.lineEdit(), name)
    click(qtbot, form, "Add")


def test_first_activities_are_named_rated_and_saved_together(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Activities I find hard (PSFS)")
    assert form.advice.isVisible()
    assert form.advice.text() == "3 to 5 activities are recommended; you have 0."
    for name in ("Walk to the shop", "Put on socks", "Sit through a meal"):
        add_activity(qtbot, form, name)
        type_digits(qtbot, form, "3")  # the new row's scale has the focus
    assert not form.advice.isVisible()
    add_activity(qtbot, form, "put on socks")
    assert visible_problems(form) == {"Add an activity": "“put on socks” is already in your list"}
    add_activity(qtbot, form, "x" * 81)
    assert visible_problems(form) == {"Add an activity": "is too long (81 characters, at most 80)"}
    click(qtbot, form, "Save")  # the name still in the box is not dropped without a word
    assert visible_problems(form) == {
        "Add an activity": f"“{'x' * 81}” is not added yet: press Add, or clear the box"
    }
    form.new_name.lineEdit().selectAll()
    qtbot.keyClick(form.new_name.lineEdit(), Qt.Key.Key_Delete)
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())

    stored = journal.collection()
    (rating,) = stored.function_ratings
    names = {a.id: a.name for a in stored.function_activities}
    assert [(names[s.activity_id], s.score) for s in rating.scores] == [
        ("Walk to the shop", 3),
        ("Put on socks", 3),
        ("Sit through a meal", 3),
    ]
    assert {a.added for a in stored.function_activities} == {rating.at}
    assert window.undo_stack.count() == 1  # activities and rating: one step
    assert any("Walk to the shop 3, Put on socks 3" in t for t in row_texts(window))


@pytest.fixture
def three_named(journal):
    named = [
        full_activity(name=name, added=NOW - timedelta(days=7) + timedelta(minutes=number))
        for number, name in enumerate(("Walk to the shop", "Put on socks", "Sit through a meal"))
    ]
    first = full_function_rating(*named, at=NOW - timedelta(days=7) + timedelta(minutes=5))
    # In the order the patient named them: the form lists them as the last rating did.
    journal.add_many([*named, first])
    return named, first


def test_retiring_one_and_adding_another_keeps_history_and_undoes(
    qtbot, three_named, window, journal
):
    named, first = three_named
    before = export_journal(journal)
    form = open_from_log_menu(qtbot, window, "Activities I find hard")
    socks = named[1]
    click(qtbot, form, "Retire")  # the first Retire button: walk to the shop's
    keep = button(form, "Keep")
    keep.click()  # changed my mind
    retire_socks = next(
        b for b in form.findChildren(type(keep)) if b.accessibleName() == "Retire Put on socks"
    )
    retire_socks.click()
    assert retire_socks.text() == "Keep"
    assert form.advice.text() == "3 to 5 activities are recommended; you have 2."
    add_activity(qtbot, form, "Lift a shopping bag")
    type_digits(qtbot, form, "2")
    assert not form.advice.isVisible()
    scale_named(form, "Walk to the shop").setFocus()
    type_digits(qtbot, form, "5")
    scale_named(form, "Sit through a meal").setFocus()
    type_digits(qtbot, form, "6")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())

    stored = journal.collection()
    by_name = {a.name: a for a in stored.function_activities}
    assert by_name["Put on socks"].retired == NOW.replace(second=0)
    assert by_name["Walk to the shop"].retired is None
    latest = stored.function_ratings[-1]
    assert {by_id.name: s.score for s in latest.scores for by_id in [_by_id(stored, s)]} == {
        "Walk to the shop": 5,
        "Sit through a meal": 6,
        "Lift a shopping bag": 2,
    }
    assert journal.get(first.id) == first  # the earlier rating of socks stays
    assert journal.get(socks.id).name == "Put on socks"

    window.undo_action.trigger()
    assert export_journal(journal) == before


def scale_named(form, name):
    """An activity's 0-10 scale, found by the name a screen reader says."""
    (scale,) = [
        scale
        for scale in form.findChildren(PainScale)
        if scale.accessibleName().rsplit(", ", 1)[0] == name
    ]
    return scale


def button_texts(form):
    return {b.text().replace("&", "") for b in form.findChildren(QPushButton) if b.isVisible()}


def _by_id(stored, score):
    return next(a for a in stored.function_activities if a.id == score.activity_id)


def test_an_activity_left_unrated_is_named(qtbot, three_named, window, journal):
    form = open_from_log_menu(qtbot, window, "Activities I find hard")
    type_digits(qtbot, form, "47")
    before = export_journal(journal)
    click(qtbot, form, "Save")
    assert form.isVisible()
    assert visible_problems(form) == {
        "Sit through a meal": "choose from 0 (cannot do it) to 10 (as before)"
    }
    assert export_journal(journal) == before
    form.reject()


def test_an_activity_with_scores_is_not_deleted_but_can_be_retired_by_edit(
    qtbot, three_named, window, journal, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    named, first = three_named
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    select_row_of(window, named[1].id)
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)
    assert told and "retire it" in told[0]
    assert journal.get(named[1].id) == named[1]

    select_row_of(window, named[1].id)
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_form is not None)
    form = window.active_form
    form.retired.click()
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert journal.get(named[1].id).retired == NOW.replace(second=0)
    assert journal.get(first.id) == first


def test_the_pain_form_asks_about_sleep_in_the_morning_and_sitting_at_bedtime(
    qtbot, window, journal
):
    form = open_from_log_menu(qtbot, window, "Log pain")
    assert not form.hours_slept.isVisible() and not form.sitting.isVisible()
    form.context.setValue(PainContext.MORNING)
    assert form.times_woken.isVisible() and form.hours_slept.isVisible()
    assert not form.sitting.isVisible()
    type_digits(qtbot, form, "35")
    qtbot.keyClicks(form.times_woken, "2")
    qtbot.keyClicks(form.hours_slept, "25")
    click(qtbot, form, "Save")
    assert visible_problems(form) == {"Hours slept last night": "must be from 0 to 24 h, not 25"}
    assert journal.is_empty()
    form.hours_slept.selectAll()
    qtbot.keyClicks(form.hours_slept, "6.5")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating)
    assert (rating.times_woken, rating.hours_slept, rating.comfortable_sitting_minutes) == (
        2,
        6.5,
        None,
    )
    assert any("woken twice, slept 6.5 h" in t for t in row_texts(window))


def test_sitting_is_kept_only_on_a_bedtime_rating(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Log pain")
    form.context.setValue(PainContext.BEDTIME)
    assert form.sitting.isVisible() and not form.hours_slept.isVisible()
    type_digits(qtbot, form, "24")
    qtbot.keyClicks(form.sitting, "40")
    form.context.setValue(PainContext.STANDALONE)  # changed their mind: the row goes
    assert not form.sitting.isVisible()
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert rating.comfortable_sitting_minutes is None


def test_function_rating_rows_edit_through_their_own_form(qtbot, three_named, window, journal):
    named, first = three_named
    before = export_journal(journal)
    select_row_of(window, first.id)
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_form is not None)
    form = window.active_form
    assert isinstance(form.windowTitle(), str) and form.windowTitle().startswith("Edit")
    shown = [scale_named(form, activity.name).value() for activity in named]
    assert shown == [s.score for s in first.scores] == [3, 4, 5]
    assert not button_texts(form) & {"Retire", "Add"}  # no managing the list from here
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert export_journal(journal) == before


def test_an_ampersand_in_an_activity_name_is_shown(qtbot, window):
    form = open_from_log_menu(qtbot, window, "Activities I find hard (PSFS)")
    add_activity(qtbot, form, "Bath & dress")
    # A caption with a buddy shows "&&" as "&" and takes a lone "&" as its shortcut.
    captions = [label.text() for label in form.findChildren(QLabel) if "Bath" in label.text()]
    assert captions == ["Bath && dress"]
    assert scale_named(form, "Bath & dress") is not None
    form.reject()
