"""Timezone-aware timestamps: the UTC instant plus the local offset it was entered in.

Keeping both means a walk logged at 09:15 in summer still reads 09:15 after the
clocks change or after the patient travels, while sorting and ranges use the instant.
"""

from datetime import UTC, datetime, timedelta, timezone


class TimestampError(ValueError):
    """A timestamp text that is not ISO 8601 with an offset."""


def split_instant(moment: datetime) -> tuple[datetime, int]:
    """Return (naive UTC instant, offset in whole minutes) of an aware datetime."""
    offset = moment.utcoffset()
    if offset is None:
        raise TimestampError("timestamp has no UTC offset")
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc, int(offset.total_seconds() // 60)


def join_instant(utc: datetime, offset_minutes: int) -> datetime:
    """Inverse of split_instant: the aware local time with its original offset."""
    zone = timezone(timedelta(minutes=offset_minutes))
    return utc.replace(tzinfo=UTC).astimezone(zone)


def parse_iso(text: str) -> datetime:
    """Parse ISO 8601 text that must carry an offset ("2026-03-29T09:15:00+02:00")."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError) as error:
        raise TimestampError(f"{text!r} is not an ISO 8601 date and time") from error
    if moment.utcoffset() is None:
        raise TimestampError(f"{text!r} has no UTC offset (e.g. +01:00 or Z)")
    return moment


def format_iso(moment: datetime) -> str:
    """ISO 8601 with offset, seconds precision unless the time has microseconds."""
    return moment.isoformat()


def local_now() -> datetime:
    """Now, in the computer's local zone with its current offset."""
    return datetime.now().astimezone()


def local_aware(naive_local: datetime) -> datetime:
    """Attach the computer's zone rules for that date (DST-correct) to a naive local time."""
    return naive_local.astimezone()
