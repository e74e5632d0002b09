"""Red flags stay in view, and the report knows when the patient last screened."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.red_flag_history import red_flag_history, red_flags_in_view
from sciajournal.analysis.red_flags import Urgency
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag

CET = timezone(timedelta(hours=1))


def at(month, day, hour=9):
    return datetime(2026, month, day, hour, 0, tzinfo=CET)


def flag(when, *signs):
    return RedFlagCheck(at=when, signs=frozenset(signs or {RedFlag.FEVER}))


def test_a_red_flag_stays_until_a_later_check_finds_none_and_at_least_a_week():
    fever = flag(at(3, 1))
    assert red_flags_in_view([fever], at(3, 5)) == [fever]
    assert red_flags_in_view([fever], at(5, 1)) == [fever]  # never re-checked
    earlier_negative = RedFlagCheck(at=at(2, 20))
    assert red_flags_in_view([earlier_negative, fever], at(5, 1)) == [fever]
    later_negative = RedFlagCheck(at=at(3, 2))
    assert red_flags_in_view([fever, later_negative], at(3, 7)) == [fever]  # the first week
    assert red_flags_in_view([fever, later_negative], at(3, 9)) == []


def test_history_of_a_range_with_no_red_flag_names_the_last_screening():
    negative = RedFlagCheck(at=at(3, 3), notes="asked by physio")
    history = red_flag_history([negative], date(2026, 3, 1), date(2026, 3, 31))
    assert history.flagged == [] and history.checks == 1 and history.found_none == 1
    assert history.last_screened == negative and history.most_urgent is None


def test_the_last_screening_may_be_before_the_range_but_not_after_it():
    before = RedFlagCheck(at=at(1, 20))
    after = RedFlagCheck(at=at(4, 2))
    history = red_flag_history([before, after], date(2026, 3, 1), date(2026, 3, 31))
    assert history.last_screened == before and history.checks == 0


def test_never_screened_is_not_the_same_as_screened_negative():
    history = red_flag_history([], date(2026, 3, 1), date(2026, 3, 31))
    assert history.last_screened is None


def test_red_flags_in_the_six_months_before_the_range_are_earlier():
    two_months_before = flag(at(1, 5), RedFlag.SADDLE_NUMBNESS)
    seven_months_before = flag(datetime(2025, 8, 1, 9, tzinfo=CET))
    in_range = flag(at(3, 10), RedFlag.WEIGHT_LOSS, RedFlag.FEVER)
    history = red_flag_history(
        [seven_months_before, two_months_before, in_range], date(2026, 3, 1), date(2026, 3, 31)
    )
    assert history.earlier == [two_months_before]
    assert history.flagged == [in_range] and history.most_urgent is Urgency.SAME_DAY
