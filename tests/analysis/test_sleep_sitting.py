"""Sleep and sitting per whole ISO week: means, the longest sitting, None for no record."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.sleep_sitting import first_and_latest, sleep_sitting_weeks
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import PainContext

CET = timezone(timedelta(hours=1))


def morning(day, woken=None, slept=None):
    return PainRating(datetime(2026, 3, day, 7, tzinfo=CET), 2, 3, PainContext.MORNING,
                      times_woken=woken, hours_slept=slept)  # fmt: skip


def bedtime(day, sitting):
    return PainRating(datetime(2026, 3, day, 22, tzinfo=CET), 2, 3, PainContext.BEDTIME,
                      comfortable_sitting_minutes=sitting)  # fmt: skip


def test_weekly_means_and_the_longest_sitting_over_whole_weeks():
    ratings = [
        morning(2, 3, 5.5), morning(3, 1, 6.5), morning(4, None, 7),  # week of 2 March
        bedtime(2, 20), bedtime(5, 35.5),
        morning(1, 4, 4),  # Sunday 1 March: the week before, outside the range's weeks
        morning(17, 0, 8),  # week of 16 March
    ]  # fmt: skip
    weeks = sleep_sitting_weeks(ratings, date(2026, 3, 2), date(2026, 3, 22), date(2026, 4, 1))
    first, empty, third = weeks
    assert (first.woken_nights, first.times_woken_mean) == (2, 2)
    assert (first.slept_nights, first.hours_slept_mean) == (3, 6.333333333333333)
    assert (first.sitting_days, first.longest_sitting_minutes) == (2, 35.5)
    # Nothing recorded is None, never zero; a record of 0 times woken is a zero.
    assert (empty.times_woken_mean, empty.longest_sitting_minutes, empty.recorded) == (
        None, None, False,
    )  # fmt: skip
    assert third.times_woken_mean == 0 and third.recorded
    assert first_and_latest(weeks) == (first, third)


def test_whole_weeks_are_compared_before_partial_ones():
    ratings = [morning(4, 2, 6), morning(11, 1, 7), morning(18, 0, 8)]
    # Range Wed 4 .. Wed 18 March, today the 18th: the first week is partly outside the
    # range and the last is in progress; only the middle one is whole.
    weeks = sleep_sitting_weeks(ratings, date(2026, 3, 4), date(2026, 3, 18), date(2026, 3, 18))
    assert [w.week.partial for w in weeks] == [True, False, True]
    assert first_and_latest(weeks) == (weeks[1], weeks[1])
    assert first_and_latest(sleep_sitting_weeks([], date(2026, 3, 4), date(2026, 3, 18),
                                                date(2026, 3, 18))) is None  # fmt: skip
