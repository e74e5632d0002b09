"""A digit on a scale moves on by itself; a keyboard user used to forms presses Tab after
it anyway. "3 Tab 4 Tab 2 Tab 5" must fill four items in order, not every other one, and
the digits alone ("3425") must still do the same."""

from PySide6.QtCore import Qt

from sciajournal.core.entities import BothersomenessCheck, PainRating
from tests.ui.menu_driving import click
from tests.ui.test_function_forms import open_from_log_menu, scale_named, three_named, window

__all__ = ["three_named", "window"]  # fixtures used by name below

SBI = "Sciatica bothersomeness (weekly)"
PSFS = "Activities I find hard (PSFS)"


def keys(qtbot, form, sequence: str) -> None:
    """Space-separated keys, each to whatever has the focus then: "3 Tab 4"."""
    for key in sequence.split():
        target = form.focusWidget()
        if key == "Tab":
            qtbot.keyClick(target, Qt.Key.Key_Tab)
        elif key == "Backtab":
            qtbot.keyClick(target, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClicks(target, key)


def sbi_items(check: BothersomenessCheck) -> tuple[int, int, int, int]:
    return (check.leg_pain, check.numbness_tingling, check.weakness, check.sitting_pain)


def test_digit_then_tab_fills_the_bothersomeness_items_in_order(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, SBI)
    keys(qtbot, form, "3 Tab 4 Tab 2 Tab 5")
    assert [scale.value() for scale in form.items.values()] == [3, 4, 2, 5]
    keys(qtbot, form, "Tab")  # after the last item: on the time, not past it
    assert form.focusWidget() is form.time_edit
    keys(qtbot, form, "Tab")
    assert form.focusWidget() is form.notes
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())
    (check,) = journal.entries()
    assert sbi_items(check) == (3, 4, 2, 5)


def test_digits_alone_still_fill_the_items_and_tab_then_moves_once(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, SBI)
    keys(qtbot, form, "3 4")
    assert form.focusWidget() is form.items["weakness"]
    keys(qtbot, form, "Tab Tab")  # the first Tab is the 4's move; the second skips weakness
    assert form.focusWidget() is form.items["sitting_pain"]
    keys(qtbot, form, "Backtab")  # back to the one skipped
    keys(qtbot, form, "2 5")
    assert [scale.value() for scale in form.items.values()] == [3, 4, 2, 5]
    form.reject()


def test_a_click_between_digit_and_tab_ends_the_watch(qtbot, window):
    form = open_from_log_menu(qtbot, window, SBI)
    keys(qtbot, form, "3")
    form.notes.setFocus(Qt.FocusReason.MouseFocusReason)  # the user clicks into Notes
    keys(qtbot, form, "Tab")  # a plain Tab from Notes: on to Save
    assert form.focusWidget() is form.buttons.button(form.buttons.StandardButton.Save)
    form.reject()


def test_digit_then_tab_rates_the_activities_in_order(qtbot, three_named, window, journal):
    form = open_from_log_menu(qtbot, window, PSFS)
    keys(qtbot, form, "3 Tab 1 0 Tab 2 Tab")
    named, _rating = three_named
    assert [scale_named(form, a.name).value() for a in named] == [3, 10, 2]
    assert form.focusWidget() is form.new_name
    form.reject()


def test_digit_then_tab_on_the_pain_form(qtbot, window, journal):
    window.log_pain_action.trigger()
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    form = window.active_form
    keys(qtbot, form, "3 Tab 5 Tab")
    assert (form.back.value(), form.leg.value()) == (3, 5)
    assert form.focusWidget() is form.time_edit
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating) and (rating.back, rating.leg) == (3, 5)
