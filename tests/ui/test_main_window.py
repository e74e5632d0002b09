"""The journal window driven as a patient would, against a real journal file."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sciajournal.core.entities import PainRating, RedFlagCheck, Walk
from sciajournal.core.enums import PainContext, RedFlag
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.factories import full_note
from tests.ui.menu_driving import click, visible_problems

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def row_texts(window):
    model = window.view.model
    return [model.row_at(i).text for i in range(model.rowCount())]


def type_keys(qtbot, form, *keys):
    """Press keys wherever the focus is, as a user typing would."""
    for key in keys:
        target = form.focusWidget() or form
        if isinstance(key, str):
            qtbot.keyClick(target, key)
        else:
            qtbot.keyClick(target, key)


def test_empty_journal_explains_itself(window):
    assert window.view.empty.isVisible() and not window.view.list.isVisible()
    assert "journal is empty" in window.view.empty.text()
    assert window.view.model.rowCount() == 0


def test_logging_pain_takes_a_shortcut_two_digits_and_enter(qtbot, window, journal):
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    form = window.active_form
    assert form is not None and form.isVisible()
    type_keys(qtbot, form, "3", "5", Qt.Key.Key_Return)
    assert not form.isVisible()
    (rating,) = journal.entries()
    assert (rating.back, rating.leg, rating.context) == (3, 5, PainContext.STANDALONE)
    assert any("Pain: back 3, leg 5" in text for text in row_texts(window))


def test_log_a_walk_by_typing_and_find_it_in_view_and_database(qtbot, window, journal):
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    form = window.active_form
    type_keys(qtbot, form, "2", "4")  # pain before: back 2, leg 4
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "25")
    form.distance.setFocus()
    qtbot.keyClicks(form.distance, "1.8")
    form.end_back.setFocus()
    type_keys(qtbot, form, "3", "5", Qt.Key.Key_Return)
    assert not form.isVisible()

    walks = [e for e in journal.entries() if isinstance(e, Walk)]
    ratings = [e for e in journal.entries() if isinstance(e, PainRating)]
    assert [(w.minutes, w.distance_km) for w in walks] == [(25, 1.8)]
    assert sorted((r.context, r.back, r.leg) for r in ratings) == [
        (PainContext.BEFORE_WALK, 2, 4),
        (PainContext.END_OF_WALK, 3, 5),
    ]
    assert all(r.walk_id == walks[0].id for r in ratings)
    walk_rows = [t for t in row_texts(window) if "Walk 25 min" in t]
    assert walk_rows and "leg 4 → 5" in walk_rows[0] and "follow-up due" in walk_rows[0]


def test_bad_value_keeps_the_dialog_open_and_writes_nothing(qtbot, window, journal):
    form = window.log_walk()
    form.minutes.setValue(20)
    qtbot.keyClicks(form.distance, "far")
    form.before_back.setValue(3)  # leg left unrated
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert form.isVisible()
    errors = visible_problems(form)
    assert "not a number" in errors["Distance (km)"]
    assert "both back and leg" in errors["Back pain"]
    assert journal.is_empty()
    form.reject()


def test_edit_an_entry(qtbot, window, journal):
    note = journal.add(full_note(at=NOW - timedelta(hours=1)))
    window.refresh()
    form = window.edit_entry(note)
    form.text.setPlainText("PT session moved to Friday")
    form.accept()
    assert journal.get(note.id).text == "PT session moved to Friday"
    assert journal.get(note.id).at == note.at  # time untouched keeps its offset
    assert any("moved to Friday" in t for t in row_texts(window))


def test_delete_and_undo(qtbot, window, journal):
    form = window.log_walk()
    form.before_back.setValue(2)
    form.before_leg.setValue(3)
    form.accept()
    walk = next(e for e in journal.entries() if isinstance(e, Walk))
    assert journal.count() == 2

    window.view.list.setCurrentIndex(window.view.model.index(1, 0))
    assert window.view.list.selected_entry() == walk
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)
    assert journal.count() == 0
    assert not any("Walk" in t for t in row_texts(window))

    window.undo_action.trigger()
    assert journal.count() == 2
    assert journal.get(walk.id) == walk
    window.redo_action.trigger()
    assert journal.count() == 0


def test_follow_up_prompt_links_the_rating_to_its_walk(qtbot, journal):
    walk = Walk(start=NOW - timedelta(hours=3), minutes=30)
    journal.add_many(
        [
            walk,
            PainRating(
                at=walk.start, back=2, leg=3, context=PainContext.BEFORE_WALK, walk_id=walk.id
            ),
        ]
    )
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    assert f"follow_up:{walk.id}" in window.reminders.shown
    prompt = next(
        label for label in window.status_panel.items if "How is your pain now" in label.text()
    )
    button = prompt.parentWidget().findChild(QPushButton)
    button.click()
    form = window.active_form
    assert form is not None and "How is your pain now?" in form.findChildren(type(prompt))[0].text()
    type_keys(qtbot, form, "4", "6", Qt.Key.Key_Return)
    follow_up = next(
        e
        for e in journal.entries()
        if isinstance(e, PainRating) and e.context is PainContext.FOLLOW_UP
    )
    assert follow_up.walk_id == walk.id and (follow_up.back, follow_up.leg) == (4, 6)
    assert not any("How is your pain now" in label.text() for label in window.status_panel.items)
    assert any("pain continued" in t for t in row_texts(window))


def test_red_flag_shows_an_unmistakable_notice_and_is_logged(qtbot, window, journal):
    form = window.log_red_flag()
    form.signs[RedFlag.SADDLE_NUMBNESS].setChecked(True)
    form.accept()
    (check,) = journal.entries()
    assert isinstance(check, RedFlagCheck) and check.signs == {RedFlag.SADDLE_NUMBNESS}
    notice = window.red_flag_notice
    assert notice.isVisible() and "Go to an emergency department now" in notice.windowTitle()
    qtbot.keyClick(notice, Qt.Key.Key_Escape)
    qtbot.keyClick(notice, Qt.Key.Key_Return)
    assert notice.isVisible()  # a stray key does not dismiss it
    notice.acknowledge.click()
    assert not notice.isVisible()
    assert any("Red flag logged" in label.text() for label in window.status_panel.items)
    assert any("RED FLAG, EMERGENCY NOW" in t for t in row_texts(window))


def test_a_check_with_no_signs_is_logged_quietly(window, journal):
    form = window.log_red_flag()
    form.accept()
    assert journal.count() == 1
    assert not hasattr(window, "red_flag_notice")


def test_settings_are_stored_in_the_journal(qtbot, window, journal):
    window.files.edit_settings()
    dialog = window.active_form
    dialog.patient_name.setText("Ada Example")
    dialog.distance_unit.setCurrentIndex(1)
    dialog.follow_up_hours.setValue(3)
    dialog.accept()
    stored = journal.load_settings()
    assert (stored.patient_name, stored.distance_unit, stored.follow_up_hours) == (
        "Ada Example",
        "mi",
        3.0,
    )


def test_window_geometry_is_remembered(qtbot, journal):
    first = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen (800x600): restore clamps to it
    first.close()
    second = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_every_control_of_every_form_has_an_accessible_name(window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    for opener in (
        window.log_walk,
        window.log_pain,
        window.log_treatment,
        window.log_medication,
        window.log_red_flag,
        window.add_note,
        window.log_bothersomeness,
        window.rate_activities,
    ):
        form = opener()
        for kind in (QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QAbstractButton):
            for control in form.findChildren(kind):
                if isinstance(control, QLineEdit) and isinstance(
                    control.parent(), QAbstractSpinBox | QComboBox
                ):
                    continue  # the editor inside a spin or combo box
                name = control.accessibleName() or (
                    control.text() if isinstance(control, QAbstractButton) else ""
                )
                assert name, (
                    f"{form.windowTitle()}: {type(control).__name__} has no accessible name"
                )
        form.reject()


def test_backups_dialog_backs_up_and_restores(qtbot, window, journal):
    first = journal.add(full_note(at=NOW - timedelta(hours=2)))
    dialog = window.files.show_backups()
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("No backups yet")
    assert not dialog.restore_button.isEnabled()
    click(qtbot, dialog, "Back up now")
    assert dialog.list.count() == 1
    window.journal.add(full_note(at=NOW - timedelta(hours=1), text="after the backup"))
    window.refresh()
    assert any("after the backup" in t for t in row_texts(window))

    dialog.restore_now(dialog.selected())
    assert [e.id for e in window.journal.entries()] == [first.id]
    assert not any("after the backup" in t for t in row_texts(window))
    assert dialog.list.count() == 2  # the journal as it was, kept before restoring
    assert not window.undo_stack.canUndo()
    window.journal.close()


def test_open_failure_offers_the_newest_good_backup(journal_path, tmp_path):
    from sciajournal.storage.backups import make_backup
    from sciajournal.storage.journal import Journal
    from sciajournal.ui.dialogs.open_failure import newest_good_backup

    with Journal.open(journal_path) as opened:
        opened.add(full_note())
        good = make_backup(journal_path, "manual", now=datetime(2026, 3, 1, 9, 0))
        damaged = make_backup(journal_path, "manual", now=datetime(2026, 3, 2, 9, 0))
    damaged.write_bytes(b"not a journal")
    assert newest_good_backup(journal_path) == good  # the damaged newer one is skipped


def test_filter_by_kind(qtbot, window, journal):
    journal.add_many(
        [full_note(at=NOW - timedelta(hours=3)), Walk(start=NOW - timedelta(hours=2), minutes=15)]
    )
    window.refresh()
    window.view.kind.setCurrentText("Walks")
    entries = [window.view.model.row_at(i).entry for i in range(window.view.model.rowCount())]
    assert [type(e) for e in entries if e is not None] == [Walk]
    window.view.kind.setCurrentText("Notes")
    entries = [window.view.model.row_at(i).entry for i in range(window.view.model.rowCount())]
    assert [type(e).__name__ for e in entries if e is not None] == ["Note"]


def test_restoring_a_backup_asks_first(qtbot, window, journal):
    from tests.ui.test_open_failure import press_later

    journal.add(full_note(at=NOW - timedelta(hours=2)))
    dialog = window.files.show_backups()
    click(qtbot, dialog, "Back up now")
    window.journal.add(full_note(at=NOW - timedelta(hours=1), text="kept when cancelled"))
    press_later("Cancel")
    click(qtbot, dialog, "Restore selected")
    assert window.journal.count() == 2  # cancelled: nothing restored
    press_later("&Yes")
    click(qtbot, dialog, "Restore selected")
    assert window.journal.count() == 1
    window.journal.close()


def test_settings_restore_defaults_and_keep_amber_below_red(qtbot, window):
    from sciajournal.core.settings import Settings

    window.files.edit_settings()
    dialog = window.active_form
    dialog.follow_up_hours.setValue(5)
    dialog.amber.setValue(7)
    dialog.red.setValue(5)
    chosen = dialog.chosen()
    assert (chosen.follow_up_hours, chosen.amber_from, chosen.red_from) == (5.0, 5, 7)
    click(qtbot, dialog, "Restore Defaults")
    assert dialog.chosen() == Settings()
    dialog.reject()


def test_all_time_hides_the_dates_it_does_not_use(qtbot, window):
    window.view.range.preset.setCurrentText("All time")
    assert not window.view.range.first.isVisible() and not window.view.range.last.isVisible()
    window.view.range.preset.setCurrentText("Last 7 days")
    assert window.view.range.first.isVisible() and window.view.range.last.isVisible()


def test_deleting_names_the_kind_in_words(qtbot, window, journal):
    from sciajournal.core.entities import MedicationDose

    dose = journal.add(MedicationDose(at=NOW - timedelta(hours=1), name="Ibuprofen", dose=400))
    window.refresh()
    model = window.view.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).entry == dose)
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage().startswith("Deleted the medication dose.")
    assert window.undo_action.text() == "&Undo Delete medication dose"


def test_deleting_a_walk_says_its_ratings_go_too_and_undo_clears_the_message(
    qtbot, window, journal
):
    walk = journal.add(Walk(start=NOW - timedelta(hours=4), minutes=20))
    for minutes, context in ((-5, PainContext.BEFORE_WALK), (20, PainContext.END_OF_WALK)):
        journal.add(
            PainRating(
                at=walk.start + timedelta(minutes=minutes),
                back=2,
                leg=3,
                context=context,
                walk_id=walk.id,
            )
        )
    window.refresh()
    model = window.view.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).entry == walk)
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == (
        "Deleted the walk and its 2 pain ratings. Press Ctrl+Z to undo."
    )
    assert journal.get(walk.id) is None
    window.undo_action.trigger()
    qtbot.wait(50)
    assert journal.get(walk.id) is not None
    assert window.statusBar().currentMessage() == ""


def test_quick_pain_in_the_morning_after_a_walk_is_that_morning_rating(qtbot, journal):
    """Log pain (Ctrl+R), two digits, Enter while the window asks for this morning's rating."""
    morning = datetime(2026, 3, 11, 7, 30, tzinfo=LOCAL)
    walk = journal.add(Walk(start=NOW - timedelta(hours=5), minutes=20))
    shown = MainWindow(journal, clock=lambda: morning)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    assert shown.log_pain_action.shortcut().toString() == "Ctrl+R"
    shown.log_pain_action.trigger()
    form = shown.active_form
    assert form is not None and form.isVisible()
    type_keys(qtbot, form, "2", "4", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    (rating,) = [e for e in journal.entries() if isinstance(e, PainRating)]
    assert (rating.back, rating.leg, rating.context) == (2, 4, PainContext.MORNING)
    assert rating.walk_id in (None, walk.id)


def test_the_status_panel_and_reminders_show_a_save_at_once(qtbot, journal):
    """The status area's reads are narrowed (no second read of red-flag checks, only the
    latest weekly check): what was just saved, and an older red flag, still show."""
    from sciajournal.core.entities import BothersomenessCheck

    earlier = NOW - timedelta(days=9)
    journal.add_many(
        [
            RedFlagCheck(at=earlier, signs=frozenset({RedFlag.SADDLE_NUMBNESS})),
            PainRating(at=earlier, back=1, leg=1),
        ]
    )
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    assert "latest pain back 1, leg 1" in window.status_panel.today.text()
    window.log_pain_action.trigger()
    form = window.active_form
    assert form is not None
    type_keys(qtbot, form, "5", "7", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "latest pain back 5, leg 7" in window.status_panel.today.text())
    assert any("Red flag logged" in label.text() for label in window.status_panel.items)
    assert journal.last_before(BothersomenessCheck) is None
