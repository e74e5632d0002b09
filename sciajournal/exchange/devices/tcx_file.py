"""Garmin TCX activities as outings. TCX knows only Running, Biking and Other; a walk is
exported as Other. An explicit Running or Biking is trusted whatever the speed (a slow
treadmill run is still a run) and left out, named."""

import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

from sciajournal.exchange.devices.outing import Outing
from sciajournal.exchange.import_source import (
    MAX_TRACK_BYTES,
    Progress,
    no_progress,
    read_limited,
)

#: Sports that are not walks, and how the note names them.
NOT_WALKS = {"Running": "recorded as running", "Biking": "recorded as a bike ride"}
NS = {"tcx": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value  # TCX times are UTC


def read_tcx(path: Path, progress: Progress = no_progress) -> tuple[list[Outing], list[str]]:
    data = read_limited(path, MAX_TRACK_BYTES)
    progress(len(data) // 2, len(data))  # read; parsing is the other half
    try:
        # Some writers put a line break or spaces before <?xml, which XML forbids.
        root = ElementTree.fromstring(data.removeprefix(b"\xef\xbb\xbf").lstrip())
    except (ElementTree.ParseError, LookupError) as error:  # LookupError: unknown encoding
        raise ValueError(f"{path.name}: not a readable TCX file ({error})") from None
    if not root.tag.endswith("TrainingCenterDatabase"):
        raise ValueError(f"{path.name}: not a TCX file (no TrainingCenterDatabase)")
    outings: list[Outing] = []
    left_out: list[str] = []
    for number, activity in enumerate(root.iterfind(".//tcx:Activity", NS), start=1):
        sport = activity.get("Sport", "Other")
        label = f"TCX activity {number} ({sport})"
        laps = activity.findall("tcx:Lap", NS)
        starts = [_time(lap.get("StartTime")) for lap in laps]
        seconds = sum(float(lap.findtext("tcx:TotalTimeSeconds", "0", NS)) for lap in laps)
        metres = sum(float(lap.findtext("tcx:DistanceMeters", "0", NS)) for lap in laps)
        first = next((s for s in starts if s is not None), None) or _time(
            activity.findtext("tcx:Id", None, NS)
        )
        if first is None or seconds <= 0:
            left_out.append(f"{label}: no start time or duration recorded")
            continue
        outings.append(
            Outing(
                start=first,
                moving_minutes=seconds / 60,
                distance_km=metres / 1000 if metres else None,
                source=label,
                activity=sport,
                not_a_walk=f"{NOT_WALKS[sport]}, not a walk" if sport in NOT_WALKS else None,
            )
        )
    progress(len(data), len(data))
    return outings, left_out
