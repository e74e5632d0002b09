from datetime import UTC, datetime, timedelta, timezone

from sciajournal.analysis.repeat_sittings import REPEAT_WITHIN, sitting_close_to

CET = timezone(timedelta(hours=1))
AT = datetime(2026, 3, 10, 10, 31, tzinfo=CET)


def test_a_sitting_minutes_before_or_after_is_close_the_nearest_is_named():
    before, after = AT - timedelta(minutes=3), AT + timedelta(minutes=1)
    assert sitting_close_to(AT, [AT - timedelta(days=7), before, after]) == after
    assert sitting_close_to(AT, [before]) == before


def test_the_same_minute_is_close_and_ten_minutes_apart_is_not():
    assert sitting_close_to(AT, [AT]) == AT
    assert sitting_close_to(AT, [AT - REPEAT_WITHIN, AT + REPEAT_WITHIN]) is None
    assert sitting_close_to(AT, []) is None


def test_offsets_are_compared_as_instants():
    same_instant_in_utc = AT.astimezone(UTC)
    assert sitting_close_to(AT, [same_instant_in_utc]) == same_instant_in_utc
