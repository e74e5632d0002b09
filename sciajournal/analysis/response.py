"""Pain against walking volume: does more walking go with more or less pain afterwards?"""

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from statistics import NormalDist, StatisticsError, correlation, fmean

from sciajournal.analysis.outcomes import Outcome, WalkOutcome
from sciajournal.analysis.ratings import PainChange
from sciajournal.analysis.series import Day
from sciajournal.analysis.week_frame import monday_of
from sciajournal.core.entities import PainRating

#: Walk length bands in minutes, lower bound inclusive; the last is open-ended.
BANDS: tuple[tuple[float, float], ...] = ((0, 10), (10, 20), (20, 30), (30, 45), (45, math.inf))
#: Fewer day pairs than this and a rank correlation is not shown as a number (domain.md:
#: "under about 30" days). A 30-day range gives 29 pairs, so it says "not enough days yet".
MIN_CORRELATION_DAYS = 30
#: The confidence level of the interval given with a correlation.
CONFIDENCE = 0.95


class MeasuredAt:
    """Where a walk's "change afterwards" was measured, in words."""

    FOLLOW_UP = "follow-up"
    NEXT_MORNING = "next morning"
    END = "end of walk"


@dataclass(frozen=True, slots=True)
class WalkResponse:
    walk_id: str
    minutes: float
    outcome: Outcome
    #: Back and leg changes against the baseline (the next morning: against the previous
    #: morning, else the baseline). `.worst` is the single number shown.
    change_end: PainChange | None
    change_follow_up: PainChange | None
    change_next_morning: PainChange | None
    #: "Pain afterwards": the worse of the follow-up and next-morning changes (what a flag
    #: is about); only a walk with neither is placed by its end-of-walk change.
    afterwards: PainChange | None
    afterwards_measured_at: str | None


@dataclass(frozen=True, slots=True)
class Band:
    low: float
    high: float
    walks: int
    decided: int  # settled or pain continued; walks awaiting a follow-up or not judged are left out
    pain_continued: int

    @property
    def label(self) -> str:
        return f"{self.low:g}+ min" if math.isinf(self.high) else f"{self.low:g}-{self.high:g} min"

    @property
    def flag_rate(self) -> float | None:
        return self.pain_continued / self.decided if self.decided else None


@dataclass(frozen=True, slots=True)
class Correlation:
    """A day's walking against the next day's mean pain, compared within each ISO week.

    Each day's walking minutes and the next day's pain are taken as deviations from their
    own week's means (the week of the walking day), then rank-correlated (Spearman). Over
    months, walking often rises while pain falls: both are trends in time, and a plain
    correlation over the whole range would show them as a relation (the reviewer's y1:
    -0.56 over a year). Within a week there is no such trend to speak of.
    """

    site: str  # "leg" or "back"
    rho: float | None  # None: fewer than MIN_CORRELATION_DAYS pairs, or no variation to rank
    pairs: int
    #: The CONFIDENCE interval of rho (Fisher z, Fieller's variance, less one degree of
    #: freedom per week beyond the first, as each week's means were taken out); None
    #: without rho.
    low: float | None = None
    high: float | None = None
    #: The weeks the pairs fall in (each with at least two pairs).
    weeks: int = 0

    @property
    def words(self) -> str:
        """The result in plain words: what a patient and a doctor can read without a table."""
        if self.pairs < MIN_CORRELATION_DAYS:
            return (
                f"not enough days yet to compare walking with next-day {self.site} pain "
                f"({self.pairs} of {MIN_CORRELATION_DAYS})"
            )
        if self.rho is None or self.low is None or self.high is None:
            return f"no variation in walking or {self.site} pain within weeks to compare"
        more = "on days when you walked more than usual for that week"
        if self.low > 0:
            return f"{more}, {self.site} pain the next day tended to be higher"
        if self.high < 0:
            return f"{more}, {self.site} pain the next day tended to be lower"
        return (
            f"no clear relation between walking more than usual for the week and "
            f"{self.site} pain the next day"
        )

    @property
    def detail(self) -> str:
        """The figures behind `words`, for whoever wants them; "" without a number."""
        if self.rho is None or self.low is None or self.high is None:
            return ""
        return (
            f"over {self.pairs} days in {self.weeks} weeks, each compared with its own week; "
            f"strength {self.rho:+.2f} on a scale from -1 to +1, {CONFIDENCE * 100:g} % sure "
            f"it lies between {self.low:+.2f} and {self.high:+.2f}; a relation, not a cause"
        )


def walk_responses(outcomes: Sequence[WalkOutcome]) -> list[WalkResponse]:
    responses = []
    for result in outcomes:
        follow_up = _change(result.follow_up, result.baseline)
        next_morning = _change(result.next_morning, result.morning_reference)
        end = _change(result.end, result.baseline)
        # The worse of the later changes; on a tie the follow-up, as max() keeps the first.
        afterwards, where = follow_up, MeasuredAt.FOLLOW_UP
        if next_morning is not None and (follow_up is None or next_morning.worst > follow_up.worst):
            afterwards, where = next_morning, MeasuredAt.NEXT_MORNING
        if afterwards is None:
            afterwards, where = end, MeasuredAt.END
        responses.append(
            WalkResponse(
                walk_id=result.walk.id,
                minutes=result.walk.minutes,
                outcome=result.outcome,
                change_end=end,
                change_follow_up=follow_up,
                change_next_morning=next_morning,
                afterwards=afterwards,
                afterwards_measured_at=where if afterwards is not None else None,
            )
        )
    return responses


def _change(rating: PainRating | None, reference: PainRating | None) -> PainChange | None:
    if rating is None or reference is None:
        return None
    return PainChange.between(rating, reference)


def flag_rate_by_band(outcomes: Sequence[WalkOutcome]) -> list[Band]:
    bands = []
    for low, high in BANDS:
        inside = [r for r in outcomes if low <= r.walk.minutes < high]
        decided = [r for r in inside if r.outcome in (Outcome.SETTLED, Outcome.PAIN_CONTINUED)]
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
    """Pairs each day's walking minutes (rest days count as 0) with the next day's mean pain,
    both as deviations from the means of the walking day's ISO week (see Correlation)."""
    site = "leg" if leg else "back"
    by_week: defaultdict[date, list[tuple[float, float]]] = defaultdict(list)
    for today, tomorrow in pairwise(days):
        pain = tomorrow.leg_mean if leg else tomorrow.back_mean
        if pain is not None:
            by_week[monday_of(today.day)].append((today.walk_minutes, pain))
    # A week with one pair has nothing to compare within it.
    weeks = [pairs for pairs in by_week.values() if len(pairs) >= 2]
    xs: list[float] = []
    ys: list[float] = []
    for pairs in weeks:
        walked, pain_next = fmean(p[0] for p in pairs), fmean(p[1] for p in pairs)
        xs += [p[0] - walked for p in pairs]
        ys += [p[1] - pain_next for p in pairs]
    # Each week's means use up one degree of freedom (beyond the one a correlation uses).
    freedom = len(xs) - max(len(weeks) - 1, 0)
    if len(xs) < MIN_CORRELATION_DAYS or freedom <= 3:
        return Correlation(site, None, len(xs), weeks=len(weeks))
    rho = spearman(_rounded(xs), _rounded(ys))
    if rho is None:
        return Correlation(site, None, len(xs), weeks=len(weeks))
    low, high = confidence_interval(rho, freedom)
    return Correlation(site, round(rho, 3), len(xs), round(low, 3), round(high, 3), len(weeks))


def _rounded(values: list[float]) -> list[float]:
    """Deviations rounded far below any recorded precision, so that equal values (e.g. two
    rest days in a week) tie for their rank instead of differing by a float error."""
    return [round(value, 9) for value in values]


def confidence_interval(rho: float, n: int) -> tuple[float, float]:
    """Fisher z interval for Spearman's rho, with Fieller's variance 1.06 / (n - 3)."""
    z = math.atanh(max(-0.999999, min(0.999999, rho)))
    spread = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2) * math.sqrt(1.06 / (n - 3))
    return math.tanh(z - spread), math.tanh(z + spread)
