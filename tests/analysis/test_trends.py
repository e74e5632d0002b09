"""Start against end of a period: the clinically meaningful change, at its boundaries."""

from datetime import date

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


def test_a_period_too_short_for_two_weeks_says_so():
    ratings = [rating(t(1, 9), 2, 6), rating(t(13, 9), 2, 2)]
    days = daily_series(date(2026, 3, 1), date(2026, 3, 13), [], ratings, [], [])
    for trend in pain_trends(days):
        assert trend.too_short and trend.change is None and not trend.is_meaningful(2)
        assert trend.verdict(2) == ("period too short to compare (needs 14 days: first and last 7)")
    one_day = daily_series(date(2026, 3, 1), date(2026, 3, 1), [], ratings, [], [])
    assert all(trend.too_short for trend in pain_trends(one_day))
    two_weeks = daily_series(date(2026, 3, 1), date(2026, 3, 14), [], ratings, [], [])
    assert not any(trend.too_short for trend in pain_trends(two_weeks))


def test_the_change_is_judged_before_rounding():
    # 0.93 points is not "+1 point, meaningfully worse", though it prints as 0.9.
    trend = PainTrend("Leg", 3.0, 3.93)
    assert not trend.is_meaningful(1 + 1)
    assert trend.verdict(2) == "no clinically meaningful change"
    # 30 % of a 3.1 start: 0.93 points is under the 1-point floor of the 30 % rule.
    assert not PainTrend("Leg", 3.1, 4.03).is_meaningful(2)
    # 1.96 is not 2, whatever it rounds to.
    assert not PainTrend("Back", 8.0, 9.96).is_meaningful(2)
    assert PainTrend("Back", 8.0, 10.0).is_meaningful(2)


def test_means_are_kept_unrounded():
    ratings = [rating(t(1 + i, 9), 2, 3 + (i == 0)) for i in range(7)]
    ratings += [rating(t(8 + i, 9), 2, 4) for i in range(7)]
    days = daily_series(date(2026, 3, 1), date(2026, 3, 14), [], ratings, [], [])
    _back, leg = pain_trends(days)
    assert leg.start == 3 + 1 / 7 and round(leg.change, 6) == round(6 / 7, 6)


def test_steps_mark_changes_of_the_meaningful_size():
    assert [meaningful_step(n, b, 2) for n, b in ((5, 3), (3, 5), (4, 3), (None, 3))] == [
        1,
        -1,
        0,
        0,
    ]
