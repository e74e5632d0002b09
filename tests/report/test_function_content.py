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
    lines = function_lines(measures())
    assert (lines.scores, lines.emphasised, lines.detail, lines.note) == (
        [NOTHING],
        [False],
        [],
        "",
    )


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
    sbi, psfs = lines.scores
    assert lines.emphasised == [False, True]  # only a meaningful PSFS change is bold
    assert sbi == (
        "Bothersomeness (SBI, 0-24, higher is worse): 18 on 03 Mar → 8 on 24 Mar, -10 "
        "(2 checks; no verdict*)."
    )
    # The footnote says why there is no verdict, never that there is no change; only the
    # SBI carries a star here (no sleep or sitting recorded).
    assert lines.note == (
        "* shown without a verdict: no threshold for a meaningful change is published for the SBI."
    )
    assert psfs == (
        "Own activities (PSFS mean, 0-10, higher is better): 3.0 on 03 Mar → 5.0 on 24 Mar "
        "(3 activities), change +2.0: meaningfully better (2 points or more); "
        "not the same activities rated first and last."
    )
    activities, sleep = lines.detail
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
    sbi, psfs = lines.scores
    assert "4 on 03 Mar; change: not enough data (one check)" in sbi
    assert "change: not judged (not enough data: only one sitting" in psfs
    text = " ".join([*lines.scores, *lines.detail])
    assert "no change" not in text and "settled" not in text


def test_sleep_and_sitting_show_the_week_in_progress_beside_each_figures_first_week():
    # Range Mon 2 .. Wed 25 March, today the 25th: the week of 23 March is "so far".
    weeks = range_weeks(FIRST, LAST, TODAY)
    sleep = [SleepSittingWeek(w, 0, None, 0, None, 0, None) for w in weeks]
    sleep[0] = SleepSittingWeek(weeks[0], 7, 2.0, 7, 5.5, 0, None)  # no sitting figure
    sleep[1] = SleepSittingWeek(weeks[1], 0, None, 0, None, 3, 45.0)
    sleep[2] = SleepSittingWeek(weeks[2], 5, 0.6666666, 4, 7.0, 2, 40.0)
    sleep[3] = SleepSittingWeek(weeks[3], 2, 3.0, 2, 4.0, 1, 10.0)  # two nights so far
    lines = function_lines(measures(sleep=sleep))
    # The latest (worst) week is shown although only two nights in; sitting is compared
    # with the first week that has a sitting figure, not with an empty one.
    expected = (
        "Sleep and sitting: woken 2.0 → 3.0×/night, 5.5 → 4.0 h slept (week of 02 Mar, "
        "7 nights → week of 23 Mar so far, 2 nights); sat comfortably up to 45 → 10 min "
        "(week of 09 Mar, 3 days → week of 23 Mar so far, 1 day); no verdict*."
    )
    assert lines.detail[-1] == expected
    assert lines.sleep_on_page_one == expected
    assert "sleep or sitting" in lines.note
    # All figures over the same two weeks: the weeks are named once.
    sleep[1] = SleepSittingWeek(weeks[1], 0, None, 0, None, 0, None)
    sleep[0] = SleepSittingWeek(weeks[0], 7, 2.0, 7, 5.5, 6, 20.0)
    assert function_lines(measures(sleep=sleep)).detail[-1] == (
        "Sleep and sitting, week of 02 Mar → week of 23 Mar so far: woken 2.0 → 3.0×/night, "
        "5.5 → 4.0 h slept (7 nights → 2 nights), sat comfortably up to 20 → 10 min "
        "(6 days → 1 day); no verdict*."
    )
    # Only the week so far recorded: it is shown, marked.
    only = [SleepSittingWeek(w, 0, None, 0, None, 0, None) for w in weeks]
    only[3] = sleep[3]
    assert function_lines(measures(sleep=only)).detail[-1] == (
        "Sleep and sitting, week of 23 Mar so far: woken 3.0×/night, 4.0 h slept (2 nights), "
        "sat comfortably up to 10 min (1 day); no verdict*."
    )
