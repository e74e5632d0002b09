"""GPX tracks (GPS devices and apps) as outings, read with gpxpy.

Loggers split one outing into several tracks or segments when the signal drops or
the walk pauses; pieces less than 30 minutes apart are one outing. Its minutes are the
time spent inside the pieces, so a long pause is not counted as walking. Tracks
without times cannot be placed in the journal and are left out, and said so.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import gpxpy
import gpxpy.gpx

from sciajournal.exchange.devices.outing import Outing
from sciajournal.exchange.import_source import MAX_TRACK_BYTES, read_limited

SAME_OUTING_GAP = timedelta(minutes=30)


@dataclass
class _Piece:
    start: datetime
    end: datetime
    metres: float
    ascent: float
    name: str


def read_gpx(path: Path) -> tuple[list[Outing], list[str]]:
    """Outings in the file, and what was left out (with the reason)."""
    data = read_limited(path, MAX_TRACK_BYTES)
    try:
        document = gpxpy.parse(data.decode("utf-8-sig"))
    except (gpxpy.gpx.GPXException, ValueError, LookupError) as error:
        raise ValueError(f"{path.name}: not a readable GPX file ({error})") from None
    pieces: list[_Piece] = []
    left_out: list[str] = []
    for number, track in enumerate(document.tracks, start=1):
        name = track.name or f"track {number}"
        for segment in track.segments:
            timed = [point for point in segment.points if point.time is not None]
            if not segment.points:
                continue
            if len(timed) < 2:
                left_out.append(f"GPX {name}: too few times recorded to know when and how long")
                continue
            start, end = timed[0].time, timed[-1].time
            assert start is not None and end is not None
            climb = segment.get_uphill_downhill().uphill
            pieces.append(_Piece(start, end, segment.length_2d() or 0.0, climb or 0.0, name))
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
    return outings, left_out
