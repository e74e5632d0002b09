"""Every red-flag sign, ticked in the real checklist, words the notice and panel by its grade."""

from datetime import datetime

import pytest
from PySide6.QtWidgets import QLabel

from sciajournal.analysis.red_flags import URGENCY_OF, WORDING, Urgency
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.mark.parametrize("sign", list(RedFlag))
def test_each_sign_gives_its_grades_wording(qtbot, window, sign):
    form = window.log_red_flag()
    form.signs[sign].click()
    assert form.signs[sign].isChecked()
    form.buttons.button(form.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: getattr(window, "red_flag_notice", None) is not None)
    notice = window.red_flag_notice
    qtbot.wait(50)  # the event loop keeps running after the save returned
    assert notice.isVisible()
    wording = WORDING[URGENCY_OF[sign]]
    assert notice.windowTitle() == wording.heading
    text = " ".join(label.text() for label in notice.findChildren(QLabel))
    assert f"Urgency: {wording.grade}" in text
    assert RED_FLAG_LABELS[sign] in text
    assert wording.advice in text
    if URGENCY_OF[sign] is not Urgency.EMERGENCY:
        assert "emergency service" not in text
    assert "seriously compressed" not in text
    panel = " ".join(label.text() for label in window.status_panel.items)
    assert wording.short in panel and wording.grade.lower() in panel
    notice.acknowledge.click()


def test_checklist_groups_the_signs_by_urgency(qtbot, window):
    form = window.log_red_flag()
    labels = [label.text() for label in form.findChildren(QLabel)]
    headings = [text for text in labels if text.startswith("<b>") and "(" in text]
    assert headings == [f"<b>{WORDING[u].grade}</b> ({WORDING[u].where})" for u in Urgency]
    assert not any(check.isChecked() for check in form.signs.values())
    assert set(form.signs) == set(RedFlag)
    form.reject()


def test_a_rating_with_both_legs_opens_the_checklist_with_both_legs_ticked(qtbot, window, journal):
    """The Enter that saved the rating, pressed again, logs the sign the rating recorded
    (and its notice), never a check that found none (before: nothing was ticked)."""
    from PySide6.QtCore import Qt

    from sciajournal.core.entities import PainRating, RedFlagCheck
    from sciajournal.core.enums import Side
    from sciajournal.ui.forms.red_flag_form import RedFlagForm

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    form = window.active_form
    form.side.setValue(Side.BOTH)
    form.back.setFocus()
    qtbot.keyClick(form.focusWidget(), "3")
    qtbot.keyClick(form.focusWidget(), "5")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    (rating,) = journal.entries()
    assert isinstance(rating, PainRating) and rating.side is Side.BOTH
    qtbot.waitUntil(lambda: isinstance(window.active_form, RedFlagForm), timeout=3000)
    checklist = window.active_form
    qtbot.wait(200)  # still up with the event loop running after the save returned
    assert checklist.isVisible()
    assert "symptoms in both legs, new since your previous rating" in checklist.reason.text()
    ticked = [sign for sign, box in checklist.signs.items() if box.isChecked()]
    assert ticked == [RedFlag.BOTH_LEGS]
    qtbot.keyClick(checklist.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window, "red_flag_notice", None) is not None)
    qtbot.wait(100)
    (check,) = [e for e in journal.entries() if isinstance(e, RedFlagCheck)]
    assert check.signs == {RedFlag.BOTH_LEGS}
    assert window.red_flag_notice.isVisible()
    window.red_flag_notice.acknowledge.click()


def test_a_prompted_check_finds_none_only_when_the_patient_says_so(qtbot, window, journal):
    """Weakness is no checklist item by itself: nothing is ticked, and Enter saves nothing
    until the patient ticks a sign or "None of these now" (before: Enter stored "none")."""
    from PySide6.QtCore import Qt

    from sciajournal.core.entities import RedFlagCheck
    from sciajournal.core.enums import Side
    from sciajournal.ui.forms.red_flag_form import RedFlagForm

    window.log_pain_action.trigger()
    form = window.active_form
    form.back.setValue(2)
    form.leg.setValue(2)
    form.weakness.setChecked(True)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.active_form, RedFlagForm), timeout=3000)
    checklist = window.active_form
    qtbot.wait(200)
    assert "weakness, new since" in checklist.reason.text()
    assert not any(box.isChecked() for box in checklist.signs.values())
    qtbot.keyClick(checklist.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(200)
    assert checklist.isVisible()
    assert not any(isinstance(e, RedFlagCheck) for e in journal.entries())
    checklist.none_now.click()
    assert checklist.none_now.isChecked()
    qtbot.keyClick(checklist.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not checklist.isVisible())
    assert any(isinstance(e, RedFlagCheck) and not e.signs for e in journal.entries())

    # At most once a day after a check that found none.
    window.log_pain_action.trigger()
    again = window.active_form
    again.back.setValue(3)
    again.leg.setValue(6)
    again.side.setValue(Side.BOTH)  # new, but the check a moment ago found none
    again.buttons.button(again.buttons.StandardButton.Save).click()
    qtbot.wait(300)
    assert len(journal.entries()) == 3
    assert not isinstance(window.active_form, RedFlagForm)


def test_a_rating_without_a_new_nerve_sign_opens_nothing(qtbot, window, journal):
    from sciajournal.core.enums import Side
    from sciajournal.ui.forms.red_flag_form import RedFlagForm

    form = window.log_pain()
    form.back.setValue(2)
    form.leg.setValue(4)
    form.side.setValue(Side.LEFT)
    form.buttons.button(form.buttons.StandardButton.Save).click()
    qtbot.wait(300)
    assert len(journal.entries()) == 1
    assert not isinstance(window.active_form, RedFlagForm)
