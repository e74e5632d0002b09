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


def test_follow_ups_listed_until_answered():
    w = walk(t(10, 9), 30)
    waiting = status([w, before(w, 2, 2)], t(10, 10))
    assert [(f.walk, f.due) for f in waiting.follow_ups] == [(w, t(10, 11, 30))]
    assert not waiting.follow_ups[0].is_due(t(10, 10))
    answered = status([w, before(w, 2, 2), follow_up(w, timedelta(minutes=90), 2, 2)], t(10, 12))
    assert answered.follow_ups == []  # an early answer still counts as answered


def test_morning_rating_asked_for_after_yesterdays_walk():
    w = walk(t(9, 17), 30)
    assert status([w], t(10, 8)).morning_rating_for == w
    assert status([w, morning(t(10, 7), 2, 2)], t(10, 8)).morning_rating_for is None
    assert status([w], t(10, 13)).morning_rating_for is None  # not in the afternoon


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
    assert result.red_flags == [flag]
    assert status([*last_week, this_week[0], flag], t(10, 18)).week_above_guide is False
    assert status([flag], t(20, 9)).red_flags == [flag]  # still no check that found none
    negative = RedFlagCheck(at=t(12, 9))
    assert status([flag, negative], t(14, 9)).red_flags == [flag]  # at least a week
    assert status([flag, negative], t(16, 9)).red_flags == []
