"""A recorded outing, whatever the device, and how it becomes a journal walk.

Devices record in UTC; the walk keeps the wall-clock offset of the place it was
recorded (Apple Health says which zone) or, failing that, of this computer's zone on
that date. The walk's id is derived from its start minute, so an imported walk is known
again as long as its start is not edited (see `is_imported`).
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from sciajournal.core.entities import Walk
from sciajournal.core.enums import Pace, Surface

#: Faster than this on average is not a walk (brisk walking is about 6 km/h).
MAX_WALKING_KMH = 7.0
#: Climbing more than this per km makes it a walk on hills.
HILLY_METRES_PER_KM = 40.0
#: Walk ids from devices live in their own UUID namespace.
DEVICE_NAMESPACE = uuid.UUID("2b7f3c1e-5d0a-4c6e-9f37-6a1d8e0b9c42")


@dataclass(frozen=True, slots=True)
class Outing:
    start: datetime  # aware (UTC from the device)
    moving_minutes: float
    distance_km: float | None
    source: str  # e.g. "GPX track 'Morning walk'"
    ascent_m: float | None = None
    steps: int | None = None
    indoor: bool = False
    zone: tzinfo | None = None  # where it was recorded, when the device says
    #: The device's own word for it ("Running", "HKWorkoutActivityTypeWalking"...).
    activity: str = ""
    #: When the recording ended, pauses included (None: start + moving minutes).
    end: datetime | None = None
    #: Why the device's own sport says it is not a walk ("recorded as running, not a
    #: walk"): trusted whatever the speed, unless the user takes it anyway.
    not_a_walk: str | None = None

    @property
    def span_end(self) -> datetime:
        return self.end or self.start + timedelta(minutes=self.moving_minutes)

    @property
    def speed_kmh(self) -> float | None:
        if self.distance_km is None or self.moving_minutes <= 0:
            return None
        return self.distance_km / (self.moving_minutes / 60)

    def why_not_a_walk(self) -> str | None:
        if self.not_a_walk is not None:
            return self.not_a_walk
        speed = self.speed_kmh
        if speed is not None and speed > MAX_WALKING_KMH:
            return f"too fast for a walk ({speed:.1f} km/h on average)"
        if self.moving_minutes < 1:
            return "shorter than a minute"
        return None


def _device_id(start: datetime) -> str:
    utc_minute = start.astimezone(UTC).replace(second=0, microsecond=0, tzinfo=None)
    return str(uuid.uuid5(DEVICE_NAMESPACE, utc_minute.isoformat()))


def is_imported(walk: Walk) -> bool:
    """Whether the walk came from a device file (and its start was not edited since): a
    walk the user logged by hand has a random id."""
    return walk.id == _device_id(walk.start)


def walk_from(outing: Outing, file_name: str) -> Walk:
    start = outing.start.astimezone(outing.zone) if outing.zone else outing.start.astimezone()
    speed = outing.speed_kmh
    if outing.indoor:
        surface = Surface.TREADMILL
    elif (
        outing.ascent_m is not None
        and outing.distance_km
        and outing.ascent_m / outing.distance_km > HILLY_METRES_PER_KM
    ):
        surface = Surface.HILLS
    else:
        surface = Surface.FLAT
    if speed is None or speed < 4.0:
        pace = Pace.SLOW
    elif speed < 5.5:
        pace = Pace.MODERATE
    else:
        pace = Pace.BRISK
    return Walk(
        start=start,
        minutes=round(outing.moving_minutes, 1),
        surface=surface,
        pace=pace,
        distance_km=None if outing.distance_km is None else round(outing.distance_km, 3),
        steps=outing.steps,
        notes=f"Imported from {file_name} ({outing.source})",
        id=_device_id(outing.start),
    )
