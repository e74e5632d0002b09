"""Scoring of the function measures from worked examples: SBI totals, PSFS means with
3 and 5 activities, an activity retired midway, and "not judged" with too little data."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.bothersomeness import NO_VERDICT, bothersomeness, sbi_total
from sciajournal.analysis.functional_scale import Verdict, functional_scale
from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
)

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)


def at(day, hour=19):
    return datetime(2026, 3, day, hour, tzinfo=CET)


def sbi(day, leg, numb, weak, sit):
    return BothersomenessCheck(
        at=at(day), leg_pain=leg, numbness_tingling=numb, weakness=weak, sitting_pain=sit
    )


def activities(*names, day=1):
    return [FunctionActivity(added=at(day, 8), name=name) for name in names]


def sitting(day, named, scores):
    return FunctionRating(
        at=at(day),
        scores=tuple(ActivityScore(a.id, s) for a, s in zip(named, scores, strict=True)),
    )


def test_sbi_total_is_the_sum_of_the_four_items():
    assert sbi_total(sbi(1, 4, 3, 2, 5)) == 14
    assert sbi_total(sbi(1, 0, 0, 0, 0)) == 0
    assert sbi_total(sbi(1, 6, 6, 6, 6)) == 24


def test_sbi_change_is_first_to_latest_in_the_range_without_a_verdict():
    checks = [sbi(2, 5, 4, 3, 6), sbi(9, 4, 4, 2, 5), sbi(30, 2, 2, 1, 3), sbi(28, 3, 2, 1, 3)]
    outside = BothersomenessCheck(
        at=at(1) - timedelta(days=3), leg_pain=6, numbness_tingling=6, weakness=6, sitting_pain=6
    )
    result = bothersomeness([*checks, outside], FIRST, LAST)
    assert [p.total for p in result.points] == [18, 15, 9, 8]  # time order, 26 Feb left out
    assert result.latest is not None and result.latest.total == 8
    assert result.change == -10
    assert NO_VERDICT in result.change_text
    assert "better" not in result.change_text and "meaningful change" not in NO_VERDICT


def test_one_sbi_check_is_not_enough_data_never_no_change():
    result = bothersomeness([sbi(5, 3, 3, 3, 3)], FIRST, LAST)
    assert result.change is None
    assert result.change_text.startswith("not enough data")
    assert bothersomeness([], FIRST, LAST).latest is None


def test_psfs_mean_with_three_activities_and_a_two_point_rise_is_meaningfully_better():
    named = activities("walk to the shop", "put on socks", "sit through a meal")
    result = functional_scale(
        named, [sitting(2, named, [2, 3, 4]), sitting(23, named, [5, 6, 4])], FIRST, LAST
    )
    assert [s.mean for s in result.sittings] == [3.0, 5.0]
    assert result.change == 2.0
    assert result.verdict is Verdict.BETTER
    assert result.same_activities is True


def test_psfs_mean_with_five_activities_and_a_one_point_rise_is_less_than_meaningful():
    named = activities("walk", "socks", "meal", "sleep", "lift a bag")
    ratings = [sitting(2, named, [3, 4, 2, 6, 5]), sitting(23, named, [4, 5, 3, 7, 6])]
    result = functional_scale(named, ratings, FIRST, LAST)
    assert [s.mean for s in result.sittings] == [4.0, 5.0]
    assert result.verdict is Verdict.LESS_THAN_MEANINGFUL
    assert "less than the 2 points" in result.verdict_text


def test_psfs_change_is_judged_unrounded():
    # Four activities: 3.0 -> 4.75 prints as +1.8 and rounds to 2, but is under 2 points.
    named = activities("a", "b", "c", "d")
    result = functional_scale(
        named, [sitting(2, named, [3, 3, 3, 3]), sitting(20, named, [5, 5, 5, 4])], FIRST, LAST
    )
    assert result.change == 1.75
    assert result.verdict is Verdict.LESS_THAN_MEANINGFUL
    # Thirds: 5/3 -> 11/3 is exactly two points, whatever the float arithmetic makes of it.
    named = activities("a", "b", "c")
    thirds = functional_scale(
        named, [sitting(2, named, [1, 2, 2]), sitting(20, named, [4, 4, 3])], FIRST, LAST
    )
    assert abs(thirds.change - 2) < 1e-9 and thirds.verdict is Verdict.BETTER
    worse = functional_scale(
        named, [sitting(2, named, [4, 4, 3]), sitting(20, named, [1, 2, 2])], FIRST, LAST
    )
    assert worse.verdict is Verdict.WORSE


def test_an_activity_retired_midway_keeps_its_history_and_later_means_use_the_rest():
    socks, shop, meal = activities("put on socks", "walk to the shop", "sit through a meal")
    socks = FunctionActivity(added=socks.added, name=socks.name, retired=at(15, 8), id=socks.id)
    film = FunctionActivity(added=at(15, 8), name="sit through a film")
    before = [socks, shop, meal]
    after = [shop, meal, film]
    ratings = [
        sitting(2, before, [2, 3, 4]),  # mean 3
        sitting(9, before, [4, 4, 4]),  # mean 4
        sitting(16, after, [5, 5, 2]),  # mean 4: socks no longer in it
        sitting(23, after, [6, 6, 3]),  # mean 5
    ]
    result = functional_scale([socks, shop, meal, film], ratings, FIRST, LAST)
    assert [s.mean for s in result.sittings] == [3.0, 4.0, 4.0, 5.0]
    series = {s.name: s for s in result.activities}
    assert [score for _, score in series["put on socks"].points] == [2, 4]
    assert series["put on socks"].retired == at(15, 8)
    assert [score for _, score in series["sit through a film"].points] == [2, 3]
    assert [score for _, score in series["walk to the shop"].points] == [3, 4, 5, 6]
    assert series["walk to the shop"].change == 3
    assert result.change == 2.0 and result.verdict is Verdict.BETTER
    assert result.same_activities is False
    assert "not the same activities rated first and last" in result.verdict_text


def test_one_sitting_is_not_judged_never_no_change():
    named = activities("a", "b", "c")
    result = functional_scale(named, [sitting(2, named, [3, 3, 3])], FIRST, LAST)
    assert result.change is None and result.verdict is Verdict.NOT_JUDGED
    assert result.verdict_text.startswith("not judged (not enough data: only one sitting")
    assert "no change" not in result.verdict_text
    empty = functional_scale(named, [], FIRST, LAST)
    assert empty.verdict is Verdict.NOT_JUDGED and "no activity ratings" in empty.verdict_text
    # Activities in use are listed even without scores in the range.
    assert [s.name for s in empty.activities] == ["a", "b", "c"]


def test_sittings_outside_the_range_and_empty_sittings_do_not_count():
    named = activities("a", "b", "c")
    early = FunctionRating(
        at=at(1) - timedelta(days=5), scores=tuple(ActivityScore(a.id, 0) for a in named)
    )
    empty = FunctionRating(at=at(10), scores=())
    result = functional_scale(named, [early, empty, sitting(20, named, [6, 6, 6])], FIRST, LAST)
    assert [s.mean for s in result.sittings] == [6.0]
    assert result.verdict is Verdict.NOT_JUDGED
