"""Every write bumps the journal's revision and says which entries' times it touched."""

from dataclasses import replace
from datetime import timedelta

from sciajournal.storage import journal as journal_module
from tests.analysis.scenario import before, rating, t, walk


def times(journal, revision):
    touched = journal.changed_since(revision)
    return None if touched is None else [moment for moment, _kind in touched]


def test_each_kind_of_write_says_when_its_entries_were(journal):
    start = journal.revision
    first = walk(t(4, 10), 30)
    baseline = before(first, 2, 2)
    journal.add_many([first, baseline])
    assert journal.revision == start + 1
    assert sorted(times(journal, start)) == [baseline.at, first.start]

    mark = journal.revision
    late = rating(t(6, 8), 3, 3)
    journal.change(add=[late], update=[replace(first, minutes=20)])
    assert sorted(times(journal, mark)) == [t(4, 10), t(6, 8)]

    mark = journal.revision
    journal.change(delete=[late.id])  # undo: the time comes from the deleted row
    assert times(journal, mark) == [t(6, 8)]

    mark = journal.revision
    journal.delete(first.id)  # the walk takes its rating along
    assert sorted(times(journal, mark)) == [baseline.at, first.start]
    assert sorted(times(journal, start)) == [
        baseline.at,
        baseline.at,
        *[first.start] * 3,
        *[t(6, 8)] * 2,
    ]
    assert times(journal, journal.revision) == []
    kinds = [kind for _when, kind in journal.changed_since(start)]
    assert sorted(kind.__name__ for kind in set(kinds)) == ["PainRating", "Walk"]


def test_settings_or_a_log_that_does_not_reach_back_mean_everything(journal, monkeypatch):
    mark = journal.revision
    journal.set_settings({"distance_unit": "mi"})
    assert times(journal, mark) is None

    monkeypatch.setattr(journal_module, "_LOG_LENGTH", 3)
    mark = journal.revision
    for hours in range(4):
        journal.add(rating(t(5, 8) + timedelta(hours=hours), 1, 1))
    assert times(journal, mark) is None  # four writes, three remembered
    assert len(times(journal, mark + 1)) == 3
