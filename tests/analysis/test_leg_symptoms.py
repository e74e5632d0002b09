"""Leg-symptom reach, side, spreading/receding over the range, and nerve-sign counts."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.leg_symptoms import ReachTrend, leg_symptoms
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import Reach, Side

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 20)  # halves: 1-10 and 11-20 March


def rating(day, reach=None, **fields):
    return PainRating(
        at=datetime(2026, 3, day, 9, tzinfo=CET), back=3, leg=4, reach=reach, **fields
    )


def ratings(days, reach):
    return [rating(day, reach) for day in days]


def test_spreading_when_the_second_half_reaches_below_the_knee_more_often():
    early = ratings(range(1, 6), Reach.THIGH)
    late = ratings(range(11, 16), Reach.CALF)
    result = leg_symptoms(early + late, FIRST, LAST)
    assert (result.first_half.share, result.second_half.share) == (0, 1)
    assert result.trend is ReachTrend.SPREADING
    assert result.furthest is Reach.CALF and result.with_reach == 10


def test_receding_the_other_way_round():
    result = leg_symptoms(
        ratings(range(1, 6), Reach.FOOT) + ratings(range(11, 16), Reach.BUTTOCK), FIRST, LAST
    )
    assert result.trend is ReachTrend.RECEDING


def test_a_small_change_is_no_clear_change():
    early = ratings(range(1, 6), Reach.KNEE)
    late = [*ratings(range(11, 16), Reach.KNEE), rating(16, Reach.THIGH)]  # 100 % -> 83 %
    assert leg_symptoms(early + late, FIRST, LAST).trend is ReachTrend.NO_CLEAR_CHANGE


def test_too_few_ratings_with_a_reach_is_not_enough_data():
    early = [*ratings(range(1, 5), Reach.THIGH), rating(5)]  # the fifth has no reach
    late = ratings(range(11, 16), Reach.FOOT)
    result = leg_symptoms(early + late, FIRST, LAST)
    assert result.trend is ReachTrend.NOT_ENOUGH_DATA
    one_day = leg_symptoms(late, date(2026, 3, 11), date(2026, 3, 11))
    assert one_day.trend is ReachTrend.NOT_ENOUGH_DATA


def test_side_and_nerve_sign_counts():
    sample = [
        rating(1, Reach.CALF, side=Side.LEFT, numbness=True),
        rating(2, Reach.FOOT, side=Side.BOTH, tingling=True, weakness=True),
        rating(3, side=Side.LEFT, tingling=True),
        rating(25, Reach.FOOT, weakness=True),  # outside the range
    ]
    result = leg_symptoms(sample, FIRST, LAST)
    assert result.side_counts[Side.LEFT] == 2 and result.both_legs == 1
    assert (result.numbness, result.tingling, result.weakness) == (1, 2, 1)
    assert result.ratings == 3 and result.most_common_reach is Reach.FOOT
