"""Small device files shaped like the real ones (tests/fixtures/samples), built in tests."""

from datetime import UTC, datetime, timedelta

HEALTH_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="es_ES">
 <ExportDate value="2024-06-01 12:00:00 +0200"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
"""


def health_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")


def workout(
    start: datetime,
    minutes: float,
    *,
    kind: str = "Walking",
    attributes: str = "",
    children: str = "",
) -> str:
    """A Workout element as iOS writes it; iOS 16+ puts totals in WorkoutStatistics."""
    end = start + timedelta(minutes=minutes)
    return (
        f' <Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{minutes}"'
        f' durationUnit="min" sourceName="iPhone" {attributes}'
        f' creationDate="{health_time(end)}" startDate="{health_time(start)}"'
        f' endDate="{health_time(end)}">\n'
        '  <MetadataEntry key="HKTimeZone" value="Europe/Madrid"/>\n'
        f"{children}"
        " </Workout>\n"
    )


def statistics(kind: str, total: float, unit: str, start: datetime, minutes: float) -> str:
    end = start + timedelta(minutes=minutes)
    return (
        f'  <WorkoutStatistics type="HKQuantityTypeIdentifier{kind}"'
        f' startDate="{health_time(start)}" endDate="{health_time(end)}"'
        f' sum="{total}" unit="{unit}"/>\n'
    )


def health_export(*workouts: str) -> str:
    return HEALTH_HEAD + "".join(workouts) + "</HealthData>\n"


def gpx_points(start: datetime, minutes: float, *, every_s: int = 10, kmh: float = 4.0) -> list:
    """(time, lat, lon) points walking north at `kmh`."""
    count = int(minutes * 60 / every_s) + 1
    metres_per_point = kmh / 3.6 * every_s
    return [
        (start + timedelta(seconds=i * every_s), 46.0 + i * metres_per_point / 111_195, 14.5)
        for i in range(count)
    ]


def gpx(
    *segments: list, name: str = "Morning walk", time_format: str = "%Y-%m-%dT%H:%M:%SZ"
) -> str:
    """One track of the given segments, each a list of (time or None, lat, lon)."""
    body = []
    for points in segments:
        body.append("   <trkseg>")
        for time, lat, lon in points:
            time = time.astimezone(UTC) if time is not None and time.tzinfo else time
            when = "" if time is None else f"<time>{time.strftime(time_format)}</time>"
            body.append(f'    <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>300</ele>{when}</trkpt>')
        body.append("   </trkseg>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="Test logger" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"  <trk><name>{name}</name>\n" + "\n".join(body) + "\n  </trk>\n</gpx>\n"
    )


def tcx_activity(sport: str, start: datetime, seconds: float, metres: float) -> str:
    stamp = start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return (
        f'    <Activity Sport="{sport}">\n'
        f"      <Id>{stamp}</Id>\n"
        f'      <Lap StartTime="{stamp}">\n'
        f"        <TotalTimeSeconds>{seconds}</TotalTimeSeconds>\n"
        f"        <DistanceMeters>{metres}</DistanceMeters>\n"
        "        <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>\n"
        "      </Lap>\n"
        "    </Activity>\n"
    )


def tcx(*activities: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        "  <Activities>\n" + "".join(activities) + "  </Activities>\n</TrainingCenterDatabase>\n"
    )


def write_large_health_export(path, megabytes: float, *, walk_every: int = 2000) -> int:
    """An Apple Health export of about `megabytes` MB written as a phone does: mostly step
    Records (what makes real exports large), a walk after every `walk_every` records and
    a run instead of every fifth walk. Written in pieces, so a 400 MB file needs little
    memory. Returns the number of walking workouts written."""
    day = datetime(2015, 1, 1, 9, 0, tzinfo=UTC)
    target = int(megabytes * 1024 * 1024)
    written, walks, workouts = 0, 0, 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEALTH_HEAD)
        while written < target:
            moment = day + timedelta(days=workouts)  # the records of a day, then its walk
            start, end = health_time(moment), health_time(moment + timedelta(minutes=1))
            record = (
                ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone"'
                f' sourceVersion="17.4" unit="count" creationDate="{end}" startDate="{start}"'
                f' endDate="{end}" value="%d"/>\n'
            )
            lines = [record % (n % 97) for n in range(walk_every)]
            kind = "Running" if workouts % 5 == 4 else "Walking"
            distance = 'totalDistance="3" totalDistanceUnit="km"'
            lines.append(workout(moment + timedelta(hours=2), 45, kind=kind, attributes=distance))
            workouts += 1
            walks += kind == "Walking"
            chunk = "".join(lines)
            out.write(chunk)
            written += len(chunk)
        out.write("</HealthData>\n")
    return walks
