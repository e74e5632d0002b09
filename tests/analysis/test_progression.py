"""Weekly volume against the 10 %-a-week guide, by hand."""

from datetime import date, timedelta, timezone

from sciajournal.analysis.outcomes import walk_outcomes
from sciajournal.analysis.progression import GuideWarning, monday_of, weekly_volume
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.settings import Settings
from tests.analysis.scenario import before, follow_up, t, walk

MONDAY = date(2026, 3, 2)


def week_walks(minutes_per_week):
    """One walk on the Tuesday of each consecutive week from MONDAY."""
    return [
        walk(t(3, 10) + timedelta(weeks=i), minutes=m) for i, m in enumerate(minutes_per_week) if m
    ]


def volume(walks, last_day, ratings=(), settings=None):
    settings = settings or Settings()
    outcomes = walk_outcomes(walks, RatingIndex(ratings), settings)
    return weekly_volume(walks, outcomes, MONDAY, last_day, settings)


def test_percent_changes_and_warnings_at_their_boundaries():
    # 100 -> 110 (exactly +10 %) -> 121 (+10 %, +21 % on two weeks) -> 140 (+15.7 %)
    # -> 160 (+14.3 %, but +32.2 % on two weeks before)
    result = volume(week_walks([100, 110, 121, 140, 160]), date(2026, 4, 5))
    weeks = result.weeks
    assert [w.minutes for w in weeks] == [100, 110, 121, 140, 160]
    assert weeks[0].change_percent is None
    assert round(weeks[1].change_percent, 6) == 10.0
    assert [w.warning for w in weeks] == [
        GuideWarning.NONE,
        GuideWarning.NONE,
        GuideWarning.NONE,
        GuideWarning.ABOVE_GUIDE,
        GuideWarning.WELL_ABOVE,
    ]
    assert round(weeks[4].two_week_change_percent, 1) == 32.2


def test_a_week_without_walks_is_a_zero_and_no_division_by_zero():
    result = volume(week_walks([60, 0, 30]), date(2026, 3, 22))
    assert [(w.minutes, w.walks) for w in result.weeks] == [(60, 1), (0, 0), (30, 1)]
    assert result.weeks[1].change_percent == -100.0
    assert result.weeks[2].change_percent is None  # nothing to compare with
    assert result.weeks[2].two_week_change_percent == -50.0


def test_target_after_a_complete_week_is_ten_percent_more_next_week():
    result = volume(week_walks([100, 120]), date(2026, 3, 15))  # a Sunday
    assert result.target_week == date(2026, 3, 16)
    assert result.target_minutes == 132.0
    assert not result.target_held_back


def test_mid_week_the_target_is_for_the_week_in_progress():
    result = volume(week_walks([100, 20]), date(2026, 3, 11))  # a Wednesday
    assert result.target_week == date(2026, 3, 9)
    assert result.target_minutes == 110.0


def test_target_is_held_after_a_week_where_pain_continued():
    walks = week_walks([100])
    flagged = [before(walks[0], 2, 2), follow_up(walks[0], timedelta(hours=2), 2, 5)]
    result = volume(walks, date(2026, 3, 8), ratings=flagged)
    assert result.weeks[0].pain_continued == 1
    assert result.target_minutes == 100
    assert result.target_held_back


def test_no_walking_gives_no_target():
    result = volume([], date(2026, 3, 8))
    assert result.target_minutes is None
    assert result.tolerance_minutes is None


def test_tolerance_is_the_longest_settled_walk_of_the_last_four_weeks():
    old = walk(t(2, 10), minutes=50)  # more than four weeks before the 31st
    settled = walk(t(20, 10), minutes=25)
    flagged = walk(t(21, 10), minutes=40)
    awaiting = walk(t(22, 10), minutes=35)
    ratings = [
        before(old, 2, 2),
        follow_up(old, timedelta(hours=2), 2, 2),
        before(settled, 2, 2),
        follow_up(settled, timedelta(hours=2), 2, 2),
        before(flagged, 2, 2),
        follow_up(flagged, timedelta(hours=2), 2, 6),
    ]
    result = volume([old, settled, flagged, awaiting], date(2026, 3, 31), ratings=ratings)
    assert result.tolerance_minutes == 25


def test_weeks_follow_local_dates():
    # Monday 00:30 at +02:00 is still Sunday in UTC: it belongs to Monday's week.
    cest = timezone(timedelta(hours=2))
    early = walk(t(9, 0, 30, tz=cest), minutes=20)
    result = volume([early], date(2026, 3, 15))
    assert [w.minutes for w in result.weeks] == [0, 20]
    assert monday_of(date(2026, 3, 15)) == date(2026, 3, 9)
    assert result.weeks[1].iso_week == "2026-W11"
