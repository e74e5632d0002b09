"""A window left open past midnight (kept in the tray for days): its "today" moves on.

The clock is the window's own (a fake the test moves), in the computer's zone as the
real one is, so the test passes whatever the time and zone of the machine running it.
"""

from datetime import date, datetime

from PySide6.QtCore import Qt

from sciajournal.core.timestamps import local_aware
from sciajournal.ui.main_window import MainWindow


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def evening_window(qtbot, journal) -> tuple[MainWindow, Clock]:
    clock = Clock(local_aware(datetime(2026, 3, 10, 23, 50)))
    window = MainWindow(journal, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.view.range.preset.currentText() == "Last 30 days"
    assert window.view.date_range() == (date(2026, 2, 9), date(2026, 3, 10))
    return window, clock


def test_the_morning_rating_logged_after_midnight_shows_in_the_last_30_days(qtbot, journal):
    window, clock = evening_window(qtbot, journal)
    clock.now = local_aware(datetime(2026, 3, 11, 7, 45))
    window.log_pain_action.trigger()  # Log > Log pain (Ctrl+R): two digits and Enter
    form = window.active_form
    for key in ("2", "4", Qt.Key.Key_Return):
        qtbot.keyClick(form.focusWidget() or form, key)
    assert not form.isVisible()
    assert window.view.date_range() == (date(2026, 2, 10), date(2026, 3, 11))
    texts = [window.view.model.row_at(i).text for i in range(window.view.model.rowCount())]
    assert "07:45  Pain: back 2, leg 4" in texts


def test_the_window_moves_the_range_on_by_itself_and_leaves_a_chosen_one(qtbot, journal):
    window, clock = evening_window(qtbot, journal)
    window.follow_up_timer.setInterval(50)  # the real 30 s would only slow the test down
    clock.now = local_aware(datetime(2026, 3, 11, 0, 1))
    qtbot.waitUntil(lambda: window.view.date_range() == (date(2026, 2, 10), date(2026, 3, 11)))

    window.view.range.first.setFocus()  # a range the patient typed stays as typed
    window.view.range.first.setDate(date(2026, 3, 1))
    assert window.view.range.preset.currentText() == "Custom"
    clock.now = local_aware(datetime(2026, 3, 12, 0, 1))
    qtbot.wait(300)
    assert window.view.date_range() == (date(2026, 3, 1), date(2026, 3, 11))
