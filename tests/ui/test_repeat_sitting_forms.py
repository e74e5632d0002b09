"""A second activities rating or bothersomeness check minutes after another is taken for
a double Save: the form asks, naming the first one's time, and saves only if told to."""

from PySide6.QtCore import Qt

from sciajournal.core.entities import BothersomenessCheck, FunctionRating
from tests.ui.menu_driving import click, press_in_modal_later
from tests.ui.test_forms_digit_then_tab import keys
from tests.ui.test_function_forms import NOW, open_from_log_menu, three_named, window

__all__ = ["three_named", "window"]  # fixtures, used by name

PSFS = "Activities I find hard (PSFS)"
SBI = "Sciatica bothersomeness (weekly)"
LOCAL_NOW = NOW.astimezone().strftime("%H:%M")  # as the form's time shows it


def saved(journal, kind) -> int:
    return sum(isinstance(entry, kind) for entry in journal.entries())


def test_a_second_activities_rating_in_the_same_minute_is_asked_about(
    qtbot, three_named, window, journal
):
    form = open_from_log_menu(qtbot, window, PSFS)  # the last rating was a week ago
    keys(qtbot, form, "3 4 2")
    click(qtbot, form, "Save")  # no question
    qtbot.waitUntil(lambda: not form.isVisible())
    assert saved(journal, FunctionRating) == 2

    again = open_from_log_menu(qtbot, window, PSFS)
    keys(qtbot, again, "3 4 2")
    asked = press_in_modal_later("Back to the form")
    click(qtbot, again, "Save")
    qtbot.wait(300)
    assert asked == [f"You rated your activities at {LOCAL_NOW} already: save another rating?"]
    assert again.isVisible() and saved(journal, FunctionRating) == 2

    asked = press_in_modal_later("Save another")
    qtbot.keyClick(again.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert asked and saved(journal, FunctionRating) == 3


def test_a_second_bothersomeness_check_minutes_later_is_asked_about(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, SBI)
    keys(qtbot, form, "3 4 2 5")
    click(qtbot, form, "Save")
    qtbot.waitUntil(lambda: not form.isVisible())

    again = open_from_log_menu(qtbot, window, SBI)
    keys(qtbot, again, "3 4 2 5")
    asked = press_in_modal_later("Back to the form")
    click(qtbot, again, "Save")
    qtbot.wait(300)
    assert asked == [f"You answered these questions at {LOCAL_NOW} already: save another check?"]
    assert again.isVisible() and saved(journal, BothersomenessCheck) == 1
    again.reject()
