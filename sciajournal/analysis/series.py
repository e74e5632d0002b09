"""Day-by-day series for charts and the report: every day of the range, walked or not."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sciajournal.core.entities import MedicationDose, PainRating, Treatment, Walk


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    walk_minutes: float
    distance_km: float
    steps: int
    walks: int
    #: Mean and max over the day's ratings; None on a day without ratings.
    back_mean: float | None
    back_max: int | None
    leg_mean: float | None
    leg_max: int | None
    ratings: int
    treatments: int
    medication_doses: int


def daily_series(
    first_day: date,
    last_day: date,
    walks: Sequence[Walk],
    ratings: Sequence[PainRating],
    treatments: Sequence[Treatment],
    medications: Sequence[MedicationDose],
) -> list[Day]:
    length = (last_day - first_day).days + 1
    if length <= 0:
        return []
    minutes = [0.0] * length
    distance = [0.0] * length
    steps = [0] * length
    walk_counts = [0] * length
    backs: list[list[int]] = [[] for _ in range(length)]
    legs: list[list[int]] = [[] for _ in range(length)]
    treatment_counts = [0] * length
    dose_counts = [0] * length

    # Day numbers rather than date arithmetic: ten years of entries go through here after
    # every save with the charts on "All" (issue 14).
    first = first_day.toordinal()

    def slot(day: date) -> int | None:
        index = day.toordinal() - first
        return index if 0 <= index < length else None

    def mean(scores: list[int]) -> float:
        # Whole scores: their sum is exact, so this equals statistics.fmean, at a third of
        # its cost (tests/analysis/test_series.py compares the two).
        return round(sum(scores) / len(scores), 2)

    for walk in walks:
        if (i := slot(walk.start.date())) is not None:
            minutes[i] += walk.minutes
            distance[i] += walk.distance_km or 0.0
            steps[i] += walk.steps or 0
            walk_counts[i] += 1
    for rating in ratings:
        if (i := slot(rating.at.date())) is not None:
            backs[i].append(rating.back)
            legs[i].append(rating.leg)
    for treatment in treatments:
        if (i := slot(treatment.start.date())) is not None:
            treatment_counts[i] += 1
    for dose in medications:
        if (i := slot(dose.at.date())) is not None:
            dose_counts[i] += 1

    return [
        Day(
            day=first_day + timedelta(days=i),
            walk_minutes=minutes[i],
            distance_km=round(distance[i], 3),
            steps=steps[i],
            walks=walk_counts[i],
            back_mean=mean(backs[i]) if backs[i] else None,
            back_max=max(backs[i]) if backs[i] else None,
            leg_mean=mean(legs[i]) if legs[i] else None,
            leg_max=max(legs[i]) if legs[i] else None,
            ratings=len(backs[i]),
            treatments=treatment_counts[i],
            medication_doses=dose_counts[i],
        )
        for i in range(length)
    ]


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """A week of daily values, for charts that would be illegible day by day."""

    monday: date
    walk_minutes: float
    back_mean: float | None
    back_max: int | None
    leg_mean: float | None
    leg_max: int | None
    treatments: int
    medication_doses: int


def weekly_points(days: Sequence[Day]) -> list[WeekPoint]:
    """Group consecutive days into ISO weeks; pain means weigh each rated day equally."""
    weeks: dict[date, list[Day]] = {}
    for day in days:
        weeks.setdefault(day.day - timedelta(days=day.day.weekday()), []).append(day)
    points = []
    for monday, group in weeks.items():
        backs = [d.back_mean for d in group if d.back_mean is not None]
        legs = [d.leg_mean for d in group if d.leg_mean is not None]
        back_maxima = [d.back_max for d in group if d.back_max is not None]
        leg_maxima = [d.leg_max for d in group if d.leg_max is not None]
        points.append(
            WeekPoint(
                monday=monday,
                walk_minutes=sum(d.walk_minutes for d in group),
                back_mean=round(fmean(backs), 2) if backs else None,
                back_max=max(back_maxima) if back_maxima else None,
                leg_mean=round(fmean(legs), 2) if legs else None,
                leg_max=max(leg_maxima) if leg_maxima else None,
                treatments=sum(d.treatments for d in group),
                medication_doses=sum(d.medication_doses for d in group),
            )
        )
    return points
