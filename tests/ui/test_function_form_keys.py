"""The activities form (PSFS) by keyboard alone, as an outside reviewer drove it: Return in
the add box adds, "1 0" types 10, Alt+N reaches the add box, Retire by Tab and Space."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sciajournal.ui.widgets.pain_scale import TEN_WAIT_MS, PainScale
from tests.ui import test_function_forms as activities_tests
from tests.ui.menu_driving import visible_problems
from tests.ui.test_function_forms import NOW, open_from_log_menu, scale_named

# The same window and three named activities as the mouse-driven tests.
window = activities_tests.window
three_named = activities_tests.three_named

TITLE = "Activities I find hard (PSFS)"


def press(qtbot, form, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(form.focusWidget(), key, modifier)


def typed(qtbot, form, text):
    """Each character to whatever has the focus then, as a user's keys go."""
    for char in text:
        qtbot.keyClicks(form.focusWidget(), char)


def names_and_scores(journal):
    stored = journal.collection()
    names = {a.id: a.name for a in stored.function_activities}
    latest = stored.function_ratings[-1]
    return [(names[s.activity_id], s.score) for s in latest.scores]


def test_return_in_the_add_box_adds_the_activity_and_does_not_save(
    qtbot, three_named, window, journal
):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "342")  # the last scale moves the focus to the add box
    assert form.focusWidget() is form.new_name
    typed(qtbot, form, "Climb stairs")
    press(qtbot, form, Qt.Key.Key_Return)
    assert form.isVisible()
    assert isinstance(form.focusWidget(), PainScale)  # on the new row, to rate it
    assert form.focusWidget().accessibleName() == "Climb stairs, not rated"
    typed(qtbot, form, "5")
    press(qtbot, form, Qt.Key.Key_Return)  # the add box is empty now: Return saves
    qtbot.waitUntil(lambda: not form.isVisible())
    assert names_and_scores(journal) == [
        ("Walk to the shop", 3),
        ("Put on socks", 4),
        ("Sit through a meal", 2),
        ("Climb stairs", 5),
    ]


def test_a_name_typed_but_not_added_stops_saving_with_a_word(qtbot, three_named, window, journal):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "342Climb stairs")
    before = len(journal.entries())
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert form.isVisible() and len(journal.entries()) == before
    assert visible_problems(form) == {
        "Add an activity": "“Climb stairs” is not added yet: press Add, or clear the box"
    }
    form.reject()


def test_one_zero_types_ten_and_a_lone_one_moves_on_after_a_moment(
    qtbot, three_named, window, journal
):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "10")
    assert scale_named(form, "Walk to the shop").value() == 10
    assert form.focusWidget() is scale_named(form, "Put on socks")
    assert scale_named(form, "Put on socks").value() is None
    typed(qtbot, form, "1")
    assert scale_named(form, "Put on socks").value() == 1
    qtbot.waitUntil(lambda: form.focusWidget() is scale_named(form, "Sit through a meal"))
    typed(qtbot, form, "0")
    assert scale_named(form, "Sit through a meal").value() == 0
    # the "0" never spills into the add box
    assert form.new_name.currentText() == ""
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert names_and_scores(journal) == [
        ("Walk to the shop", 10),
        ("Put on socks", 1),
        ("Sit through a meal", 0),
    ]


def test_one_then_another_digit_rates_this_and_the_next(qtbot, three_named, window):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "157")
    assert [scale_named(form, n).value() for n in ("Walk to the shop", "Put on socks")] == [1, 5]
    assert scale_named(form, "Sit through a meal").value() == 7
    form.reject()


def test_the_pain_form_still_takes_one_digit_per_scale_and_ten_by_one_zero(qtbot, window, journal):
    form = open_from_log_menu(qtbot, window, "Log pain")
    typed(qtbot, form, "1")
    qtbot.wait(TEN_WAIT_MS + 300)
    typed(qtbot, form, "10")
    scales = form.findChildren(PainScale)
    assert [s.value() for s in scales[:2]] == [1, 10]
    form.reject()


def test_alt_n_puts_the_focus_in_the_add_box(qtbot, three_named, window):
    form = open_from_log_menu(qtbot, window, TITLE)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    press(qtbot, form, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert form.focusWidget() is form.new_name
    qtbot.keyClicks(form.focusWidget(), "Climb stairs")
    assert form.new_name.currentText() == "Climb stairs"
    assert form.notes.text() == ""
    form.reject()


def test_retire_is_reached_by_tab_and_the_next_return_saves(qtbot, three_named, window, journal):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "34")  # walk 3, socks 4; the meal is to be retired
    for _ in range(20):
        if form.focusWidget().accessibleName() == "Retire Sit through a meal":
            break
        press(qtbot, form, Qt.Key.Key_Tab)
    retire = form.focusWidget()
    assert isinstance(retire, QPushButton) and retire.accessibleName().endswith("a meal")
    press(qtbot, form, Qt.Key.Key_Space)
    assert retire.text() == "Keep"
    assert form.focusWidget() is not retire and isinstance(form.focusWidget(), PainScale)
    press(qtbot, form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    by_name = {a.name: a for a in journal.collection().function_activities}
    assert by_name["Sit through a meal"].retired == NOW.replace(second=0)
    assert names_and_scores(journal) == [("Walk to the shop", 3), ("Put on socks", 4)]


def test_tab_order_after_adding_reaches_every_retire_and_remove(qtbot, three_named, window):
    form = open_from_log_menu(qtbot, window, TITLE)
    typed(qtbot, form, "342Climb stairs")
    press(qtbot, form, Qt.Key.Key_Return)
    seen = []
    for _ in range(14):
        seen.append(form.focusWidget().accessibleName())
        press(qtbot, form, Qt.Key.Key_Tab)
    assert {
        "Retire Walk to the shop",
        "Retire Put on socks",
        "Retire Sit through a meal",
        "Remove Climb stairs",
    } <= set(seen)
    form.reject()
