"""Walking and hiking workouts from an Apple Health export (export.xml, or the export zip).

Real exports are large (several GB) and start with a long internal DOCTYPE, so the file
is streamed and every finished top-level element is dropped from memory at once.
"""

import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sciajournal.exchange.devices.outing import Outing

WALKING_TYPES = {
    "HKWorkoutActivityTypeWalking": "walking",
    "HKWorkoutActivityTypeHiking": "hiking",
}
TO_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "ft": 0.0003048}
TO_MINUTES = {"min": 1.0, "s": 1 / 60, "hr": 60.0, "h": 60.0}


@contextmanager
def _export_xml(path: Path) -> Iterator[IO[bytes]]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            name = next((n for n in archive.namelist() if n.endswith("/export.xml")), None)
            if name is None:
                raise ValueError(f"{path.name}: no export.xml inside this zip file")
            with archive.open(name) as handle:
                yield handle
    else:
        with path.open("rb") as handle:
            yield handle


def _date(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z") if text else None


def _ascent_metres(text: str | None) -> float | None:
    if not text:
        return None
    value, _, unit = text.partition(" ")
    return float(value) / 100 if unit == "cm" else float(value)


def read_apple_health(path: Path) -> tuple[list[Outing], list[str]]:
    outings: list[Outing] = []
    left_out: dict[str, int] = {}
    try:
        with _export_xml(path) as source:
            depth = 0
            root: ElementTree.Element | None = None
            for event, element in ElementTree.iterparse(source, events=("start", "end")):
                if event == "start":
                    depth += 1
                    root = element if root is None else root
                    continue
                depth -= 1
                if depth != 1:
                    continue
                if element.tag == "Workout":
                    kind = element.get("workoutActivityType", "")
                    if kind in WALKING_TYPES:
                        outings.append(_outing(element, WALKING_TYPES[kind]))
                    else:
                        readable = kind.removeprefix("HKWorkoutActivityType").lower() or "unknown"
                        left_out[readable] = left_out.get(readable, 0) + 1
                assert root is not None
                root.clear()  # keep memory flat on multi-GB exports
    except ElementTree.ParseError as error:
        raise ValueError(f"{path.name}: not a readable Apple Health export ({error})") from None
    if root is None or root.tag != "HealthData":
        raise ValueError(f"{path.name}: not an Apple Health export (no HealthData)")
    notes = [
        f"Apple Health: {count} {kind} workout{'s, not walks' if count > 1 else ', not a walk'}"
        for kind, count in sorted(left_out.items())
    ]
    return outings, notes


def _outing(workout: ElementTree.Element, kind: str) -> Outing:
    meta = {e.get("key"): e.get("value") for e in workout.iterfind("MetadataEntry")}
    start = _date(workout.get("startDate"))
    end = _date(workout.get("endDate"))
    if start is None:
        raise ValueError("an Apple Health workout has no startDate")
    duration = workout.get("duration")
    if duration is not None:
        minutes = float(duration) * TO_MINUTES.get(workout.get("durationUnit", "min"), 1.0)
    elif end is not None:
        minutes = (end - start).total_seconds() / 60
    else:
        raise ValueError(f"the Apple Health workout of {start} has no duration")
    distance = workout.get("totalDistance")
    distance_km = (
        float(distance) * TO_KM.get(workout.get("totalDistanceUnit", "km"), 1.0)
        if distance
        else None
    )
    steps = next(
        (
            round(float(s.get("sum", "0")))
            for s in workout.iterfind("WorkoutStatistics")
            if s.get("type") == "HKQuantityTypeIdentifierStepCount"
        ),
        None,
    )
    zone = None
    if meta.get("HKTimeZone"):
        try:
            zone = ZoneInfo(str(meta["HKTimeZone"]))
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
    return Outing(
        start=start,
        moving_minutes=minutes,
        distance_km=distance_km,
        ascent_m=_ascent_metres(meta.get("HKElevationAscended")),
        steps=steps,
        indoor=meta.get("HKIndoorWorkout") == "1",
        zone=zone,
        source=f"Apple Health {kind}",
        activity=kind,
    )
