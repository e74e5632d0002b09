"""Pinned test clocks that agree with the computer's time zone, whatever TZ the suite runs in.

The forms show and read times in the computer's local zone (as a patient sees them); the
window takes "today" from its clock. A test clock pinned in a fixed foreign zone (say CET)
would, on a computer at UTC+14, put the form's "now" on the next day. So a window test pins
its clock and its entries in `MACHINE_OFFSET` (the computer's own offset on that date):
the same wall times in every zone, and the suite still runs under whatever TZ it is given.
"""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone


def machine_offset(year: int, month: int, day: int) -> timezone:
    """The computer's UTC offset at noon on that day, as a fixed zone."""
    offset = datetime(year, month, day, 12).astimezone().utcoffset()
    assert offset is not None
    return timezone(offset)


def machine_local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """That wall time in the computer's zone, with the offset its rules give for that date."""
    return datetime(year, month, day, hour, minute).astimezone()


#: The offset of the computer on 10 March 2026, the date most window tests are pinned to.
MACHINE_OFFSET = machine_offset(2026, 3, 10)


@contextmanager
def computer_zone(name: str) -> Iterator[None]:
    """Run as if the computer were set to zone `name` (pure-Python conversions only: Qt
    reads the zone once), then put the suite's own zone back."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()
