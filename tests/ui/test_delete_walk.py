"""Deleting a walk (finding 9): its own ratings go, a follow-up logged on its own stays."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext, Reach, Side
from sciajournal.ui.main_window import MainWindow

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 11, 15, 0, tzinfo=CET)


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def rating(walk, at, context, **fields):
    return PainRating(at=at, back=3, leg=5, context=context, walk_id=walk.id, **fields)


def test_deleting_a_walk_keeps_its_follow_up_and_undo_restores_everything(qtbot, window, journal):
    walk = journal.add(Walk(start=datetime(2026, 3, 10, 9, 0, tzinfo=CET), minutes=20))
    own = [
        journal.add(rating(walk, walk.start - timedelta(minutes=5), PainContext.BEFORE_WALK)),
        journal.add(rating(walk, walk.end, PainContext.END_OF_WALK)),
    ]
    follow_up = journal.add(
        rating(
            walk,
            walk.end + timedelta(hours=3),
            PainContext.FOLLOW_UP,
            side=Side.RIGHT,
            reach=Reach.CALF,
            numbness=True,
        )
    )
    morning = journal.add(
        rating(walk, datetime(2026, 3, 11, 7, 30, tzinfo=CET), PainContext.MORNING)
    )
    before = sorted(journal.entries(), key=lambda e: e.id)
    window.view.range.preset.setCurrentText("All time")
    window.refresh()
    model = window.view.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).entry == walk)
    window.view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.view.list, Qt.Key.Key_Delete)

    message = window.statusBar().currentMessage()
    assert message.startswith("Deleted the walk and its 2 pain ratings; kept your ratings of")
    left = {e.id: e for e in journal.entries()}
    assert walk.id not in left and not any(r.id in left for r in own)
    assert left[follow_up.id] == replace(follow_up, walk_id=None, context=PainContext.STANDALONE)
    assert left[morning.id] == replace(morning, walk_id=None)
    shown = [model.row_at(i).text for i in range(model.rowCount())]
    assert any("Pain: back 3, leg 5, right leg, down to the calf, numbness" in t for t in shown)

    window.undo_action.trigger()  # one step puts everything back as it was
    qtbot.wait(50)
    assert sorted(journal.entries(), key=lambda e: e.id) == before
    window.redo_action.trigger()
    qtbot.wait(50)
    assert set(e.id for e in journal.entries()) == {follow_up.id, morning.id}
