"""Walking and hiking workouts from an Apple Health export (export.xml, or the export zip).

Real exports are large (several GB) and start with a long internal DOCTYPE. Everything
needed is in attributes of a Workout and its MetadataEntry and WorkoutStatistics children,
so the file is streamed through expat with no text handler: memory stays flat whatever the
file holds (a tree builder would keep a gigabyte of whitespace as one text node). Values
that cannot be true (a date in year 1, infinite steps) stop the import, naming the file.
"""

import math
import os
import xml.parsers.expat as expat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sciajournal.core.validation import MAX_YEAR, MIN_YEAR
from sciajournal.exchange.devices.outing import Outing
from sciajournal.exchange.import_source import (
    MAX_PEEK_BYTES,
    Progress,
    is_zip,
    no_progress,
    open_regular,
    zip_member,
)

WALKING_TYPES = {
    "HKWorkoutActivityTypeWalking": "walking",
    "HKWorkoutActivityTypeHiking": "hiking",
}
#: Workouts that are not walks but could have been one mislabelled (a walk recorded as a
#: run): kept, so that the preview can offer to take them anyway. Other kinds (yoga,
#: swimming...) are only counted.
NEAR_WALK_TYPES = {
    "HKWorkoutActivityTypeRunning": "running",
    "HKWorkoutActivityTypeCycling": "cycling",
}
TO_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "ft": 0.0003048, "yd": 0.0009144}
#: Since iOS 16 a workout's totals are WorkoutStatistics children, not attributes.
DISTANCE_TYPES = {"HKQuantityTypeIdentifierDistanceWalkingRunning"}
TO_MINUTES = {"min": 1.0, "s": 1 / 60, "hr": 60.0, "h": 60.0}
CHUNK = 1024 * 1024
PEEK_CHUNK = 64 * 1024
#: Kinds of workout that are not walks are counted by name, up to this many names.
MAX_LEFT_OUT_KINDS = 20


class _Root(Exception):
    def __init__(self, tag: str) -> None:
        self.tag = tag


def _stop_at_root(tag: str, _attributes: dict[str, str]) -> None:
    raise _Root(tag)


def is_health_export(member: IO[bytes]) -> bool:
    """Whether the XML's root element is HealthData, reading no further than the root."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = _stop_at_root
    read = 0
    try:
        while read < MAX_PEEK_BYTES and (chunk := member.read(PEEK_CHUNK)):
            read += len(chunk)
            parser.Parse(chunk, False)
    except _Root as root:
        return root.tag == "HealthData"
    except (expat.ExpatError, LookupError):
        return False
    return False


@contextmanager
def _export_xml(path: Path) -> Iterator[tuple[IO[bytes], IO[bytes]]]:
    """The export's XML, and the file on disk (whose position tells how far reading is)."""
    with open_regular(path) as handle:
        if is_zip(handle):
            # Found by what it holds: phones name it exportar.xml, vienti.xml, 导出.xml...
            with zip_member(
                path, handle, is_health_export, "Apple Health export (export.xml)"
            ) as member:
                yield member, handle
        else:
            yield handle, handle


class _Workouts:
    """Expat handlers that keep only the workout being read and what was found so far."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.depth = 0
        self.root: str | None = None
        self.workout: dict[str, str] | None = None
        self.meta: dict[str, str] = {}
        self.steps: str | None = None
        self.distance: tuple[str, str] | None = None  # (sum, unit) of WorkoutStatistics
        self.outings: list[Outing] = []
        self.left_out: dict[str, int] = {}

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            self.root = tag
            if tag != "HealthData":  # say so at once, not after reading gigabytes
                raise ValueError(f"{self.name}: not an Apple Health export (no HealthData)")
        elif self.depth == 2 and tag == "Workout":
            self.workout, self.meta, self.steps, self.distance = attributes, {}, None, None
        elif self.depth == 3 and self.workout is not None:
            if tag == "MetadataEntry" and "key" in attributes:
                self.meta[attributes["key"]] = attributes.get("value", "")
            elif (
                tag == "WorkoutStatistics"
                and attributes.get("type") == "HKQuantityTypeIdentifierStepCount"
                and self.steps is None
            ):
                self.steps = attributes.get("sum", "0")
            elif (
                tag == "WorkoutStatistics"
                and attributes.get("type") in DISTANCE_TYPES
                and self.distance is None
                and attributes.get("sum")
            ):
                self.distance = (attributes["sum"], attributes.get("unit", "km"))

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.depth != 1 or self.workout is None:
            return
        kind = self.workout.get("workoutActivityType", "")
        if kind in WALKING_TYPES:
            self.outings.append(self._outing(WALKING_TYPES[kind]))
        elif kind in NEAR_WALK_TYPES:
            self.outings.append(self._outing(NEAR_WALK_TYPES[kind], walk=False))
        else:
            readable = kind.removeprefix("HKWorkoutActivityType").lower() or "unknown"
            if readable not in self.left_out and len(self.left_out) >= MAX_LEFT_OUT_KINDS:
                readable = "other"
            self.left_out[readable] = self.left_out.get(readable, 0) + 1
        self.workout = None

    def _outing(self, kind: str, *, walk: bool = True) -> Outing:
        assert self.workout is not None
        workout = self.workout
        start = self._date(workout.get("startDate"))
        end = self._date(workout.get("endDate"))
        if start is None:
            raise ValueError(f"{self.name}: an Apple Health workout has no startDate")
        duration = workout.get("duration")
        if duration is not None:
            unit = TO_MINUTES.get(workout.get("durationUnit", "min"), 1.0)
            minutes = self._number(duration, "duration", start) * unit
        elif end is not None:
            minutes = (end - start).total_seconds() / 60
        else:
            raise ValueError(f"{self.name}: the Apple Health workout of {start} has no duration")
        distance_km = None
        if workout.get("totalDistance"):  # before iOS 16
            distance_km = self._km(
                workout["totalDistance"], workout.get("totalDistanceUnit", "km"), start
            )
        elif self.distance is not None:
            distance_km = self._km(*self.distance, start)
        steps = None if self.steps is None else round(self._number(self.steps, "steps", start))
        return Outing(
            start=start,
            moving_minutes=minutes,
            distance_km=distance_km,
            ascent_m=self._ascent_metres(self.meta.get("HKElevationAscended"), start),
            steps=steps,
            indoor=self.meta.get("HKIndoorWorkout") == "1",
            zone=_zone(self.meta.get("HKTimeZone")),
            source=f"Apple Health {kind}",
            activity=kind,
            not_a_walk=None if walk else f"recorded as {kind}, not a walk",
        )

    def _date(self, text: str | None) -> datetime | None:
        if not text:
            return None
        try:
            value = datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
        except ValueError:
            raise ValueError(f"{self.name}: {text!r} is not an Apple Health date") from None
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(
                f"{self.name}: the workout date {text!r} is outside the years {MIN_YEAR}-{MAX_YEAR}"
            )
        return value

    def _number(self, text: str, what: str, start: datetime) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise ValueError(
                f"{self.name}: the workout of {start}: {what} {text[:40]!r} is not a finite number"
            )
        return value

    def _km(self, value: str, unit: str, start: datetime) -> float:
        if unit not in TO_KM:
            raise ValueError(
                f"{self.name}: the workout of {start}: distance unit {unit[:20]!r} is not "
                f"one of {', '.join(TO_KM)}"
            )
        return self._number(value, "distance", start) * TO_KM[unit]

    def _ascent_metres(self, text: str | None, start: datetime) -> float | None:
        if not text:
            return None
        value, _, unit = text.partition(" ")
        metres = self._number(value, "HKElevationAscended", start)
        return metres / 100 if unit == "cm" else metres


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None  # an unknown zone: this computer's zone on that date is used instead


def read_apple_health(
    path: Path, progress: Progress = no_progress
) -> tuple[list[Outing], list[str]]:
    workouts = _Workouts(path.name)
    parser = expat.ParserCreate()
    parser.StartElementHandler = workouts.start
    parser.EndElementHandler = workouts.end
    # No character-data handler: text is skipped, never accumulated. No external entities.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    with _export_xml(path) as (source, on_disk):
        total = os.fstat(on_disk.fileno()).st_size
        try:
            while chunk := source.read(CHUNK):
                parser.Parse(chunk, False)
                progress(on_disk.tell(), total)  # bytes of the file read so far
            parser.Parse(b"", True)
            progress(total, total)  # a zip's end (its directory) is never read as data
        except (expat.ExpatError, LookupError) as error:  # LookupError: an unknown encoding
            raise ValueError(f"{path.name}: not a readable Apple Health export ({error})") from None
    if workouts.root != "HealthData":
        raise ValueError(f"{path.name}: not an Apple Health export (no HealthData)")
    notes = [
        f"Apple Health: {count} {kind} workout{'s, not walks' if count > 1 else ', not a walk'}"
        for kind, count in sorted(workouts.left_out.items())
    ]
    return workouts.outings, notes
