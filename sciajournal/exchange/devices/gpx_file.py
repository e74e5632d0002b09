"""GPX tracks (GPS devices and apps) as outings, read with gpxpy.

Loggers split one outing into several tracks or segments when the signal drops or
the walk pauses; pieces less than 30 minutes apart are one outing. Its minutes are the
time spent inside the pieces, so a long pause is not counted as walking. The same rule
holds inside a segment: more than 30 minutes without a point cuts it into two pieces. Tracks
without times cannot be placed in the journal and are left out, and said so.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import gpxpy
import gpxpy.gpx

from sciajournal.exchange.devices.outing import Outing
from sciajournal.exchange.import_source import (
    MAX_TRACK_BYTES,
    Progress,
    no_progress,
    read_limited,
)

SAME_OUTING_GAP = timedelta(minutes=30)


@dataclass
class _Piece:
    start: datetime
    end: datetime
    metres: float
    ascent: float
    name: str


def _utc(time: datetime) -> datetime:
    # GPX times are UTC by the standard; some writers drop the "Z" on some points only.
    return time.replace(tzinfo=UTC) if time.tzinfo is None else time


def _pieces_of(segment: gpxpy.gpx.GPXTrackSegment, name: str) -> list[_Piece]:
    """The segment cut where the logger recorded nothing for longer than a pause may last,
    as between segments: a long pause inside a segment is not walking either."""
    runs: list[list[gpxpy.gpx.GPXTrackPoint]] = [[]]
    last: datetime | None = None
    for point in segment.points:
        if point.time is not None:
            point.time = _utc(point.time)
            if last is not None and point.time - last > SAME_OUTING_GAP:
                runs.append([])
            last = point.time
        runs[-1].append(point)
    pieces = []
    for run in runs:
        times = [point.time for point in run if point.time is not None]
        if len(times) < 2:
            continue  # a lone point at a pause's end: no time spent walking
        piece = gpxpy.gpx.GPXTrackSegment(points=run)
        climb = piece.get_uphill_downhill().uphill
        pieces.append(_Piece(times[0], times[-1], piece.length_2d() or 0.0, climb or 0.0, name))
    return pieces


def read_gpx(path: Path, progress: Progress = no_progress) -> tuple[list[Outing], list[str]]:
    """Outings in the file, and what was left out (with the reason)."""
    data = read_limited(path, MAX_TRACK_BYTES)
    progress(len(data) // 2, len(data))  # read; parsing is the other half
    try:
        document = gpxpy.parse(data.decode("utf-8-sig"))
    except (gpxpy.gpx.GPXException, ValueError, LookupError) as error:
        raise ValueError(f"{path.name}: not a readable GPX file ({error})") from None
    pieces: list[_Piece] = []
    left_out: list[str] = []
    for number, track in enumerate(document.tracks, start=1):
        progress(len(data) // 2, len(data))  # a chance to cancel between tracks
        name = f"track '{track.name}'" if track.name else f"track {number}"
        segments = [segment for segment in track.segments if segment.points]
        for index, segment in enumerate(segments, start=1):
            timed = sum(point.time is not None for point in segment.points)
            if timed < 2:
                what = name if len(segments) == 1 else f"{name}, segment {index} of {len(segments)}"
                points = len(segment.points)
                left_out.append(
                    f"GPX {what} ({points} point{'s' if points > 1 else ''}, {timed} with a time): "
                    "too few times recorded to know when and how long"
                )
                continue
            pieces.extend(_pieces_of(segment, name))
    if not pieces and not left_out:
        left_out.append(f"{path.name}: no tracks")
    pieces.sort(key=lambda piece: piece.start)
    outings: list[Outing] = []
    group: list[_Piece] = []
    for piece in [*pieces, None]:
        if group and (piece is None or piece.start - group[-1].end > SAME_OUTING_GAP):
            seconds = sum((p.end - p.start).total_seconds() for p in group)
            outings.append(
                Outing(
                    start=group[0].start,
                    end=max(p.end for p in group),
                    moving_minutes=seconds / 60,
                    distance_km=sum(p.metres for p in group) / 1000,
                    ascent_m=sum(p.ascent for p in group),
                    source=f"GPX {group[0].name}",
                    activity="GPX track",
                )
            )
            group = []
        if piece is not None:
            group.append(piece)
    progress(len(data), len(data))
    return outings, left_out
