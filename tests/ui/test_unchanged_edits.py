"""Opening an entry and saving it unchanged changes nothing, to the last decimal.

Each entry is opened as a user opens it (select its row, press Enter), saved with the
form's Save button, and the whole journal export is compared before and after.
"""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import Pace, PainContext, Reach, RedFlag, Side, Surface, TreatmentKind
from sciajournal.exchange.json_format import export_journal
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import click

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
# Entered abroad, in summer time: the offset must survive too.
CEST = timezone(timedelta(hours=2))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
SOME_TIME = datetime(2026, 3, 9, 10, 7, 31, 500_000, tzinfo=CEST)


#: Two activities named a moment apart; the rating below lists them in the other order.
ACTIVITIES = [
    FunctionActivity(added=SOME_TIME, name="Walk to the shop"),
    FunctionActivity(added=SOME_TIME + timedelta(seconds=1), name="Sit through a meal"),
]


def device_walk(**changes: object) -> Walk:
    walk = Walk(
        start=SOME_TIME,
        minutes=22.5,
        surface=Surface.HILLS,
        pace=Pace.BRISK,
        distance_km=2.345,
        steps=3017,
        symptoms_after_minutes=7.25,
        pain_lasted_hours=2.75,
        notes="  imported, with spaces  ",
    )
    return replace(walk, **changes)  # type: ignore[arg-type]


def walk_with_ratings(walk: Walk) -> list:
    return [
        walk,
        # Rated five minutes before setting off and three after the end: not the form's
        # own defaults (one minute before, at the end), so a rebuilt time would show.
        PainRating(
            at=walk.start - timedelta(minutes=5),
            back=0,
            leg=10,
            context=PainContext.BEFORE_WALK,
            walk_id=walk.id,
        ),
        PainRating(
            at=walk.end + timedelta(minutes=3),
            back=10,
            leg=0,
            context=PainContext.END_OF_WALK,
            walk_id=walk.id,
        ),
    ]


CASES = {
    "walk from a device": walk_with_ratings(device_walk()),
    "longest valid walk": [
        device_walk(minutes=719.99, distance_km=99.999, symptoms_after_minutes=719.99)
    ],
    "tiny walk": [device_walk(minutes=0.1, distance_km=0.001, steps=0, symptoms_after_minutes=0)],
    "pain rating": [
        PainRating(
            at=SOME_TIME,
            back=3,
            leg=7,
            side=Side.BOTH,
            reach=Reach.FOOT,
            numbness=True,
            notes="\tafter the car ride ",
        )
    ],
    "ice/heat": [
        Treatment(
            start=SOME_TIME,
            kind=TreatmentKind.HEAT,
            minutes=17.75,
            body_area=" back of thigh ",
            back_before=0,
            leg_before=10,
            back_after=10,
            leg_after=0,
            notes="bath",
        )
    ],
    "medication": [
        MedicationDose(
            at=SOME_TIME,
            name="Pregabalin ",
            dose=0.123456789,
            unit="mg",
            quantity=1.3333333,
            as_needed=False,
        )
    ],
    "large medication dose": [
        MedicationDose(at=SOME_TIME, name="Paracetamol", dose=99_999.5, unit="mcg", quantity=100)
    ],
    "red-flag check": [
        RedFlagCheck(at=SOME_TIME, signs=frozenset({RedFlag.BOTH_LEGS}), notes="called 111 ")
    ],
    "note": [Note(at=SOME_TIME, text="  line one\n\nline two  ")],
    "morning rating with sleep": [
        PainRating(
            at=SOME_TIME,
            back=2,
            leg=6,
            context=PainContext.MORNING,
            times_woken=3,
            hours_slept=5.75,
        )
    ],
    "bedtime rating with sitting": [
        PainRating(
            at=SOME_TIME,
            back=2,
            leg=6,
            context=PainContext.BEDTIME,
            comfortable_sitting_minutes=37.5,
        )
    ],
    "bothersomeness": [
        BothersomenessCheck(
            at=SOME_TIME,
            leg_pain=6,
            numbness_tingling=0,
            weakness=3,
            sitting_pain=5,
            notes=" drove to Leeds ",
        )
    ],
    "activity": [
        FunctionActivity(
            added=SOME_TIME,
            name=" Put on socks ",
            retired=SOME_TIME + timedelta(hours=5, seconds=7),
            notes="left foot ",
        )
    ],
    "activities rating": [
        FunctionRating(
            at=SOME_TIME + timedelta(minutes=3),
            scores=(ActivityScore(ACTIVITIES[1].id, 10), ActivityScore(ACTIVITIES[0].id, 0)),
            notes=" after physio",
        ),
        *ACTIVITIES,
    ],
}


def open_by_enter(qtbot, window, entry_id):
    model = window.view.model
    row = next(
        i
        for i in range(model.rowCount())
        if model.row_at(i).entry is not None and model.row_at(i).entry.id == entry_id
    )
    window.view.list.setFocus()
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_form is not None)
    return window.active_form


def shown_window(qtbot, journal):
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# Every kind in kilometres; walks (the only kind with a distance) in miles as well.
PARAMETERS = [(case, "km") for case in CASES] + [
    (case, "mi") for case, entries in CASES.items() if isinstance(entries[0], Walk)
]


@pytest.mark.parametrize(("case", "unit"), PARAMETERS)
def test_saving_unchanged_changes_nothing(qtbot, journal, case, unit):
    journal.save_settings(replace(journal.load_settings(), distance_unit=unit))
    entries = CASES[case]
    journal.add_many(entries)
    before = export_journal(journal)
    window = shown_window(qtbot, journal)

    form = open_by_enter(qtbot, window, entries[0].id)
    click(qtbot, form, "Save" if not isinstance(entries[0], RedFlagCheck) else "Log check")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert export_journal(journal) == before
    assert window.undo_stack.count() == 1  # saved, through the undo stack, as a real edit
    notice = QApplication.activeModalWidget()
    if notice is not None:  # the red-flag notice
        click(qtbot, notice, "I understand")


def test_changing_one_field_keeps_the_others_exact(qtbot, journal):
    entries = walk_with_ratings(device_walk())
    journal.add_many(entries)
    window = shown_window(qtbot, journal)
    form = open_by_enter(qtbot, window, entries[0].id)
    form.notes.selectAll()
    qtbot.keyClicks(form.notes, "windy")
    click(qtbot, form, "Save")
    saved = journal.get(entries[0].id)
    assert saved == replace(entries[0], notes="windy")
    assert journal.get(entries[1].id) == entries[1]


def test_a_changed_duration_is_saved_as_typed(qtbot, journal):
    (walk,) = CASES["tiny walk"]
    journal.add(walk)
    window = shown_window(qtbot, journal)
    form = open_by_enter(qtbot, window, walk.id)
    form.minutes.selectAll()
    qtbot.keyClicks(form.minutes, "25")
    click(qtbot, form, "Save")
    assert journal.get(walk.id).minutes == 25
