"""A walk's steps (a device brought them) in its journal row and in its edit form, written
as the patient's locale writes numbers. The locale is pinned: the test machine's is not."""

import locale
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from sciajournal.core.entities import Walk
from sciajournal.exchange.json_format import export_journal
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.step_counts import steps_text, whole_count
from tests.ui.menu_driving import click
from tests.ui.test_unchanged_edits import open_by_enter

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=CET)

ENGLISH = {"decimal_point": ".", "thousands_sep": ",", "grouping": [3, 3, 0]}
GERMAN = {"decimal_point": ",", "thousands_sep": ".", "grouping": [3, 3, 0]}
FRENCH = {"decimal_point": ",", "thousands_sep": "\u202f", "grouping": [3, 3, 0]}
#: C and POSIX: no grouping at all.
PLAIN_C = {"decimal_point": ".", "thousands_sep": "", "grouping": []}


def use_locale(monkeypatch, conventions: dict) -> None:
    real = locale.localeconv()
    monkeypatch.setattr(locale, "localeconv", lambda: {**real, **conventions})


@pytest.mark.parametrize(
    ("conventions", "shown"),
    [
        (ENGLISH, "4,210 steps"),
        (GERMAN, "4.210 steps"),
        (FRENCH, "4\u202f210 steps"),
        (PLAIN_C, "4,210 steps"),
        ({**PLAIN_C, "decimal_point": ","}, "4\u202f210 steps"),  # never read as 4.21
    ],
)
def test_steps_are_grouped_as_the_locale_groups_thousands(monkeypatch, conventions, shown):
    use_locale(monkeypatch, conventions)
    assert steps_text(4210) == shown
    assert steps_text(1) == "1 step" and steps_text(999) == "999 steps"


def test_a_grouped_count_reads_back_and_a_decimal_does_not_pass_for_one():
    assert [whole_count(text) for text in ("4,210", "4.210", "4 210", "12.345.678")] == [
        4210,
        4210,
        4210,
        12345678,
    ]
    assert [whole_count(text) for text in ("4210", "4,21", "0,500", "4,210.5")] == [None] * 4


@pytest.fixture
def window(qtbot, journal):
    journal.add(Walk(start=NOW - timedelta(hours=3), minutes=40, distance_km=3.1, steps=4210))
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def walk_row(window) -> str:
    model = window.view.model
    texts = [model.row_at(i).text for i in range(model.rowCount())]
    return next(text for text in texts if "Walk 40 min" in text)


def test_the_walk_row_shows_its_steps_after_its_distance(monkeypatch, window):
    use_locale(monkeypatch, ENGLISH)
    window.refresh()
    assert "Walk 40 min, flat, slow, 3.1 km, 4,210 steps" in walk_row(window)


def test_the_edit_form_shows_steps_as_the_row_does_and_reads_them_back(
    monkeypatch, qtbot, window, journal
):
    use_locale(monkeypatch, GERMAN)
    window.refresh()
    assert "3.1 km, 4.210 steps" in walk_row(window)
    (walk,) = journal.entries()
    before = export_journal(journal)

    form = open_by_enter(qtbot, window, walk.id)
    assert form.steps.text() == "4.210"
    click(qtbot, form, "Save")  # unchanged: nothing changes
    qtbot.waitUntil(lambda: not form.isVisible())
    assert export_journal(journal) == before

    form = open_by_enter(qtbot, window, walk.id)
    form.steps.setFocus()
    form.steps.selectAll()
    qtbot.keyClicks(form.steps, "4.350")  # typed as the patient writes it
    qtbot.keyClick(form.steps, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert journal.get(walk.id).steps == 4350
    assert "4.350 steps" in walk_row(window)
