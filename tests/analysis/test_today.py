"""The status area's figures: today's totals, follow-ups, the morning rating, the weekly guide."""

from datetime import timedelta

from sciajournal.analysis.today import today_status
from sciajournal.core.collection import Entries
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from tests.analysis.scenario import before, follow_up, morning, rating, t, walk


def status(entries, now):
    return today_status(Entries.of(entries), now, Settings())


def test_todays_totals_and_latest_rating():
    today = [walk(t(10, 9), 20), walk(t(10, 15), 15), rating(t(10, 16), 2, 4)]
    result = status([walk(t(9, 9), 40), *today], t(10, 17))
    assert (result.walk_minutes_today, result.walks_today) == (35, 2)
    assert result.latest_rating == today[2]


def test_follow_ups_listed_until_answered_in_the_window():
    w = walk(t(10, 9), 30)
    waiting = status([w, before(w, 2, 2)], t(10, 10))
    assert [(f.walk, f.due) for f in waiting.follow_ups] == [(w, t(10, 11, 30))]
    assert not waiting.follow_ups[0].is_due(t(10, 10))
    early = follow_up(w, timedelta(minutes=90), 2, 2)
    # An early follow-up does not end the wait: the 2-hour question is still asked.
    assert [f.walk for f in status([w, before(w, 2, 2), early], t(10, 12)).follow_ups] == [w]
    answered = [w, before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2)]
    assert status(answered, t(10, 12)).follow_ups == []
    # A standalone rating inside the window answers it too.
    standalone = [w, before(w, 2, 2), rating(t(10, 12, 0), 2, 2)]
    assert status(standalone, t(10, 12, 5)).follow_ups == []
    # Asked for until 36 hours after the walk, then left "awaiting" without a prompt.
    assert status([w, before(w, 2, 2)], t(11, 21, 29)).follow_ups != []
    assert status([w, before(w, 2, 2)], t(11, 21, 31)).follow_ups == []


def test_morning_rating_asked_for_after_yesterdays_walk():
    w = walk(t(9, 17), 30)
    assert status([w], t(10, 8)).morning_rating_for == w
    assert status([w, morning(t(10, 7), 2, 2)], t(10, 8)).morning_rating_for is None
    assert status([w], t(10, 13)).morning_rating_for is None  # not in the afternoon


def test_a_walk_at_half_past_midnight_asks_for_the_same_dates_morning():
    night = walk(t(10, 0, 30), 30)
    assert status([night], t(10, 8)).morning_rating_for == night
    assert status([night, morning(t(10, 7), 2, 2)], t(10, 8)).morning_rating_for is None
    # A walk this morning waits for tomorrow's morning, not today's.
    assert status([walk(t(10, 7), 30)], t(10, 8)).morning_rating_for is None


def test_week_above_the_guide_and_recent_red_flags():
    last_week = [walk(t(3, 9), 60)]
    this_week = [walk(t(9, 9), 40), walk(t(10, 9), 27)]  # 67 min > 60 + 10 %
    flag = RedFlagCheck(at=t(8, 9), signs=frozenset({RedFlag.FEVER}))
    result = status([*last_week, *this_week, flag], t(10, 18))
    assert (result.week_minutes, result.last_week_minutes, result.week_above_guide) == (
        67,
        60,
        True,
    )
    assert result.week_guide_minutes == 66
    assert result.red_flags == [flag]
    assert status([*last_week, this_week[0], flag], t(10, 18)).week_above_guide is False
    assert status([flag], t(20, 9)).red_flags == [flag]  # still no check that found none
    negative = RedFlagCheck(at=t(12, 9))
    assert status([flag, negative], t(14, 9)).red_flags == [flag]  # at least a week
    assert status([flag, negative], t(16, 9)).red_flags == []


def test_this_weeks_guide_after_a_spike_builds_on_its_allowance_as_the_charts_do():
    # 100 min, then a 200-min spike: this week's guide is (100 + 10 %) + 10 % = 121, not 220.
    walks = [walk(t(2, 9) - timedelta(days=7), 100), walk(t(3, 9), 200), walk(t(9, 9), 150)]
    result = status(walks, t(10, 18))
    assert round(result.week_guide_minutes, 6) == 121
    assert result.week_above_guide
