"""Finding the pain ratings that belong to a walk: its own, the baseline, the mornings around it.

Built once per analysis over all ratings (sorted, with bisect look-ups), so a
ten-year journal is analysed in well under a second.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext

#: How far apart a morning rating may be from a walk to count as "the morning before/after".
MORNING_REACH = timedelta(hours=36)


def worse_of(rating: PainRating) -> int:
    """The worse of back and leg pain: what "pain" means where one number is shown."""
    return max(rating.back, rating.leg)


@dataclass(frozen=True, slots=True)
class PainChange:
    """Back and leg compared separately (domain.md, rule 1): a leg that got worse is
    never offset by a back that got better."""

    back: int
    leg: int

    @classmethod
    def between(cls, later: PainRating, earlier: PainRating) -> "PainChange":
        return cls(later.back - earlier.back, later.leg - earlier.leg)

    @property
    def worst(self) -> int:
        """The single number shown where one is: the larger rise (or the smaller fall)."""
        return max(self.back, self.leg)

    @property
    def site(self) -> str:
        """Which side `worst` is: "leg", "back", or "back and leg" when they moved alike."""
        if self.back == self.leg:
            return "back and leg"
        return "leg" if self.leg > self.back else "back"

    @property
    def text(self) -> str:
        """ "+3 leg" for back -3 / leg +3: the worse rise, named; both when nothing rose."""
        if self.worst > 0:
            return f"{self.worst:+d} {self.site}"
        if self.back == self.leg == 0:
            return "no change"
        return f"no rise: back {self.back:+d}, leg {self.leg:+d}"


class RatingIndex:
    def __init__(self, ratings: Iterable[PainRating]) -> None:
        ordered = sorted(ratings, key=lambda r: (r.at, r.id))
        self._all = ordered
        self._all_times = [r.at for r in ordered]
        self._mornings = [r for r in ordered if r.context is PainContext.MORNING]
        self._morning_times = [r.at for r in self._mornings]
        self._standalone = [
            r for r in ordered if r.context is PainContext.STANDALONE and r.walk_id is None
        ]
        self._standalone_times = [r.at for r in self._standalone]
        # By walk and context at once: a walk's outcome asks for four contexts, and
        # scanning its ratings four times was a tenth of analysing ten years.
        linked: dict[tuple[str, PainContext], list[PainRating]] = {}
        for rating in ordered:
            if rating.walk_id is not None:
                linked.setdefault((rating.walk_id, rating.context), []).append(rating)
        self._linked = {key: tuple(found) for key, found in linked.items()}

    def of_walk(self, walk: Walk, context: PainContext) -> list[PainRating]:
        return list(self.linked(walk, context))

    def linked(self, walk: Walk, context: PainContext) -> tuple[PainRating, ...]:
        """The walk's own ratings of `context`, in time order (as of_walk, not a copy)."""
        return self._linked.get((walk.id, context), ())

    def baseline(self, walk: Walk, window: timedelta) -> PainRating | None:
        """The walk's own before-walk rating, else the latest rating within `window` before it."""
        own = self.linked(walk, PainContext.BEFORE_WALK)
        if own:
            return own[-1]
        last = bisect_right(self._all_times, walk.start) - 1
        if last >= 0 and walk.start - self._all[last].at <= window:
            return self._all[last]
        return None

    def standalone_between(self, start: datetime, end: datetime) -> list[PainRating]:
        """Ratings linked to no walk, start <= at <= end."""
        low = bisect_left(self._standalone_times, start)
        high = bisect_right(self._standalone_times, end)
        return self._standalone[low:high]

    def morning_before(self, moment: datetime) -> PainRating | None:
        index = bisect_right(self._morning_times, moment) - 1
        if index >= 0 and moment - self._mornings[index].at <= MORNING_REACH:
            return self._mornings[index]
        return None

    def next_morning(self, walk: Walk) -> PainRating | None:
        """A morning rating linked to the walk, else the first morning rating after it ended.

        "After it ended", not "on a later date": a walk at 00:30 is followed by that same
        date's morning (domain.md, rule 1).
        """
        linked = self.linked(walk, PainContext.MORNING)
        if linked:
            return linked[0]
        index = bisect_left(self._morning_times, walk.end)
        if index < len(self._mornings) and self._mornings[index].at - walk.end <= MORNING_REACH:
            return self._mornings[index]
        return None
