"""Reminders: what is due when (fake clock), and how the window and the tray show it."""

import dataclasses
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon

from sciajournal.analysis.today import today_status
from sciajournal.core.collection import Entries
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings
from sciajournal.ui import reminders as reminders_module
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.reminder_schedule import (
    DAILY_REMINDER_LASTS,
    ReminderKind,
    daily_reminders,
    not_yet_shown,
    reminders_due,
)
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import click, menu_action

#: The window schedules by the computer's zone: its test clock runs in the computer's offset.
LOCAL = MACHINE_OFFSET
BERLIN = ZoneInfo("Europe/Berlin")


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LOCAL)


MORNING = dataclasses.replace(Settings(), morning_reminder="07:30", bedtime_reminder="23:30")


def rating(
    when: datetime, context: PainContext = PainContext.STANDALONE, walk: Walk | None = None
) -> PainRating:
    return PainRating(at=when, back=2, leg=3, context=context, walk_id=walk.id if walk else None)


class Clock:
    """A fake clock the test moves forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# -- what is due when ----------------------------------------------------------------


def kinds_at(now: datetime, ratings=(), settings: Settings = MORNING) -> list[ReminderKind]:
    return [r.kind for r in daily_reminders(settings, now, ratings, LOCAL)]


def test_the_morning_reminder_is_due_from_its_time_until_it_goes_stale():
    assert kinds_at(at(7, 29)) == []
    assert kinds_at(at(7, 30)) == [ReminderKind.MORNING]
    last_minute = at(7, 30) + DAILY_REMINDER_LASTS - timedelta(minutes=1)
    assert kinds_at(last_minute) == [ReminderKind.MORNING]
    assert kinds_at(at(7, 30) + DAILY_REMINDER_LASTS) == []


def test_a_morning_rating_answers_the_morning_reminder_but_another_rating_does_not():
    assert kinds_at(at(8), [rating(at(7, 40))]) == [ReminderKind.MORNING]
    assert kinds_at(at(8), [rating(at(7, 40), PainContext.MORNING)]) == []
    assert kinds_at(at(8), [rating(at(6, 50), PainContext.MORNING)]) == []  # an early riser
    yesterday = rating(at(7, 40, day=9), PainContext.MORNING)
    assert kinds_at(at(8), [yesterday]) == [ReminderKind.MORNING]


def test_a_late_bedtime_reminder_is_still_due_after_midnight_under_its_own_day():
    (reminder,) = daily_reminders(MORNING, at(0, 30, day=11), [], LOCAL)
    assert reminder.kind is ReminderKind.BEDTIME
    assert reminder.key == "bedtime:2026-03-10"
    assert reminder.due == at(23, 30)


def bedtime_due(now: datetime) -> list[str]:
    return [r.key for r in daily_reminders(MORNING, now, [], BERLIN) if r.kind == "bedtime"]


def test_on_the_night_the_clocks_go_forward_the_bedtime_reminder_keeps_its_three_hours():
    # Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST. Last night's 23:30 (+01:00) was
    # 2 h 30 min before 03:00 CEST, so the reminder still stands until 03:30 CEST.
    night = datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN)
    (reminder,) = daily_reminders(MORNING, night + timedelta(minutes=15), [], BERLIN)
    assert reminder.key == "bedtime:2026-03-28"
    assert reminder.due == datetime(2026, 3, 28, 23, 30, tzinfo=BERLIN)
    assert reminder.due.utcoffset() == timedelta(hours=1)
    assert bedtime_due(night + timedelta(minutes=29)) == ["bedtime:2026-03-28"]
    assert bedtime_due(night + timedelta(minutes=30)) == []  # three real hours later


def test_on_the_night_the_clocks_go_back_the_reminder_lasts_three_real_hours():
    # Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:15 comes twice.
    first_pass = datetime(2026, 10, 25, 2, 15, tzinfo=BERLIN)  # +02:00
    second_pass = datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=BERLIN)  # +01:00
    assert bedtime_due(first_pass) == ["bedtime:2026-10-24"]  # 2 h 45 min after 23:30
    assert bedtime_due(second_pass) == []  # 3 h 45 min after 23:30


def test_the_morning_after_a_change_reminds_at_its_wall_time():
    morning = dataclasses.replace(MORNING, bedtime_reminder="")
    for day in (29, 30):  # the change's day, and the next
        early = datetime(2026, 3, day, 7, 29, tzinfo=BERLIN)
        assert daily_reminders(morning, early, [], BERLIN) == []
        (due,) = daily_reminders(morning, early + timedelta(minutes=1), [], BERLIN)
        assert due.due.strftime("%H:%M %z") == "07:30 +0200"


def test_no_time_or_an_unreadable_one_means_no_reminder():
    for text in ("", "7.30", "25:00", "morning"):
        settings = dataclasses.replace(Settings(), morning_reminder=text)
        assert daily_reminders(settings, at(8), [], LOCAL) == []


def test_the_follow_up_reminder_comes_after_the_follow_up_window_from_settings():
    walk = Walk(start=at(11), minutes=60)  # ends at 12:00
    entries = Entries.of([walk, rating(at(10, 55), PainContext.BEFORE_WALK, walk)])

    def due(now: datetime, settings: Settings) -> list[str]:
        status = today_status(entries, now, settings)
        return [r.key for r in reminders_due(settings, now, entries.pain, status.follow_ups)]

    three_hours = dataclasses.replace(Settings(), follow_up_hours=3.0)
    assert due(at(14, 59), three_hours) == []
    assert due(at(15), three_hours) == [f"follow_up:{walk.id}"]
    assert due(at(14), Settings()) == [f"follow_up:{walk.id}"]
    assert due(at(15), dataclasses.replace(three_hours, follow_up_reminder=False)) == []


def test_each_reminder_is_announced_once():
    shown: set[str] = set()
    due = daily_reminders(MORNING, at(8), [], LOCAL)
    assert not_yet_shown(due, shown) == due
    assert not_yet_shown(due, shown) == []
    tomorrow = daily_reminders(MORNING, at(8, day=11), [], LOCAL)
    assert not_yet_shown(tomorrow, shown) == tomorrow


def test_reminder_settings_survive_storage_including_switched_off_ones():
    chosen = dataclasses.replace(
        MORNING, follow_up_reminder=False, keep_running_in_tray=True, bedtime_reminder=""
    )
    assert Settings.from_stored(chosen.to_stored()) == chosen
    assert Settings.from_stored({"follow_up_reminder": "yes"}).follow_up_reminder is True


# -- in the window -------------------------------------------------------------------


class FakeTray(QSystemTrayIcon):
    """A tray that records its messages (the offscreen test platform has no tray)."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.messages: list[tuple[str, str]] = []

    def supportsMessages(self) -> bool:
        return True

    def showMessage(self, title, text, *_args) -> None:
        self.messages.append((title, text))


@pytest.fixture
def with_tray(monkeypatch):
    trays: list[FakeTray] = []

    def make(parent):
        trays.append(FakeTray(parent))
        return trays[-1]

    # The window imports it when its journal is handed over, so from the module it is in.
    monkeypatch.setattr(reminders_module, "make_tray", make)
    return trays


def open_window(qtbot, journal, clock) -> MainWindow:
    window = MainWindow(journal, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.follow_up_timer.setInterval(50)  # the real 30 s would only slow the test down
    return window


def test_without_a_tray_the_morning_reminder_waits_in_the_window_and_is_answered(qtbot, journal):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # as on a desktop without a tray
    journal.save_settings(MORNING)
    clock = Clock(at(7, 29))
    window = open_window(qtbot, journal, clock)
    assert window.reminder_bar.isHidden()
    clock.now = at(7, 30)
    qtbot.waitUntil(window.reminder_bar.isVisible)  # the window's own timer found it due
    (reminder,) = window.reminder_bar.reminders
    assert reminder.kind is ReminderKind.MORNING
    texts = [label.text() for label in window.reminder_bar.findChildren(QLabel)]
    assert any("Morning pain rating" in text and "07:30" in text for text in texts)
    click(qtbot, window.reminder_bar, "Rate now")
    form = window.active_form
    assert form is not None and form.isVisible()
    for key in ("3", "4"):
        qtbot.keyClick(form.focusWidget(), key)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    (saved,) = journal.entries()
    assert (saved.context, saved.back, saved.leg) == (PainContext.MORNING, 3, 4)
    qtbot.waitUntil(window.reminder_bar.isHidden)


def test_not_now_dismisses_a_reminder_for_the_day(qtbot, journal):
    journal.save_settings(MORNING)
    window = open_window(qtbot, journal, Clock(at(8)))
    click(qtbot, window.reminder_bar, "Not now")
    qtbot.wait(200)  # several timer rounds: it does not come back
    assert window.reminder_bar.isHidden()
    assert journal.count() == 0


def test_with_a_tray_a_follow_up_is_a_tray_message_once_and_clicking_it_asks(
    qtbot, journal, with_tray
):
    walk = Walk(start=at(11), minutes=60)
    journal.add_many([walk, rating(at(10, 55), PainContext.BEFORE_WALK, walk)])
    clock = Clock(at(13, 59))
    window = open_window(qtbot, journal, clock)
    (tray,) = with_tray
    assert tray.messages == []
    clock.now = at(14, 1)
    qtbot.waitUntil(lambda: tray.messages != [])
    qtbot.wait(200)  # more timer rounds: still one message
    assert tray.messages == [("How is your pain now?", "Your 60-minute walk ended at 12:00.")]
    assert window.reminder_bar.isHidden()  # a follow-up has its line in the status area
    tray.messageClicked.emit()
    form = window.active_form
    assert form is not None and form.isVisible()
    assert form.context.value() is PainContext.FOLLOW_UP


def test_keep_running_in_the_tray_hides_on_close_and_quits_from_the_tray(qtbot, journal, with_tray):
    journal.save_settings(dataclasses.replace(MORNING, keep_running_in_tray=True))
    clock = Clock(at(6))
    window = open_window(qtbot, journal, clock)
    (tray,) = with_tray
    window.close()
    assert window.isHidden()
    assert journal.count() == 0  # the journal stays open for the reminders
    assert tray.messages[-1][0] == "SciaJournal is still running"
    clock.now = at(7, 31)
    qtbot.waitUntil(lambda: tray.messages[-1][0] == "Morning pain rating")  # while hidden
    window.reminders.open_action.trigger()
    assert window.isVisible()
    window.reminders.quit_action.trigger()
    assert window.isHidden() and not window.follow_up_timer.isActive()


def test_without_a_tray_closing_quits_even_with_the_option_on(qtbot, journal):
    journal.save_settings(dataclasses.replace(MORNING, keep_running_in_tray=True))
    window = open_window(qtbot, journal, Clock(at(6)))
    window.close()
    assert window.isHidden() and not window.follow_up_timer.isActive()


def test_reminders_are_set_in_settings(qtbot, journal):
    window = open_window(qtbot, journal, Clock(at(6)))
    menu_action(window, "File", "Settings").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    box = dialog.reminders
    assert not box.keep_in_tray.isEnabled()  # no tray here, and it says so
    assert "no tray" in box.keep_in_tray.text()
    assert not box.morning_time.isEnabled()  # off until its box is ticked
    qtbot.mouseClick(box.morning, Qt.MouseButton.LeftButton, pos=box.morning.rect().center())
    assert box.morning_time.isEnabled()
    box.morning_time.setTime(QTime(7, 15))
    qtbot.mouseClick(box.follow_up, Qt.MouseButton.LeftButton, pos=box.follow_up.rect().center())
    click(qtbot, dialog, "Save")
    qtbot.waitUntil(lambda: journal.load_settings().morning_reminder == "07:15")
    saved = journal.load_settings()
    assert (saved.bedtime_reminder, saved.follow_up_reminder) == ("", False)


def test_a_command_is_told_that_sciajournal_is_running_in_the_tray(
    qtbot, journal, journal_path, with_tray
):
    journal.save_settings(dataclasses.replace(Settings(), keep_running_in_tray=True))
    window = open_window(qtbot, journal, Clock(at(6)))

    def write_from_the_command_line() -> str:
        child = subprocess.run(
            [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "demo", "--days", "1"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert child.returncode == 1 and "Traceback" not in child.stderr
        return child.stderr

    assert "open in a SciaJournal window" in write_from_the_command_line()
    window.close()
    assert "SciaJournal is running in the tray" in write_from_the_command_line()
    window.reminders.quit_action.trigger()
    assert journal.count() == 0


# -- the weekly bothersomeness check (issue 16) ----------------------------------------


def test_the_bothersomeness_reminder_comes_a_week_after_the_last_check_and_not_before_a_first():
    from sciajournal.ui.reminder_schedule import bothersomeness_reminders

    last = at(19, 30, day=3)
    assert bothersomeness_reminders(Settings(), at(19, 29, day=10), last) == []
    (due,) = bothersomeness_reminders(Settings(), at(19, 30, day=10), last)
    assert (due.kind, due.key, due.due) == (
        ReminderKind.BOTHERSOMENESS,
        "bothersomeness:2026-03-10",
        at(19, 30, day=10),
    )
    assert bothersomeness_reminders(Settings(), at(9, day=12), last) == [due]  # until answered
    assert bothersomeness_reminders(Settings(), at(9, day=12), None) == []
    off = dataclasses.replace(Settings(), bothersomeness_reminder=False)
    assert bothersomeness_reminders(off, at(9, day=12), last) == []


def test_the_bothersomeness_reminder_opens_its_form_and_a_check_answers_it(qtbot, journal):
    from sciajournal.core.entities import BothersomenessCheck

    journal.add(
        BothersomenessCheck(
            at=at(19, 30, day=2), leg_pain=4, numbness_tingling=3, weakness=1, sitting_pain=4
        )
    )
    window = open_window(qtbot, journal, Clock(at(10)))
    qtbot.waitUntil(window.reminder_bar.isVisible)
    (reminder,) = window.reminder_bar.reminders
    assert reminder.kind is ReminderKind.BOTHERSOMENESS
    click(qtbot, window.reminder_bar, "Rate now")
    form = window.active_form
    assert form is not None and form.windowTitle() == "Sciatica bothersomeness (weekly)"
    for digit in "3202":
        qtbot.keyClicks(form.focusWidget(), digit)
    click(qtbot, form, "Save")
    qtbot.waitUntil(window.reminder_bar.isHidden)
    assert len(journal.collection().bothersomeness) == 2


def test_the_bothersomeness_reminder_is_switched_in_settings(qtbot, journal):
    from sciajournal.ui.reminders_settings import ReminderSettingsBox

    box = ReminderSettingsBox(Settings(), has_tray=False)
    qtbot.addWidget(box)
    assert box.bothersomeness.isChecked()
    box.bothersomeness.click()
    chosen = dataclasses.replace(Settings(), **box.chosen())
    journal.save_settings(chosen)
    assert journal.load_settings().bothersomeness_reminder is False
