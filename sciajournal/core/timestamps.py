"""Timezone-aware timestamps: the UTC instant plus the local offset it was entered in.

Keeping both means a walk logged at 09:15 in summer still reads 09:15 after the
clocks change or after the patient travels, while sorting and ranges use the instant.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo


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
    """Attach the computer's zone rules for that date (DST-correct) to a naive local time.

    A wall time that occurs twice is its first occurrence; see `wall_time_moment`.
    """
    return wall_time_moment(naive_local)


def wall_time_moment(naive: datetime, zone: tzinfo | None = None, *, fold: int = 0) -> datetime:
    """The moment a wall-clock time names in `zone` (None: the computer's zone), with the
    fixed offset in force then.

    On the night the clocks go back, a wall time occurs twice: it is the first occurrence
    (summer time) unless `fold` is 1. On the night they go forward, the skipped wall times
    never occur: 02:30 is taken as 02:30 by the old offset, i.e. 03:30 after the change
    (as calendars do), never an hour earlier.
    """
    naive = naive.replace(tzinfo=None, fold=0)
    if zone is not None:
        first, second = (naive.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
        # In the skipped hour PEP 495's fold=1 reads the new offset (an hour back): never.
        instant = second if fold and second > first else first
    else:
        instant = _machine_instant(naive, fold)
    return instant.astimezone(_fixed(instant, zone))


def wall_time_folds(naive: datetime, zone: tzinfo | None = None) -> list[datetime]:
    """The moments a wall time names: two in the repeated hour, else one (see above)."""
    first = wall_time_moment(naive, zone, fold=0)
    second = wall_time_moment(naive, zone, fold=1)
    return [first] if first == second else [first, second]


def wall_time_on(day: date, at: time, zone: tzinfo | None = None) -> datetime:
    """`at` o'clock on `day` in `zone` (None: the computer's zone): see wall_time_moment."""
    return wall_time_moment(datetime.combine(day, at), zone)


def local_date(moment: datetime, zone: tzinfo | None = None) -> date:
    """The calendar date of `moment` in `zone` (None: the computer's zone)."""
    return (moment.astimezone(zone) if zone is not None else moment.astimezone()).date()


def machine_offset(moment: datetime) -> timezone:
    """The computer's UTC offset at that instant, as a fixed zone."""
    offset = moment.astimezone().utcoffset()
    assert offset is not None  # astimezone() always attaches a zone
    return timezone(offset)


def _fixed(instant: datetime, zone: tzinfo | None) -> timezone:
    local = instant.astimezone(zone) if zone is not None else instant.astimezone()
    offset = local.utcoffset()
    assert offset is not None
    return timezone(offset)


def _machine_instant(naive: datetime, fold: int) -> datetime:
    """`wall_time_moment` for the computer's zone, whose rules Python only offers per instant.

    The offsets in force a day either side are the only candidates (a zone changes its
    offset at most once in two days); a candidate is right if the computer agrees that
    it is in force at the instant it gives.
    """
    as_utc = naive.replace(tzinfo=UTC)
    before = machine_offset(as_utc - timedelta(days=1)).utcoffset(None)
    after = machine_offset(as_utc + timedelta(days=1)).utcoffset(None)
    matches = sorted(
        {
            as_utc - offset
            for offset in (before, after)
            if machine_offset(as_utc - offset).utcoffset(None) == offset
        }
    )
    if not matches:  # skipped by the clocks going forward: read by the old offset
        return as_utc - before
    return matches[-1] if fold and len(matches) > 1 else matches[0]
