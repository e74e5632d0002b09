from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sciajournal.core.timestamps import TimestampError, join_instant, parse_iso, split_instant


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
