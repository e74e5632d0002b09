"""Leg symptoms week by week: how far down the leg they reach, and nerve-sign shares.

From the pain ratings already recorded. Whole ISO weeks (week_frame), so a week's figures
do not depend on the range; partial weeks are marked. Spreading or receding over the
range is leg_symptoms.reach_trend's call, not made again here.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sciajournal.analysis.leg_symptoms import DISTAL_FROM
from sciajournal.analysis.week_frame import RangeWeek, monday_of, range_weeks
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import Reach


@dataclass(frozen=True, slots=True)
class LegWeek:
    week: RangeWeek
    ratings: int
    #: Ratings that recorded how far down the leg, by reach (every Reach, zeros included).
    reach_counts: dict[Reach, int]
    numbness: int
    tingling: int
    weakness: int

    @property
    def with_reach(self) -> int:
        return sum(self.reach_counts.values())

    @property
    def furthest(self) -> Reach | None:
        reached = [reach for reach, count in self.reach_counts.items() if count]
        return max(reached, key=lambda r: r.depth) if reached else None

    def reach_share(self, reach: Reach) -> float | None:
        """Of the ratings with a reach, the share reaching exactly `reach`."""
        return self.reach_counts[reach] / self.with_reach if self.with_reach else None

    @property
    def distal_share(self) -> float | None:
        """Of the ratings with a reach, the share reaching DISTAL_FROM or further down."""
        if not self.with_reach:
            return None
        distal = sum(n for r, n in self.reach_counts.items() if r.depth >= DISTAL_FROM.depth)
        return distal / self.with_reach

    def sign_share(self, count: int) -> float | None:
        """`count` (e.g. self.numbness) as a share of the week's ratings; None without any."""
        return count / self.ratings if self.ratings else None


def leg_symptom_weeks(
    ratings: Iterable[PainRating], first_day: date, last_day: date, today: date
) -> list[LegWeek]:
    """One LegWeek per ISO week the range touches, each over the whole week's ratings."""
    weeks = range_weeks(first_day, last_day, today)
    by_monday: dict[date, list[PainRating]] = {week.monday: [] for week in weeks}
    for rating in ratings:
        bucket = by_monday.get(monday_of(rating.at.date()))
        if bucket is not None:
            bucket.append(rating)
    result = []
    for week in weeks:
        inside = by_monday[week.monday]
        reaches = Counter(r.reach for r in inside if r.reach is not None)
        result.append(
            LegWeek(
                week=week,
                ratings=len(inside),
                reach_counts={reach: reaches.get(reach, 0) for reach in Reach},
                numbness=sum(1 for r in inside if r.numbness),
                tingling=sum(1 for r in inside if r.tingling),
                weakness=sum(1 for r in inside if r.weakness),
            )
        )
    return result
