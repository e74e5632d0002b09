"""Pain against walking volume: does more walking go with more or less pain afterwards?"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import StatisticsError, correlation

from sciajournal.analysis.outcomes import Outcome, WalkOutcome
from sciajournal.analysis.ratings import worse_of
from sciajournal.analysis.series import Day
from sciajournal.core.entities import PainRating

#: Walk length bands in minutes, lower bound inclusive; the last is open-ended.
BANDS: tuple[tuple[float, float], ...] = ((0, 10), (10, 20), (20, 30), (30, 45), (45, math.inf))
#: Fewer pairs than this and a correlation says nothing.
MIN_PAIRS = 14


@dataclass(frozen=True, slots=True)
class WalkResponse:
    walk_id: str
    minutes: float
    outcome: Outcome
    #: Change of the worse of back/leg pain against the baseline (or previous morning).
    change_end: int | None
    change_follow_up: int | None
    change_next_morning: int | None


@dataclass(frozen=True, slots=True)
class Band:
    low: float
    high: float
    walks: int
    decided: int  # settled or pain continued; walks awaiting a follow-up are left out
    pain_continued: int

    @property
    def label(self) -> str:
        return f"{self.low:g}+ min" if math.isinf(self.high) else f"{self.low:g}-{self.high:g} min"

    @property
    def flag_rate(self) -> float | None:
        return self.pain_continued / self.decided if self.decided else None


@dataclass(frozen=True, slots=True)
class Correlation:
    """Spearman rank correlation of a day's walking minutes with the next day's mean pain."""

    rho: float | None  # None: not enough data, or no variation to rank
    pairs: int


def walk_responses(outcomes: Sequence[WalkOutcome]) -> list[WalkResponse]:
    responses = []
    for result in outcomes:
        base = worse_of(result.baseline) if result.baseline else None
        morning = worse_of(result.previous_morning) if result.previous_morning else None
        responses.append(
            WalkResponse(
                walk_id=result.walk.id,
                minutes=result.walk.minutes,
                outcome=result.outcome,
                change_end=_change(result.end, base),
                change_follow_up=_change(result.follow_up, base),
                change_next_morning=_change(result.next_morning, morning),
            )
        )
    return responses


def _change(rating: PainRating | None, reference: int | None) -> int | None:
    if rating is None or reference is None:
        return None
    return worse_of(rating) - reference


def flag_rate_by_band(outcomes: Sequence[WalkOutcome]) -> list[Band]:
    bands = []
    for low, high in BANDS:
        inside = [r for r in outcomes if low <= r.walk.minutes < high]
        decided = [r for r in inside if r.outcome is not Outcome.AWAITING_FOLLOW_UP]
        continued = [r for r in decided if r.outcome is Outcome.PAIN_CONTINUED]
        bands.append(Band(low, high, len(inside), len(decided), len(continued)))
    return bands


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank (as Spearman's rho needs)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            result[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    try:
        return correlation(ranks(xs), ranks(ys))
    except StatisticsError:  # fewer than two pairs, or a constant series
        return None


def minutes_against_next_day_pain(days: Sequence[Day], leg: bool = True) -> Correlation:
    """Pairs each day's walking minutes (rest days count as 0) with the next day's mean pain."""
    xs: list[float] = []
    ys: list[float] = []
    for today, tomorrow in pairwise(days):
        pain = tomorrow.leg_mean if leg else tomorrow.back_mean
        if pain is not None:
            xs.append(today.walk_minutes)
            ys.append(pain)
    if len(xs) < MIN_PAIRS:
        return Correlation(None, len(xs))
    rho = spearman(xs, ys)
    return Correlation(round(rho, 3) if rho is not None else None, len(xs))
