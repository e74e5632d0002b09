"""A problem message goes once the patient puts the field right (and changes while it is
still wrong), and Save then works; all by keys, as a keyboard user fixes a form."""

from PySide6.QtCore import Qt

from sciajournal.core.entities import BothersomenessCheck, PainRating
from tests.ui.menu_driving import click, visible_problems
from tests.ui.test_forms_digit_then_tab import keys
from tests.ui.test_function_forms import open_from_log_menu, window
from tests.ui.test_pain_form_time_of_day import choose_when

__all__ = ["window"]  # a fixture, used by name

ITEM_PROBLEM = "choose from 0 (not at all) to 6 (extremely)"


def test_each_bothersomeness_message_goes_as_its_item_is_answered(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Sciatica bothersomeness (weekly)")
    click(qtbot, form, "Save")
    assert len(visible_problems(form)) == 4
    assert form.focusWidget() is form.items["leg_pain"]  # on the first unanswered item
    keys(qtbot, form, "3")
    assert set(visible_problems(form)) == {
        "Numbness or tingling in the leg or foot",
        "Weakness in the leg or foot",
        "Back or leg pain while sitting",
    }
    keys(qtbot, form, "Tab 4 Tab 2 Tab 5")
    assert visible_problems(form) == {}
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    (check,) = journal.entries()
    assert isinstance(check, BothersomenessCheck) and check.sitting_pain == 5


def test_a_message_changes_while_still_wrong_and_goes_when_right(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Log pain")
    keys(qtbot, form, "3 5")
    choose_when(qtbot, form, 1)  # morning: the sleep questions show
    qtbot.keyClicks(form.hours_slept, "25")
    assert visible_problems(form) == {}  # no checking while typing before the first Save
    qtbot.keyClick(form.hours_slept, Qt.Key.Key_Return)
    assert visible_problems(form) == {"Hours slept last night": "must be from 0 to 24 h, not 25"}
    qtbot.keyClick(form.hours_slept, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.hours_slept, "6")
    assert visible_problems(form) == {"Hours slept last night": "must be from 0 to 24 h, not 26"}
    form.hours_slept.selectAll()
    qtbot.keyClicks(form.hours_slept, "6.5")
    assert visible_problems(form) == {}
    qtbot.keyClick(form.hours_slept, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating) and rating.hours_slept == 6.5


def test_a_message_of_the_add_box_goes_when_the_name_is_edited(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Activities I find hard (PSFS)")
    edit = form.new_name.lineEdit()
    qtbot.keyClicks(edit, "Put on socks")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # added
    qtbot.keyClicks(form.new_name.lineEdit(), "put on socks")
    qtbot.keyClick(form.new_name.lineEdit(), Qt.Key.Key_Return)
    assert visible_problems(form) == {"Add an activity": "“put on socks” is already in your list"}
    qtbot.keyClicks(form.new_name.lineEdit(), " twice")
    assert visible_problems(form) == {}
    form.reject()
