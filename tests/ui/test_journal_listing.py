"""A long journal in the window: rows read as the list reaches them, a save changes one row.

Driven as a patient: the range box, Log pain with two digits and Enter, Undo, End.
"""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.demo import demo_entries
from sciajournal.service.journal_analysis_service import journal_page
from sciajournal.ui.journal_rows import journal_rows
from sciajournal.ui.journal_view import FIRST_ROWS
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)
DAYS = 240


@pytest.fixture
def window(qtbot, journal):
    journal.add_many(demo_entries(DAYS, seed=3, end=NOW - timedelta(hours=1)))
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


class Signals:
    """What the list model told the view: a reset rebuilds (and lays out) every row."""

    def __init__(self, model):
        self.resets = self.inserted = self.removed = self.changed = 0
        model.modelReset.connect(lambda: self._count("resets"))
        model.rowsInserted.connect(lambda *_: self._count("inserted"))
        model.rowsRemoved.connect(lambda *_: self._count("removed"))
        model.dataChanged.connect(lambda *_: self._count("changed"))

    def _count(self, name):
        setattr(self, name, getattr(self, name) + 1)


def show_all_time(qtbot, window):
    box = window.view.range.preset
    box.setFocus()
    qtbot.keyClicks(box, "All time")
    assert box.currentText() == "All time"


def texts(window):
    model = window.view.model
    return [model.row_at(i).text for i in range(model.rowCount())]


def log_pain(qtbot, window, back, leg):
    window.log_pain_action.trigger()  # Log > Log pain (Ctrl+R)
    form = window.active_form
    for key in (back, leg, Qt.Key.Key_Return):
        qtbot.keyClick(form.focusWidget() or form, key)
    assert not form.isVisible()


def test_all_time_reads_the_newest_rows_first_and_the_rest_as_the_list_scrolls(
    qtbot, window, journal
):
    show_all_time(qtbot, window)
    model = window.view.model
    first_read = model.rowCount()
    everything = journal_page(journal, None, None)
    whole = journal_rows(everything.entries, everything.outcomes, journal.load_settings(), NOW)
    assert FIRST_ROWS <= first_read < len(whole) / 2  # not 240 days of rows at once

    window.view.list.setFocus()
    while model.canFetchMore(model.index(-1, 0)):
        qtbot.keyClick(window.view.list, Qt.Key.Key_End)  # the view asks for more at the end
        qtbot.wait(20)
    # Read a span at a time, the rows are those of the whole range read at once: same
    # text, walk outcomes and lights at every span's edge, no day heading twice.
    assert [model.row_at(i) for i in range(model.rowCount())] == whole


def test_saving_with_all_time_shown_inserts_one_row_and_keeps_the_selection(qtbot, window, journal):
    show_all_time(qtbot, window)
    model, listing = window.view.model, window.view.list
    listing.setFocus()
    for _ in range(5):
        qtbot.keyClick(listing, Qt.Key.Key_Down)
    selected = listing.selected_entry()
    assert selected is not None
    before = texts(window)
    signals = Signals(model)

    log_pain(qtbot, window, "3", "5")

    assert signals.resets == 0  # the list was not rebuilt
    added = [text for text in texts(window) if text not in before]
    # The new row, and the lines of walks that the rating now follows up, nothing else. The
    # form takes the time in the computer's zone, whatever NOW's offset: 15:00 in Berlin.
    logged = f"{NOW.astimezone():%H:%M}  Pain: back 3, leg 5"
    assert [text for text in added if "Walk" not in text] == [logged]
    assert len(texts(window)) == len(before) + 1
    assert listing.selected_entry() == selected

    signals = Signals(model)
    window.undo_action.trigger()
    assert signals.resets == 0
    assert texts(window) == before
    assert listing.selected_entry() == selected


def test_editing_an_old_entry_changes_its_row_in_place(qtbot, window, journal):
    show_all_time(qtbot, window)
    model = window.view.model
    while model.canFetchMore(model.index(-1, 0)):
        model.fetchMore(model.index(-1, 0))
    row = next(
        i
        for i in range(model.rowCount() - 1, 0, -1)
        if isinstance(model.row_at(i).entry, PainRating)
        and model.row_at(i).entry.context is PainContext.MORNING
    )
    rating = model.row_at(row).entry
    before = texts(window)
    window.view.list.setCurrentIndex(model.index(row, 0))
    signals = Signals(model)

    window.edit_action.trigger()
    form = window.active_form
    form.back.setFocus()
    qtbot.keyClick(form.back, "9" if rating.back != 9 else "8")
    qtbot.keyClick(form, Qt.Key.Key_Return)

    assert signals.resets == 0
    after = texts(window)
    changed = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    # The rating's row, and perhaps the line of the walk it is the next morning of.
    assert row in changed
    assert all(i == row or isinstance(model.row_at(i).entry, Walk) for i in changed)
    assert window.view.list.selected_entry().id == rating.id


def test_a_backdated_entry_before_the_first_shows_in_all_time(qtbot, window, journal):
    from sciajournal.core.entities import Note

    show_all_time(qtbot, window)
    journal.add(Note(at=NOW - timedelta(days=DAYS + 30), text="from an old diary"))
    window.refresh()  # what an import does after writing
    model = window.view.model
    while model.canFetchMore(model.index(-1, 0)):
        model.fetchMore(model.index(-1, 0))
    assert texts(window)[-1].endswith("Note: from an old diary")


def test_renaming_an_activity_renames_it_on_ratings_of_other_days(qtbot, window, journal):
    from dataclasses import replace

    from sciajournal.core.entities import ActivityScore, FunctionActivity, FunctionRating

    named = FunctionActivity(added=NOW - timedelta(days=20), name="sitting in the car")
    journal.add_many(
        [named, FunctionRating(at=NOW - timedelta(days=10), scores=(ActivityScore(named.id, 4),))]
    )
    window.refresh()
    assert any("sitting in the car 4" in text for text in texts(window))
    journal.update(replace(named, name="driving"))  # then the window refreshes, as Edit does
    window.refresh()
    assert any("driving 4" in text for text in texts(window))


@pytest.mark.parametrize(
    "modifier", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier]
)
def test_end_goes_to_the_first_entry_of_all_time(qtbot, window, journal, modifier):
    # The outside review: with "All time" on ten years, Ctrl+End stopped at the last row
    # read so far, years short of the first entry.
    show_all_time(qtbot, window)
    model = window.view.model
    assert model.canFetchMore(model.index(-1, 0))
    window.view.list.setFocus()
    qtbot.keyClick(window.view.list, Qt.Key.Key_End, modifier)
    assert not model.canFetchMore(model.index(-1, 0))
    current = window.view.list.currentIndex().row()
    assert current == model.rowCount() - 1
    assert model.row_at(current).entry.when == journal.first_entry_time()
    assert QApplication.overrideCursor() is None  # the wait cursor is given back
