"""Where leg symptoms reach and on which side, whether they spread or recede, and nerve signs.

Symptoms reaching further down the leg (knee, calf, foot) are the clinically worse sign,
so the trend compares the share of ratings reaching the knee or below in the first half
of a range with the second half. Too few ratings with a recorded reach is "not enough
data", never "no change".
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from sciajournal.core.entities import PainRating
from sciajournal.core.enums import Reach, Side

#: Ratings reaching this far down or further count as "below the knee" in the trend.
DISTAL_FROM = Reach.KNEE
#: Each half of the range needs this many ratings with a reach for a trend.
MIN_RATINGS_PER_HALF = 5
#: A change in the share of distal ratings of this much (0.2 = 20 points) is a trend.
SHARE_CHANGE = 0.2


class ReachTrend(Enum):
    SPREADING = "spreading"
    RECEDING = "receding"
    NO_CLEAR_CHANGE = "no clear change"
    NOT_ENOUGH_DATA = "not enough data"


@dataclass(frozen=True, slots=True)
class HalfShare:
    first_day: date
    last_day: date
    #: Ratings in this half with a reach recorded, and those reaching DISTAL_FROM or further.
    with_reach: int
    distal: int

    @property
    def share(self) -> float | None:
        return self.distal / self.with_reach if self.with_reach else None


@dataclass(frozen=True, slots=True)
class LegSymptoms:
    ratings: int
    with_reach: int
    reach_counts: dict[Reach, int]
    side_counts: dict[Side, int]
    first_half: HalfShare
    second_half: HalfShare
    trend: ReachTrend
    numbness: int
    tingling: int
    weakness: int

    @property
    def furthest(self) -> Reach | None:
        reached = [reach for reach, count in self.reach_counts.items() if count]
        return max(reached, key=lambda r: r.depth) if reached else None

    @property
    def most_common_reach(self) -> Reach | None:
        if not self.with_reach:
            return None
        return max(self.reach_counts, key=lambda r: (self.reach_counts[r], r.depth))

    @property
    def both_legs(self) -> int:
        return self.side_counts.get(Side.BOTH, 0)


def _half(ratings: list[PainRating], first_day: date, last_day: date) -> HalfShare:
    inside = [r for r in ratings if first_day <= r.at.date() <= last_day and r.reach]
    distal = sum(1 for r in inside if r.reach is not None and r.reach.depth >= DISTAL_FROM.depth)
    return HalfShare(first_day, last_day, len(inside), distal)


def reach_trend(first: HalfShare, second: HalfShare) -> ReachTrend:
    if first.share is None or second.share is None:
        return ReachTrend.NOT_ENOUGH_DATA
    if min(first.with_reach, second.with_reach) < MIN_RATINGS_PER_HALF:
        return ReachTrend.NOT_ENOUGH_DATA
    change = second.share - first.share
    if change >= SHARE_CHANGE - 1e-9:
        return ReachTrend.SPREADING
    if change <= -SHARE_CHANGE + 1e-9:
        return ReachTrend.RECEDING
    return ReachTrend.NO_CLEAR_CHANGE


def leg_symptoms(ratings: Iterable[PainRating], first_day: date, last_day: date) -> LegSymptoms:
    """Over the ratings taken on first_day..last_day (others are ignored)."""
    inside = [r for r in ratings if first_day <= r.at.date() <= last_day]
    days = (last_day - first_day).days + 1
    first_half_end = first_day + timedelta(days=days // 2 - 1)
    first = _half(inside, first_day, first_half_end)
    second = _half(inside, first_half_end + timedelta(days=1), last_day)
    reaches = Counter(r.reach for r in inside if r.reach is not None)
    sides = Counter(r.side for r in inside if r.side is not None)
    return LegSymptoms(
        ratings=len(inside),
        with_reach=sum(reaches.values()),
        reach_counts={reach: reaches.get(reach, 0) for reach in Reach},
        side_counts={side: sides.get(side, 0) for side in Side},
        first_half=first,
        second_half=second,
        trend=reach_trend(first, second) if days >= 2 else ReachTrend.NOT_ENOUGH_DATA,
        numbness=sum(1 for r in inside if r.numbness),
        tingling=sum(1 for r in inside if r.tingling),
        weakness=sum(1 for r in inside if r.weakness),
    )
