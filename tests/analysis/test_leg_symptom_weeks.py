"""Leg symptoms per ISO week: reach counts and shares, nerve-sign shares, partial weeks."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.leg_symptom_weeks import leg_symptom_weeks
from sciajournal.analysis.week_frame import range_weeks
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import Reach

CET = timezone(timedelta(hours=1))


def rating(month, day, reach=None, **signs):
    return PainRating(at=datetime(2026, month, day, 9, tzinfo=CET), back=2, leg=4, reach=reach,
                      **signs)  # fmt: skip


def test_each_week_counts_its_reaches_and_nerve_signs():
    ratings = [
        rating(3, 2, Reach.FOOT, numbness=True),  # week of Mon 2 March
        rating(3, 3, Reach.CALF, numbness=True, tingling=True),
        rating(3, 4, Reach.THIGH),
        rating(3, 5),  # no reach recorded: counts for the nerve-sign share only
        rating(3, 10, Reach.BUTTOCK, weakness=True),  # week of 9 March
    ]
    weeks = leg_symptom_weeks(ratings, date(2026, 3, 2), date(2026, 3, 22), date(2026, 4, 1))
    assert [w.week.monday for w in weeks] == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    first, second, empty = weeks
    assert (first.ratings, first.with_reach, first.furthest) == (4, 3, Reach.FOOT)
    assert first.reach_counts[Reach.CALF] == 1 and first.reach_share(Reach.THIGH) == 1 / 3
    assert first.distal_share == 2 / 3  # calf and foot reach the knee or below
    assert (first.sign_share(first.numbness), first.sign_share(first.tingling)) == (0.5, 0.25)
    assert second.furthest is Reach.BUTTOCK and second.distal_share == 0
    assert second.sign_share(second.weakness) == 1
    # A week with no ratings is "nothing known", not zero.
    assert empty.ratings == 0 and empty.distal_share is None
    assert empty.sign_share(empty.numbness) is None and empty.furthest is None


def test_weeks_are_whole_and_partial_weeks_are_marked():
    # Range Wed 4 March .. Thu 19 March, today Thu 19 March.
    ratings = [rating(3, 2, Reach.FOOT), rating(3, 4, Reach.KNEE)]
    weeks = leg_symptom_weeks(ratings, date(2026, 3, 4), date(2026, 3, 19), date(2026, 3, 19))
    first, middle, last = weeks
    assert first.ratings == 2  # Monday 2 March is outside the range but in the week
    assert first.week.partly_outside_range and not first.week.in_progress
    assert not middle.week.partial
    assert last.week.in_progress and not last.week.partly_outside_range and last.week.partial


def test_range_weeks_mark_a_past_range_ending_midweek():
    weeks = range_weeks(date(2026, 3, 2), date(2026, 3, 11), date(2026, 6, 1))
    assert [(w.iso_week, w.partly_outside_range, w.in_progress) for w in weeks] == [
        ("2026-W10", False, False),
        ("2026-W11", True, False),
    ]
