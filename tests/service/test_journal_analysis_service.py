"""The service reads a range from a real journal file the same way for every view."""

import gc
from datetime import date, timedelta

import pytest

from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.progression import TargetKind
from sciajournal.service.journal_analysis_service import (
    analyse_range,
    collector_paused,
    default_range,
    journal_page,
    today_for,
)
from tests.analysis.scenario import (
    before,
    follow_up,
    pain_continued_late_last_week,
    rating,
    t,
    walk,
)


def test_a_walk_on_the_first_day_finds_its_baseline_from_the_day_before(journal):
    # 1 March 2026 is a Sunday: the walk is the range's first day, its baseline the evening
    # before, which is outside both the range and its ISO week.
    early = walk(t(1, 0, 30), 20)
    baseline = rating(t(28, 23, month=2), 2, 3)
    journal.add_many([early, baseline, follow_up(early, timedelta(hours=2), 2, 6)])

    loaded = analyse_range(journal, date(2026, 3, 1), date(2026, 3, 1), date(2026, 3, 20))

    (result,) = loaded.analysis.outcomes
    assert result.baseline == baseline
    assert result.outcome is Outcome.PAIN_CONTINUED


def test_the_journal_page_judges_walks_with_ratings_outside_the_range(journal):
    late = walk(t(4, 23), 30)
    journal.add_many([late, before(late, 3, 3), follow_up(late, timedelta(hours=2), 3, 3)])

    page = journal_page(journal, date(2026, 3, 4), date(2026, 3, 4))

    assert page.outcomes[late.id].outcome is Outcome.SETTLED


def test_default_range_and_today_status_on_an_empty_journal(journal):
    assert default_range(journal, date(2026, 3, 9)) == (date(2026, 3, 9), date(2026, 3, 9))
    status = today_for(journal, t(9, 12))
    assert status.walks_today == 0 and status.follow_ups == []


def test_the_walking_target_is_judged_on_all_of_last_week_for_a_range_starting_this_week(
    journal,
):
    # Last week's walks (Thursday 5 and Saturday 7 March) lie before the range and its
    # margin: they are read all the same, and the pain that continued holds the target.
    journal.add_many(pain_continued_late_last_week())
    friday = date(2026, 3, 13)
    short = analyse_range(journal, date(2026, 3, 12), friday, friday).analysis
    whole = analyse_range(journal, date(2026, 3, 2), friday, friday).analysis

    assert short.progression.target == whole.progression.target
    assert short.progression.target.kind is TargetKind.HOLD
    assert short.progression.target.minutes == 50
    # Only the target looks back: the range's own figures stay the range's.
    assert [o.walk.start.date() for o in short.outcomes] == []
    assert [w.monday for w in short.progression.weeks] == [date(2026, 3, 9)]


def test_the_collector_is_held_off_only_while_an_analysis_runs() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("an analysis that fails")
    assert gc.isenabled()  # on again, whatever happened
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that held it off keeps it off
    finally:
        gc.enable()
