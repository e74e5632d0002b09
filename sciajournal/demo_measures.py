"""The demo's function measures (issue 16): weekly bothersomeness and activity ratings,
last night's sleep on morning ratings and the day's comfortable sitting at bedtime.

They follow the same underlying pain level as the rest of the story, so they improve as
pain eases and dip in a flare-up. They draw from their own random generator: the demo's
main sequence of draws, and so every walk, rating and id of a seed, stays as it was.
"""

import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    Entry,
    FunctionActivity,
    FunctionRating,
    PainRating,
)

#: (name, how much one point of pain level takes off its 0-10 score).
FIRST_ACTIVITIES = (
    ("Walk to the shop", 1.15),
    ("Put on socks", 0.9),
    ("Sit through a meal", 1.0),
    ("Sleep through the night", 1.05),
)
#: Put on socks is easy again by mid-story; lifting becomes the thing to work on.
RETIRED_MIDWAY = "Put on socks"
ADDED_MIDWAY = ("Lift a shopping bag", 1.9)
RATING_EVERY_DAYS = 7


@dataclass
class _Activity:
    entry: FunctionActivity
    weight: float


@dataclass
class DemoMeasures:
    """Generates the measures day by day; `activities()` gives the activities at the end."""

    seed: int
    days: int
    rng: random.Random = field(init=False)
    _activities: list[_Activity] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"sciajournal demo measures {self.seed}")

    def _uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _clamp(self, value: float, high: int) -> int:
        return max(0, min(high, round(value + self.rng.gauss(0, 0.5))))

    def morning(self, rating: PainRating, pain_level: float) -> PainRating:
        """Last night's sleep, on most morning ratings (now and then left blank)."""
        if self.rng.random() < 0.1:
            return rating
        woken = max(0, min(6, round((pain_level - 2.5) / 1.6 + self.rng.gauss(0, 0.6))))
        slept = 8.2 - 0.35 * pain_level - 0.4 * woken + self.rng.gauss(0, 0.4)
        return replace(
            rating, times_woken=woken, hours_slept=max(3.0, min(9.5, round(slept * 2) / 2))
        )

    def bedtime(self, rating: PainRating, pain_level: float) -> PainRating:
        """The longest comfortable sitting today, in 5-minute steps (often left blank)."""
        if self.rng.random() < 0.2:
            return rating
        minutes = 100 - 12 * pain_level + self.rng.gauss(0, 8)
        return replace(rating, comfortable_sitting_minutes=max(5, 5 * round(minutes / 5)))

    def weekly(self, index: int, at: datetime, pain_level: float) -> list[Entry]:
        """On the first day and every week after: the bothersomeness check and the rating
        of every current activity (the activities are named on the first day)."""
        if index % RATING_EVERY_DAYS:
            return []
        if index == 0:
            self._activities = [  # named one after the other, a minute apart
                _Activity(
                    FunctionActivity(
                        added=at + timedelta(minutes=number), name=name, id=self._uid()
                    ),
                    weight,
                )
                for number, (name, weight) in enumerate(FIRST_ACTIVITIES)
            ]
        elif index >= self.days // 2 and len(self._activities) == len(FIRST_ACTIVITIES):
            self._swap_midway(at)
        check = BothersomenessCheck(
            at=at,
            leg_pain=self._clamp(pain_level * 0.62, 6),
            numbness_tingling=self._clamp((pain_level - 1.0) * 0.55, 6),
            weakness=self._clamp((pain_level - 2.0) * 0.35, 6),
            sitting_pain=self._clamp(pain_level * 0.6, 6),
            id=self._uid(),
        )
        scores = tuple(
            ActivityScore(item.entry.id, self._clamp(10 - item.weight * pain_level, 10))
            for item in self._activities
            if item.entry.retired is None
        )
        rating = FunctionRating(at=at + timedelta(minutes=5), scores=scores, id=self._uid())
        return [check, rating]

    def _swap_midway(self, at: datetime) -> None:
        for item in self._activities:
            if item.entry.name == RETIRED_MIDWAY:
                item.entry = replace(
                    item.entry, retired=at, notes="Easy again: rating lifting instead"
                )
        name, weight = ADDED_MIDWAY
        self._activities.append(
            _Activity(FunctionActivity(added=at, name=name, id=self._uid()), weight)
        )

    def activities(self, end: datetime) -> list[Entry]:
        """Every activity named, as it stands at `end` (a retirement after it not yet made)."""
        return [
            item.entry
            if item.entry.retired is None or item.entry.retired <= end
            else replace(item.entry, retired=None)
            for item in self._activities
        ]
