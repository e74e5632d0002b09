"""Page one's Function lines: figures, the PSFS verdict or "not judged", partial weeks."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.bothersomeness import bothersomeness
from sciajournal.analysis.function_measures import FunctionMeasures
from sciajournal.analysis.functional_scale import functional_scale
from sciajournal.analysis.sleep_sitting import SleepSittingWeek
from sciajournal.analysis.week_frame import range_weeks
from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
)
from sciajournal.report.function_content import NOTHING, function_lines

CET = timezone(timedelta(hours=1))
FIRST, LAST, TODAY = date(2026, 3, 2), date(2026, 3, 25), date(2026, 3, 25)


def at(day, hour=19):
    return datetime(2026, 3, day, hour, tzinfo=CET)


def no_sleep():
    return [SleepSittingWeek(w, 0, None, 0, None, 0, None) for w in range_weeks(FIRST, LAST, TODAY)]


def scored(day, *pairs):
    return FunctionRating(at(day), tuple(ActivityScore(a.id, score) for a, score in pairs))


def measures(checks=(), activities=(), ratings=(), sleep=None):
    return FunctionMeasures(
        bothersomeness(checks, FIRST, LAST),
        functional_scale(activities, ratings, FIRST, LAST),
        no_sleep() if sleep is None else sleep,
        [],
    )


def test_nothing_recorded_is_one_line_saying_so():
    assert function_lines(measures()) == [NOTHING]


def test_sbi_and_psfs_with_their_change_and_the_psfs_verdict():
    checks = [
        BothersomenessCheck(at(3), 5, 4, 3, 6),
        BothersomenessCheck(at(24), 3, 2, 1, 2),
    ]
    shop = FunctionActivity(at(2, 8), "walk to the shop")
    socks = FunctionActivity(at(2, 8), "put on socks", retired=at(10, 8))
    meal = FunctionActivity(at(2, 8), "sit through a meal")
    film = FunctionActivity(at(10, 8), "sit through a film")
    ratings = [
        scored(3, (shop, 2), (socks, 3), (meal, 4)),
        scored(24, (shop, 6), (meal, 5), (film, 4)),
    ]
    lines = function_lines(measures(checks, [shop, socks, meal, film], ratings))
    sbi, psfs, activities, sleep = lines
    assert "Sciatica Bothersomeness Index (0-24, higher is worse): 8 on 24 Mar, 18 on 03 Mar" in sbi
    assert "change -10; no meaningful-change value is established" in sbi
    assert "5.0 on 24 Mar (3 activities), 3.0 on 03 Mar: change +2.0, meaningfully better" in psfs
    assert "the activities rated differ" in psfs
    assert "walk to the shop 2 → 6" in activities
    assert "put on socks 3 (retired 10 Mar)" in activities
    assert sleep == "Sleep and sitting: not recorded in this period."


def test_one_sitting_and_one_check_are_not_judged_never_no_change():
    shop = FunctionActivity(at(2, 8), "walk to the shop")
    lines = function_lines(
        measures(
            [BothersomenessCheck(at(3), 1, 1, 1, 1)],
            [shop],
            [FunctionRating(at(3), (ActivityScore(shop.id, 4),))],
        )
    )
    text = " ".join(lines)
    assert "4 on 03 Mar; change: not enough data (one check)" in lines[0]
    assert "change: not judged (not enough data: only one sitting" in lines[1]
    assert "no change" not in text and "settled" not in text


def test_sleep_and_sitting_name_the_weeks_and_mark_the_week_so_far():
    weeks = range_weeks(FIRST, LAST, TODAY)
    sleep = [SleepSittingWeek(w, 0, None, 0, None, 0, None) for w in weeks]
    sleep[0] = SleepSittingWeek(weeks[0], 7, 2.0, 7, 5.5, 6, 20.0)
    sleep[-1] = SleepSittingWeek(weeks[-1], 3, 0.6666666, 3, 7.0, 2, 45.0)
    line = function_lines(measures(sleep=sleep))[-1]
    assert line.startswith("Sleep and sitting, week of 23 Mar (so far): woken 0.7× a night")
    assert "7.0 h slept (3 nights), longest comfortable sitting 45 min (2 days recorded)" in line
    assert "; week of 02 Mar: woken 2.0× a night (7 nights)" in line
    assert line.endswith("(weekly figures, without a meaningful-change call).")
