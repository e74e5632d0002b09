"""Every red-flag sign, ticked in the real checklist, words the notice and panel by its grade."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QLabel

from sciajournal.analysis.red_flags import URGENCY_OF, WORDING, Urgency
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.ui.main_window import MainWindow

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=CET)


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
