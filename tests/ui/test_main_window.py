"""The main window against a real journal file."""

from sciajournal.demo import demo_entries
from sciajournal.ui.main_window import MainWindow
from tests.factories import at, full_note


def texts(window):
    return [window.entry_list.item(row).text() for row in range(window.entry_list.count())]


def test_empty_journal_explains_itself(qtbot, journal):
    window = MainWindow(journal)
    qtbot.addWidget(window)
    assert "journal is empty" in window.summary.text()
    assert window.entry_list.count() == 0


def test_entries_are_listed_by_day_newest_first(qtbot, journal):
    journal.add_many(
        [full_note(at=at(day=1, hour=9)), full_note(at=at(day=2, hour=8), text="later")]
    )
    window = MainWindow(journal)
    qtbot.addWidget(window)
    assert texts(window) == [
        "Monday 02 March 2026",
        "08:15  Note: later",
        "Sunday 01 March 2026",
        "09:15  Note: PT session: new nerve glides",
    ]


def test_demo_journal_shows_walks(qtbot, journal):
    journal.add_many(demo_entries(10, seed=1, end=at(day=20, hour=21)))
    window = MainWindow(journal)
    qtbot.addWidget(window)
    assert any(" Walk " in line for line in texts(window))
    assert window.windowTitle() == "SciaJournal — journal.sqlite"
