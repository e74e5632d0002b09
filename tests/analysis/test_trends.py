"""Start against end of a period: the clinically meaningful change, at its boundaries."""

from datetime import date, timedelta

from sciajournal.analysis.series import daily_series
from sciajournal.analysis.trends import PainTrend, meaningful_step, pain_trends
from tests.analysis.scenario import rating, t


def test_two_points_or_thirty_percent_of_at_least_one_point():
    assert PainTrend("Leg", 6, 4).is_meaningful(2)  # exactly 2 points
    assert PainTrend("Leg", 6, 4.1).is_meaningful(2)  # 1.9 points, but 32 %
    assert not PainTrend("Leg", 6, 4.3).is_meaningful(2)  # 1.7 points and 28 %
    assert PainTrend("Leg", 10, 7).is_meaningful(2)  # 3 points
    assert PainTrend("Leg", 4, 2.8).is_meaningful(2)  # 30 % and 1.2 points
    assert not PainTrend("Leg", 1.3, 0.8).is_meaningful(2)  # 38 % but only 0.5 points
    assert not PainTrend("Leg", 5, 4).is_meaningful(2)  # 20 %, 1 point
    assert PainTrend("Back", 2, 4).verdict(2) == "meaningfully worse"
    assert PainTrend("Back", None, 4).verdict(2) == "not enough ratings to compare"


def test_first_and_last_week_of_the_period():
    ratings = [rating(t(1 + i, 9), 2, 6) for i in range(7)] + [
        rating(t(24 + i, 9), 1, 3) for i in range(7)
    ]
    days = daily_series(date(2026, 3, 1), date(2026, 3, 30), [], ratings, [], [])
    back, leg = pain_trends(days)
    assert (back.start, back.end, leg.start, leg.end) == (2, 1, 6, 3)
    assert leg.change == -3 and leg.percent == -50


def test_short_periods_compare_halves():
    ratings = [rating(t(1, 9), 2, 6), rating(t(4, 9), 2, 2)]
    days = daily_series(date(2026, 3, 1), date(2026, 3, 4), [], ratings, [], [])
    assert [trend.change for trend in pain_trends(days)] == [0, -4]
    assert date(2026, 3, 1) + timedelta(days=3) == days[-1].day


def test_steps_mark_changes_of_the_meaningful_size():
    assert [meaningful_step(n, b, 2) for n, b in ((5, 3), (3, 5), (4, 3), (None, 3))] == [
        1,
        -1,
        0,
        0,
    ]
