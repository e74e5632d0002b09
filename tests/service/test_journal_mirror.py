"""The journal's copy in memory gives what a fresh read of the journal gives, after every
kind of write: add, edit (moving an entry far away), delete (a walk taking its ratings
along), undo, import, settings, and a change log that no longer reaches back."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import (
    ENTRY_TYPES,
    FunctionActivity,
    FunctionRating,
    Note,
    PainRating,
    RedFlagCheck,
    Walk,
)
from sciajournal.core.enums import PainContext
from sciajournal.demo import demo_entries
from sciajournal.service.journal_analysis_service import (
    analyse_range,
    journal_page,
    settings_of,
    today_for,
)
from sciajournal.service.journal_mirror import JournalMirror, mirror_of
from sciajournal.storage import journal as journal_module
from sciajournal.storage.journal import Journal
from tests.analysis.scenario import before, end, rating, walk

CET = timezone(timedelta(hours=1))
END = datetime(2026, 3, 20, 21, tzinfo=CET)
DAY = timedelta(days=1)
#: Spans read through the copy (None: no limit), some inside what it held, some beyond.
SPANS = [
    (END - 30 * DAY, END),
    (END - 10 * DAY, END - 3 * DAY),
    (END - 80 * DAY, END - 50 * DAY),
    (None, END - 60 * DAY),
    (END - 5 * DAY, None),
    (None, None),
]


def same_as_journal(mirror: JournalMirror, journal: Journal) -> None:
    for start, finish in SPANS:
        for kinds in (ENTRY_TYPES, [Walk], [PainRating, RedFlagCheck]):
            held = mirror.collection(kinds=kinds, start=start, end=finish)
            fresh = journal.collection(kinds=kinds, start=start, end=finish)
            assert held == fresh, (start, finish, kinds)
    for kind in (Walk, PainRating, Note):
        for instant in (None, END, END - 40 * DAY, END - 200 * DAY):
            assert mirror.last_before(kind, instant) == journal.last_before(kind, instant)


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    journal.add_many(demo_entries(120, seed=5, end=END))
    return journal


def primed(journal: Journal) -> JournalMirror:
    """A copy holding only the last month, as after the Charts tab's first opening."""
    mirror = mirror_of(journal)
    mirror.collection(start=END - 30 * DAY, end=END)
    return mirror


def test_reads_as_the_journal_does(demo_journal: Journal) -> None:
    same_as_journal(primed(demo_journal), demo_journal)


def test_adding_editing_and_deleting_entries_keeps_it_in_step(demo_journal: Journal) -> None:
    journal = demo_journal
    mirror = primed(journal)
    same_as_journal(mirror, journal)
    new_walk = walk(END - 2 * DAY, 25)
    ratings = [before(new_walk, 3, 4), end(new_walk, 4, 5)]
    journal.change(add=[new_walk, *ratings])
    same_as_journal(mirror, journal)

    # An edit moving a rating months back: the log names its new time only.
    moved = replace(ratings[1], at=END - 100 * DAY, context=PainContext.STANDALONE, walk_id=None)
    journal.change(update=[moved])
    same_as_journal(mirror, journal)
    journal.update(replace(moved, at=END - DAY, back=9))  # and back again, by another path
    same_as_journal(mirror, journal)

    # Deleting a walk through change() takes its ratings along (a cascade in SQLite).
    journal.change(delete=[new_walk.id])
    assert mirror.collection(kinds=[PainRating]) == journal.collection(kinds=[PainRating])
    same_as_journal(mirror, journal)

    oldest_walk = journal.collection(kinds=[Walk]).walks[0]
    journal.delete(oldest_walk.id)
    same_as_journal(mirror, journal)


def test_undo_redo_and_an_import_keep_it_in_step(demo_journal: Journal) -> None:
    journal = demo_journal
    mirror = primed(journal)
    mirror.collection()  # everything held
    logged = [rating(END - DAY + timedelta(minutes=m), 2, 3) for m in range(3)]
    journal.change(add=logged)
    journal.change(delete=[r.id for r in logged])  # undo
    same_as_journal(mirror, journal)
    journal.change(add=logged)  # redo
    same_as_journal(mirror, journal)

    imported = [
        e
        for e in demo_entries(90, seed=9, end=END - 130 * DAY)
        if not isinstance(e, FunctionActivity | FunctionRating)  # ratings need activities
    ]
    journal.add_many(imported)
    same_as_journal(mirror, journal)
    journal.change(delete=[e.id for e in imported if not isinstance(e, Walk)])
    journal.change(delete=[e.id for e in imported if isinstance(e, Walk)])
    same_as_journal(mirror, journal)


def test_settings_and_a_log_that_does_not_reach_back_read_everything_again(
    demo_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = demo_journal
    mirror = primed(journal)
    journal.set_settings({"distance_unit": "mi"})
    journal.add(rating(END - 2 * DAY, 1, 1))
    same_as_journal(mirror, journal)

    monkeypatch.setattr(journal_module, "_LOG_LENGTH", 2)
    for hours in range(4):
        journal.add(rating(END - 3 * DAY + timedelta(hours=hours), 5, 5))
    same_as_journal(mirror, journal)


def test_each_journal_has_its_own_copy(journal: Journal, tmp_path) -> None:
    with Journal.open(tmp_path / "other.sqlite") as other:
        other.add(rating(END - DAY, 4, 4))
        assert mirror_of(journal) is mirror_of(journal)
        assert mirror_of(other) is not mirror_of(journal)
        assert len(mirror_of(other).collection()) == 1
        assert len(mirror_of(journal).collection()) == 0


def test_what_the_window_shows_after_edits_is_what_a_fresh_journal_shows(
    demo_journal: Journal, journal_path
) -> None:
    journal = demo_journal
    today, now = END.date(), END

    def shown(source: Journal) -> tuple[object, ...]:
        first = today - timedelta(days=119)
        return (
            analyse_range(source, first, today, today).analysis,
            analyse_range(source, today - timedelta(days=29), today, today).analysis,
            journal_page(source, today - timedelta(days=29), today),
            today_for(source, now),
            settings_of(source),
        )

    shown(journal)  # the copy now holds the whole journal
    new_walk = walk(END - 3 * DAY, 40)
    journal.change(add=[new_walk, before(new_walk, 2, 2), end(new_walk, 6, 7)])
    journal.set_settings({"follow_up_hours": "3.0"})
    last = journal.collection(kinds=[PainRating], end=END).pain[-1]
    journal.update(
        replace(last, at=END - 60 * DAY, leg=9, walk_id=None, context=PainContext.STANDALONE)
    )
    journal.delete(new_walk.id)
    with Journal.open(journal_path, read_only=True) as fresh:
        assert shown(journal) == shown(fresh)


def test_a_closed_journal_is_not_kept_alive_by_its_copy(tmp_path) -> None:
    import gc
    import weakref

    journal = Journal.open(tmp_path / "gone.sqlite")
    journal.add(rating(END - DAY, 4, 4))
    mirror_of(journal).collection()
    gone = weakref.ref(journal)
    journal.close()
    del journal
    gc.collect()
    assert gone() is None
