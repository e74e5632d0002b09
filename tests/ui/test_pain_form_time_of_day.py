"""The pain form's time of day, by keys: a morning rating's sleep questions say they are
about last night and a bedtime rating's sitting question about today; a reminder answered
long after its time opens the form as Log pain would then."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sciajournal.core.enums import PainContext
from sciajournal.ui.forms.entry_form import to_qdatetime
from tests.ui.test_forms_digit_then_tab import keys
from tests.ui.test_function_forms import open_from_log_menu, window
from tests.ui.test_reminders import MORNING, Clock, at, open_window, with_tray

__all__ = ["window", "with_tray"]  # fixtures, used by name


def shown_captions(form) -> set[str]:
    return {
        label.text().replace("&", "")
        for label in form.findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None
    }


def choose_when(qtbot, form, steps: int) -> None:
    """Alt+W to the When box, then Down `steps` times, as a keyboard user picks."""
    form.activateWindow()  # a mnemonic works in the active window
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert form.focusWidget() is form.context
    for _ in range(steps):
        qtbot.keyClick(form.context, Qt.Key.Key_Down)


def test_sleep_questions_say_last_night_and_sitting_says_today(qtbot, window):
    form = open_from_log_menu(qtbot, window, "Log pain")
    choose_when(qtbot, form, 1)
    assert form.context.value() is PainContext.MORNING
    captions = shown_captions(form)
    assert {"Times woken by pain last night", "Hours slept last night"} <= captions
    assert not any("sitting" in caption for caption in captions)
    qtbot.keyClick(form.context, Qt.Key.Key_Down)
    assert form.context.value() is PainContext.BEDTIME
    captions = shown_captions(form)
    assert "Longest comfortable sitting today" in captions
    assert not any("last night" in caption for caption in captions)
    assert form.sitting.placeholderText() == "optional: minutes, if you know"
    form.reject()


# -- a bedtime reminder answered the next morning ---------------------------------------


def test_last_nights_bedtime_reminder_clicked_in_the_morning_opens_as_log_pain_does(
    qtbot, journal, with_tray
):
    """The tray keeps last night's message; clicked at 09:00 it opened a Bedtime rating
    timed 09:00. Now the time of day decides ("Any time", as Ctrl+R then), and the patient
    may still choose Bedtime and give last night's time."""
    journal.save_settings(MORNING)  # bedtime reminder at 23:30
    clock = Clock(at(23, 29))
    window = open_window(qtbot, journal, clock)
    (tray,) = with_tray
    clock.now = at(23, 31)
    qtbot.waitUntil(lambda: tray.messages != [])
    assert tray.messages == [("Bedtime pain rating", "How is your pain at the end of the day?")]
    clock.now = at(9, 0, day=11)
    tray.messageClicked.emit()
    form = window.active_form
    assert form is not None and form.isVisible()
    assert form.context.value() is PainContext.STANDALONE
    choose_when(qtbot, form, 2)  # Bedtime, by choice
    assert form.context.value() is PainContext.BEDTIME
    last_night = at(23, 40).astimezone().replace(tzinfo=None)  # as the time field shows it
    form.time_edit.setDateTime(to_qdatetime(last_night))
    keys(qtbot, form, "Backtab Backtab Backtab 2 3")  # from When back to the scales
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    (saved,) = journal.entries()
    assert (saved.context, saved.at, saved.back, saved.leg) == (
        PainContext.BEDTIME,
        at(23, 40),
        2,
        3,
    )


def test_a_bedtime_reminder_clicked_at_bedtime_opens_a_bedtime_rating(qtbot, journal, with_tray):
    journal.save_settings(MORNING)
    clock = Clock(at(23, 29))
    window = open_window(qtbot, journal, clock)
    (tray,) = with_tray
    clock.now = at(23, 31)
    qtbot.waitUntil(lambda: tray.messages != [])
    clock.now = at(23, 50)
    tray.messageClicked.emit()
    form = window.active_form
    assert form is not None and form.context.value() is PainContext.BEDTIME
    form.reject()
