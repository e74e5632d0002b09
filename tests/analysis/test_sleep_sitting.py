"""Sleep and sitting per whole ISO week: means, the longest sitting, None for no record."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.sleep_sitting import FigureWeek, sleep_sitting_spans, sleep_sitting_weeks
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
    spans = sleep_sitting_spans(weeks)
    assert (spans.woken.first, spans.woken.latest) == (
        FigureWeek(first.week, 2, 2), FigureWeek(third.week, 0, 1),
    )  # fmt: skip
    # Sitting was recorded in the first week only: no later week to set beside it.
    assert spans.sitting.one_week and spans.sitting.latest.value == 35.5


def test_the_week_in_progress_is_the_latest_and_the_first_is_inside_the_period():
    ratings = [morning(4, 2, 6), bedtime(5, 20), morning(11, 1, 7), bedtime(17, 30),
               morning(18, 3, 4)]  # fmt: skip
    # Range Wed 4 .. Wed 18 March, today the 18th: the first week is partly outside the
    # range and the last is in progress, two days in.
    weeks = sleep_sitting_weeks(ratings, date(2026, 3, 4), date(2026, 3, 18), date(2026, 3, 18))
    assert [w.week.partial for w in weeks] == [True, False, True]
    spans = sleep_sitting_spans(weeks)
    # The latest week is the one in progress, however few nights: its figures are the
    # newest a clinician has. The first is the first week inside the period with the figure.
    assert spans.woken.first == FigureWeek(weeks[1].week, 1, 1)
    assert spans.woken.latest == FigureWeek(weeks[2].week, 3, 1)
    assert spans.sitting.first == FigureWeek(weeks[2].week, 30, 1)
    assert spans.sitting.one_week
    # Only a week partly outside the period has the figure: it is used, not left out.
    only_before = sleep_sitting_weeks([morning(4, 2, 6)], date(2026, 3, 4), date(2026, 3, 18),
                                      date(2026, 3, 18))  # fmt: skip
    assert sleep_sitting_spans(only_before).woken.first.week == weeks[0].week
    empty = sleep_sitting_spans(sleep_sitting_weeks([], date(2026, 3, 4), date(2026, 3, 18),
                                                    date(2026, 3, 18)))  # fmt: skip
    assert not empty.recorded and empty.woken is None
