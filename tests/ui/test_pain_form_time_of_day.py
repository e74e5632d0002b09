"""The pain form's time of day, by keys: a morning rating's sleep questions say they are
about last night and a bedtime rating's sitting question about today."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sciajournal.core.enums import PainContext
from tests.ui.test_function_forms import open_from_log_menu, window

__all__ = ["window"]  # a fixture, used by name


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
