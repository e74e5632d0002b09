"""Daily series, pain against walking volume, and what helps."""

import random
from datetime import date, datetime, timedelta
from statistics import fmean

import pytest

from sciajournal.analysis.outcomes import Outcome, walk_outcomes
from sciajournal.analysis.ratings import PainChange, RatingIndex
from sciajournal.analysis.response import (
    MIN_CORRELATION_DAYS,
    MeasuredAt,
    flag_rate_by_band,
    minutes_against_next_day_pain,
    ranks,
    spearman,
    walk_responses,
)
from sciajournal.analysis.series import daily_series
from sciajournal.analysis.treatments import medication_use, treatment_effects
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import TreatmentKind
from sciajournal.core.settings import Settings
from tests.analysis.scenario import CET, before, end, follow_up, morning, rating, t, walk
from tests.factories import full_medication, full_treatment


def test_every_day_is_present_with_means_and_maxima():
    walks = [walk(t(2, 10), 20, distance_km=1.0, steps=1500), walk(t(2, 16), 10)]
    ratings = [rating(t(2, 8), 2, 4), rating(t(2, 20), 3, 7), rating(t(4, 8), 1, 1)]
    days = daily_series(date(2026, 3, 1), date(2026, 3, 4), walks, ratings, [], [])
    assert [d.day.day for d in days] == [1, 2, 3, 4]
    assert (days[1].walk_minutes, days[1].walks, days[1].distance_km, days[1].steps) == (
        30,
        2,
        1.0,
        1500,
    )
    assert (days[1].back_mean, days[1].back_max, days[1].leg_mean, days[1].leg_max) == (
        2.5,
        3,
        5.5,
        7,
    )
    assert days[0].walk_minutes == 0 and days[0].leg_mean is None and days[0].ratings == 0
    assert days[3].leg_max == 1


def test_a_walk_across_midnight_counts_on_the_day_it_started():
    days = daily_series(date(2026, 3, 1), date(2026, 3, 2), [walk(t(1, 23, 30), 60)], [], [], [])
    assert [d.walk_minutes for d in days] == [60, 0]


def test_treatments_and_doses_are_counted_per_day():
    days = daily_series(
        date(2026, 3, 1),
        date(2026, 3, 1),
        [],
        [],
        [full_treatment(start=t(1, 19))],
        [full_medication(at=t(1, 8)), full_medication(at=t(1, 14))],
    )
    assert (days[0].treatments, days[0].medication_doses) == (1, 2)


def test_changes_after_each_walk_compare_back_and_leg_separately():
    w = walk(t(10, 10), 30)
    ratings = [
        morning(t(10, 8), 2, 3),
        before(w, 2, 4),
        end(w, 2, 6),
        follow_up(w, timedelta(hours=2), 5, 4),
        morning(t(11, 8), 2, 2),
    ]
    outcomes = walk_outcomes([w], RatingIndex(ratings), Settings())
    (response,) = walk_responses(outcomes)
    assert response.change_end == PainChange(back=0, leg=2)
    assert response.change_follow_up == PainChange(back=3, leg=0)
    # The next morning against the previous morning (2/3), not the walk's baseline.
    assert response.change_next_morning == PainChange(back=0, leg=-1)
    assert response.afterwards == PainChange(3, 0)
    assert response.afterwards_measured_at == MeasuredAt.FOLLOW_UP
    assert response.afterwards.text == "+3 back"


def test_a_leg_that_rose_is_not_offset_by_a_back_that_fell():
    w = walk(t(10, 10), 30)
    ratings = [before(w, 6, 2), follow_up(w, timedelta(hours=2), 3, 5)]
    (result,) = walk_outcomes([w], RatingIndex(ratings), Settings())
    (response,) = walk_responses([result])
    assert result.outcome is Outcome.PAIN_CONTINUED
    assert response.change_follow_up == PainChange(back=-3, leg=3)
    assert (response.afterwards.worst, response.afterwards.text) == (3, "+3 leg")


def test_pain_afterwards_is_the_worse_of_follow_up_and_next_morning():
    w = walk(t(10, 10), 30)
    ratings = [
        before(w, 2, 2),
        end(w, 2, 6),
        follow_up(w, timedelta(hours=2), 2, 3),
        morning(t(11, 8), 2, 5),
    ]
    (response,) = walk_responses(walk_outcomes([w], RatingIndex(ratings), Settings()))
    # No previous morning: the next morning is compared with the walk's before-rating.
    assert response.change_next_morning == PainChange(0, 3)
    assert (response.afterwards, response.afterwards_measured_at) == (
        PainChange(0, 3),
        MeasuredAt.NEXT_MORNING,
    )


def test_flag_rate_by_length_band_leaves_out_walks_awaiting_follow_up():
    ratings = []
    walks = []
    for day, (minutes, raised) in enumerate([(10, False), (19, True), (30, False), (44, True)]):
        w = walk(t(day + 1, 10), minutes)
        walks.append(w)
        ratings += [before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 4 if raised else 2)]
    walks.append(walk(t(20, 10), 12))  # no follow-up: awaiting
    outcomes = walk_outcomes(walks, RatingIndex(ratings), Settings())
    bands = {band.label: band for band in flag_rate_by_band(outcomes)}
    assert list(bands) == ["0-10 min", "10-20 min", "20-30 min", "30-45 min", "45+ min"]
    ten_to_twenty = bands["10-20 min"]
    assert (ten_to_twenty.walks, ten_to_twenty.decided, ten_to_twenty.pain_continued) == (3, 2, 1)
    assert ten_to_twenty.flag_rate == 0.5
    # Lower bounds are inclusive: the 30-minute walk is in 30-45, the 10-minute one in 10-20.
    assert bands["20-30 min"].walks == 0
    assert (bands["30-45 min"].walks, bands["30-45 min"].flag_rate) == (2, 0.5)
    assert bands["0-10 min"].walks == 0 and bands["0-10 min"].flag_rate is None
    assert sum(1 for o in outcomes if o.outcome is Outcome.AWAITING_FOLLOW_UP) == 1


def test_ranks_share_ties():
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert ranks([3, 1, 2]) == [3, 1, 2]


def test_spearman_known_values():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [9, 5, 3, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3], [5, 5, 5]) is None  # nothing to rank
    # Hand-computed: ranks x = 1..5, y = 2,1,4,3,5 -> d^2 = 1+1+1+1+0 = 4 -> 1 - 6*4/120 = 0.8
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)


def test_no_correlation_number_under_thirty_days():
    start = date(2026, 3, 2)  # a Monday: every week holds at least two day pairs
    n = MIN_CORRELATION_DAYS
    walks = [walk(t(2, 10) + timedelta(days=i), 10 + i) for i in range(0, n, 2)]  # every other day
    ratings = [rating(t(2, 20) + timedelta(days=i), 2, 2 + i % 3) for i in range(n + 1)]
    days = daily_series(start, start + timedelta(days=n), walks, ratings, [], [])
    enough = minutes_against_next_day_pain(days)
    assert enough.pairs == n and enough.rho is not None
    assert enough.low is not None and enough.high is not None
    assert enough.low <= enough.rho <= enough.high
    too_few = minutes_against_next_day_pain(days[:n])
    # 29 day pairs, and the last one alone in its week (nothing to compare it with there).
    assert too_few.rho is None and too_few.pairs == n - 2
    assert too_few.words == (
        f"not enough days yet to compare walking with next-day leg pain ({n - 2} of {n})"
    )
    assert too_few.detail == ""  # no figures without a number


def test_a_default_thirty_day_summary_gives_no_correlation_number():
    # 30 days of walking and varying leg pain: fewer than 30 day pairs to compare.
    start = date(2026, 3, 1)
    walks = [walk(t(1, 10) + timedelta(days=i), 10 + i % 7) for i in range(30)]
    ratings = [rating(t(1, 20) + timedelta(days=i), 2, i % 5) for i in range(30)]
    days = daily_series(start, start + timedelta(days=29), walks, ratings, [], [])
    assert len(days) == 30
    result = minutes_against_next_day_pain(days)
    assert result.pairs < 30 and (result.rho, result.low) == (None, None)
    assert result.words.startswith("not enough days yet to compare walking with next-day leg")


def test_a_clear_link_is_given_in_plain_words_with_its_interval():
    start = date(2026, 3, 1)
    n = 40
    # Leg pain the next day follows the walking minutes exactly: rho 1, interval above 0.
    walks = [walk(t(1, 10) + timedelta(days=i), 10 + i % 7) for i in range(n)]
    ratings = [rating(t(1, 20) + timedelta(days=i + 1), 2, i % 7) for i in range(n)]
    days = daily_series(start, start + timedelta(days=n), walks, ratings, [], [])
    result = minutes_against_next_day_pain(days)
    assert result.rho == pytest.approx(1.0) and result.low > 0.9
    assert result.words == (
        "on days when you walked more than usual for that week, leg pain the next day "
        "tended to be higher"
    )
    assert result.detail.startswith(f"over {result.pairs} days in {result.weeks} weeks")
    assert "rank correlation" not in result.words + result.detail
    back = minutes_against_next_day_pain(days, leg=False)
    assert back.rho is None  # back pain never varied
    assert back.words == "no variation in walking or back pain within weeks to compare"


def test_no_clear_link_when_the_interval_spans_zero():
    walks = [walk(t(1, 10) + timedelta(days=i), [10, 30, 20][i % 3]) for i in range(40)]
    ratings = [rating(t(1, 20) + timedelta(days=i + 1), 2, [3, 3, 4, 2][i % 4]) for i in range(40)]
    days = daily_series(date(2026, 3, 1), date(2026, 4, 10), walks, ratings, [], [])
    result = minutes_against_next_day_pain(days)
    assert result.low < 0 < result.high
    assert result.words == (
        "no clear relation between walking more than usual for the week and leg pain the next day"
    )


def _trending_days(related: bool) -> list:
    """Half a year in which walking rises from ~20 to ~200 min a day while leg pain falls
    from ~8 to ~2: two trends in time. The day-to-day wobble of walking and of pain is
    independent unless `related`, when pain the next day rises with the day's extra walking."""
    noise = random.Random(7)
    start = date(2026, 1, 5)  # a Monday
    n = 182
    walks, ratings, minutes = [], [], []
    for i in range(n):
        extra = noise.uniform(-25, 25)
        minutes.append(20 + i + extra)
        at = datetime(2026, 1, 5, 10, tzinfo=CET) + timedelta(days=i)
        walks.append(walk(at, round(20 + i + extra)))
    for i in range(1, n + 1):
        trend = 8 - 6 * i / n
        wobble = extra_of(minutes, i - 1) / 12 if related else noise.uniform(-1.5, 1.5)
        leg = max(0, min(10, round(trend + wobble)))
        at = datetime(2026, 1, 5, 20, tzinfo=CET) + timedelta(days=i)
        ratings.append(rating(at, 2, leg))
    return daily_series(start, start + timedelta(days=n), walks, ratings, [], [])


def extra_of(minutes: list[float], i: int) -> float:
    return minutes[i] - (20 + i)


def test_two_opposite_trends_without_a_day_level_relation_are_no_clear_relation():
    # The reviewer's y1 year: walking rose while pain fell, and the whole-year correlation
    # (-0.56) read as "on days after longer walks, leg pain tended to be lower".
    result = minutes_against_next_day_pain(_trending_days(related=False))
    assert result.pairs >= 150
    assert result.low < 0 < result.high
    assert result.words.startswith("no clear relation")


def test_a_real_day_level_relation_is_still_found_across_trends():
    result = minutes_against_next_day_pain(_trending_days(related=True))
    assert result.low > 0
    assert result.words.endswith("leg pain the next day tended to be higher")


def test_average_back_and_leg_change_after_each_treatment():
    def session(kind, back, leg):
        return full_treatment(
            kind=kind, back_before=back[0], back_after=back[1], leg_before=leg[0], leg_after=leg[1]
        )

    effects = treatment_effects(
        [
            session(TreatmentKind.ICE, (6, 4), (7, 7)),
            session(TreatmentKind.ICE, (5, 4), (None, None)),
            session(TreatmentKind.ICE, (None, None), (6, 3)),
            session(TreatmentKind.HEAT, (3, 3), (4, None)),  # leg not rated after
        ]
    )
    by_kind = {effect.kind: effect for effect in effects}
    ice, heat = by_kind[TreatmentKind.ICE], by_kind[TreatmentKind.HEAT]
    assert ice.sessions == 3
    assert (ice.back.rated, ice.back.mean_change) == (2, -1.5)
    assert (ice.leg.rated, ice.leg.mean_change) == (2, -1.5)
    assert (heat.back.rated, heat.back.mean_change) == (1, 0)
    assert (heat.leg.rated, heat.leg.mean_change) == (0, None)
    alternating = by_kind[TreatmentKind.ALTERNATING]
    assert alternating.sessions == 0 and alternating.back.mean_change is None


def test_medication_use_per_name():
    uses = medication_use(
        [
            full_medication(at=t(1, 8), name="Ibuprofen", dose=400, quantity=1, as_needed=False),
            full_medication(at=t(1, 14), name="ibuprofen ", dose=400, quantity=1),
            full_medication(at=t(2, 8), name="Ibuprofen", dose=200, quantity=2),
            full_medication(at=t(2, 9), name="Naproxen", dose=250, quantity=1),
        ]
    )
    ibuprofen, naproxen = uses
    assert (ibuprofen.name, ibuprofen.doses, ibuprofen.total_amount) == ("Ibuprofen", 3, 1200)
    assert (ibuprofen.days_used, ibuprofen.as_needed, ibuprofen.scheduled) == (2, 2, 1)
    assert ibuprofen.usual_dose == 400
    assert (naproxen.doses, naproxen.total_amount) == (1, 250)


def test_daily_means_equal_statistics_fmean_rounded():
    # daily_series sums whole scores instead of calling fmean (a third of the cost); the
    # sum of whole numbers is exact, so the rounded means must be the same to the bit.
    rng = random.Random(7)
    day = date(2026, 3, 2)
    for _ in range(300):
        scores = [(rng.randint(0, 10), rng.randint(0, 10)) for _ in range(rng.randint(1, 25))]
        ratings = [
            PainRating(at=t(2, 8, minute), back=back, leg=leg)
            for minute, (back, leg) in enumerate(scores)
        ]
        (shown,) = daily_series(day, day, [], ratings, [], [])
        assert shown.back_mean == round(fmean(b for b, _ in scores), 2)
        assert shown.leg_mean == round(fmean(leg for _, leg in scores), 2)
