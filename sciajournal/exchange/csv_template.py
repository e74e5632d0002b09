"""Dates and times as people and spreadsheets write them in a diary template.

A template has a `date` and a `time` column instead of an ISO timestamp with an offset.
Dates are read as 2026-03-29 (ISO), 2026/03/29 or 29.03.2026 (the day-first form of
German and other European spreadsheets). 03/29/2026 and 29/03/2026 are refused: with a
slash, 04/03/2026 is April in the US and March in Britain, and guessing would put a
walk on the wrong day. Times are 9:15, 09:15:00 or 9:15 AM. The UTC offset is the
computer's for that date (summer or winter time), as when an entry is made in the app.
"""

import re
from datetime import date, time

TEMPLATE_COLUMNS = ("date", "time")

_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
#: A spreadsheet may write a date cell with a midnight time after it.
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00)?$")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?")


def template_date(text: str) -> date:
    cleaned = _MIDNIGHT.sub("", text.strip())
    try:
        if match := _ISO_DATE.fullmatch(cleaned):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST.fullmatch(cleaned):
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    if _SLASHED.fullmatch(cleaned):
        raise ValueError(
            f"{text!r} could be day/month or month/day; write the date as 2026-03-29 "
            "(or 29.03.2026)"
        )
    raise ValueError(f"{text!r} is not a date like 2026-03-29 or 29.03.2026")


def template_clock(text: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a time like 09:15")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r} is not a time (an AM/PM hour is 1 to 12)")
        hour = hour % 12 + (12 if match[4].casefold() == "pm" else 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        raise ValueError(f"{text!r} is not a time like 09:15") from None
