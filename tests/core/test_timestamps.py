from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sciajournal.core.timestamps import (
    TimestampError,
    join_instant,
    local_aware,
    local_date,
    parse_iso,
    split_instant,
    wall_time_folds,
    wall_time_moment,
    wall_time_on,
)
from tests.clocks import computer_zone


def test_split_and_join_keep_the_local_offset():
    moment = datetime(2026, 3, 29, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    utc, offset = split_instant(moment)
    assert utc == datetime(2026, 3, 29, 7, 15)
    assert offset == 120
    back = join_instant(utc, offset)
    assert back == moment
    assert back.utcoffset() == timedelta(hours=2)
    assert back.hour == 9


def test_entries_either_side_of_a_dst_change_keep_their_wall_clock():
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime(2026, 3, 28, 9, 0, tzinfo=berlin)  # CET, +01:00
    after = datetime(2026, 3, 29, 9, 0, tzinfo=berlin)  # CEST, +02:00
    restored = [join_instant(*split_instant(m)) for m in (before, after)]
    assert [m.hour for m in restored] == [9, 9]
    assert [m.utcoffset() for m in restored] == [timedelta(hours=1), timedelta(hours=2)]
    assert restored[1] - restored[0] == timedelta(hours=23)


def test_parse_iso_requires_an_offset():
    assert parse_iso("2026-03-29T09:15:00Z").utcoffset() == timedelta(0)
    with pytest.raises(TimestampError, match="no UTC offset"):
        parse_iso("2026-03-29T09:15:00")
    with pytest.raises(TimestampError, match="not an ISO 8601"):
        parse_iso("yesterday")


BERLIN = ZoneInfo("Europe/Berlin")


def offsets(moments: list[datetime]) -> list[str]:
    return [m.strftime("%H:%M%z") for m in moments]


@pytest.mark.parametrize("zone", [BERLIN, None], ids=["zoneinfo", "computer"])
def test_a_wall_time_in_the_repeated_hour_is_first_summer_then_winter_time(zone):
    with computer_zone("Europe/Berlin"):
        repeated = datetime(2026, 10, 25, 2, 30)
        assert offsets(wall_time_folds(repeated, zone)) == ["02:30+0200", "02:30+0100"]
        assert wall_time_moment(repeated, zone) == wall_time_folds(repeated, zone)[0]
        assert offsets([wall_time_moment(repeated, zone, fold=1)]) == ["02:30+0100"]
        assert local_aware(repeated).utcoffset() == timedelta(hours=2)  # first occurrence
        for plain in (datetime(2026, 10, 25, 1, 59), datetime(2026, 10, 25, 3, 0)):
            assert len(wall_time_folds(plain, zone)) == 1


@pytest.mark.parametrize("zone", [BERLIN, None], ids=["zoneinfo", "computer"])
def test_a_skipped_wall_time_moves_forward_never_back(zone):
    with computer_zone("Europe/Berlin"):
        skipped = datetime(2026, 3, 29, 2, 30)  # 02:00 CET became 03:00 CEST
        for fold in (0, 1):
            assert offsets([wall_time_moment(skipped, zone, fold=fold)]) == ["03:30+0200"]
        assert offsets(wall_time_folds(skipped, zone)) == ["03:30+0200"]
        assert offsets([wall_time_on(date(2026, 3, 29), time(23, 30), zone)]) == ["23:30+0200"]
        assert offsets([wall_time_on(date(2026, 3, 28), time(23, 30), zone)]) == ["23:30+0100"]


def test_the_computer_zone_is_read_for_each_date_whatever_zone_the_suite_runs_in():
    with computer_zone("Pacific/Kiritimati"):
        assert offsets([local_aware(datetime(2026, 3, 10, 15))]) == ["15:00+1400"]
        assert local_date(datetime(2026, 3, 10, 15, tzinfo=UTC)) == date(2026, 3, 11)
    with computer_zone("Asia/Kolkata"):
        assert offsets([local_aware(datetime(2026, 3, 10, 15))]) == ["15:00+0530"]
