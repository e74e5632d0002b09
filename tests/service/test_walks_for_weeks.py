"""The weekly figures read only the walks they need, and come out exactly as from every
walk of the journal (what the Charts tab and the report read before)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.progression import Progression, TargetKind, judged_weeks
from sciajournal.core.entities import Walk
from sciajournal.demo import demo_entries
from sciajournal.service.journal_analysis_service import (
    analyse_range,
    entries_around,
    settings_of,
    walks_for_weeks,
)
from sciajournal.storage.journal import Journal
from tests.analysis.scenario import walk

CET = timezone(timedelta(hours=1))
TODAY = date(2026, 3, 20)


def whole_journal_progression(journal: Journal, first: date, last: date) -> Progression:
    every_walk = journal.collection(kinds=[Walk]).walks
    # The entries of the week the target builds on too, even before the range.
    read_from, _ = judged_weeks(first, last, TODAY)
    return analyse(
        entries_around(journal, read_from, last),
        first,
        last,
        settings_of(journal),
        walk_history=every_walk,
        today=TODAY,
    ).progression


def at(day: date, hour: int, tz: timezone = CET) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz)


@pytest.mark.parametrize("days", [1, 14, 30, 91, 365, 900])
def test_a_demo_journal_gives_the_same_weeks_and_target(journal: Journal, days: int) -> None:
    journal.add_many(demo_entries(800, seed=3, end=at(TODAY, 20)))
    for last in (TODAY, TODAY - timedelta(days=100)):
        first = last - timedelta(days=days - 1)
        shown = analyse_range(journal, first, last, TODAY).analysis.progression
        assert shown == whole_journal_progression(journal, first, last)


def test_a_restart_after_a_long_break_is_measured_against_the_last_active_week(
    journal: Journal,
) -> None:
    # Walking in January (one walk logged late at night in another time zone, so its
    # local date is a Sunday while its instant is Monday's), then nothing for weeks, then
    # a restart in the range: the guide needs January's whole week, far before the range.
    january = date(2026, 1, 5)  # a Monday
    far_east = timezone(timedelta(hours=-10))
    journal.add_many(
        [
            walk(at(january, 10), 40),
            walk(at(january + timedelta(days=3), 10), 35),
            walk(at(january + timedelta(days=6), 23, far_east), 25),
            walk(at(date(2026, 3, 16), 10), 30),  # the week before TODAY's
        ]
    )
    first, last = date(2026, 3, 9), TODAY
    shown = analyse_range(journal, first, last, TODAY).analysis.progression
    assert shown == whole_journal_progression(journal, first, last)
    restart = next(w for w in shown.weeks if w.minutes)
    assert restart.restart_from_minutes == 100  # January's whole week, not part of it
    # A range inside the break: the target restarts from January too.
    inside = analyse_range(journal, date(2026, 2, 16), date(2026, 2, 22), TODAY)
    assert inside.analysis.progression.target.kind is TargetKind.RESTART
    assert inside.analysis.progression == whole_journal_progression(
        journal, date(2026, 2, 16), date(2026, 2, 22)
    )
    # Only January's week and the range's weeks are read, not every walk.
    assert len(walks_for_weeks(journal, first)) == 4


def test_a_journal_with_no_walk_before_the_range(journal: Journal) -> None:
    journal.add_many([walk(at(date(2026, 3, 17), 9), 20)])
    first = date(2026, 3, 16)
    assert walks_for_weeks(journal, first) == journal.collection(kinds=[Walk]).walks
    shown = analyse_range(journal, first, TODAY, TODAY).analysis.progression
    assert shown == whole_journal_progression(journal, first, TODAY)
