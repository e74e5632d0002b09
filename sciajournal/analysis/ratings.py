"""Finding the pain ratings that belong to a walk: its own, the baseline, the mornings around it.

Built once per analysis over all ratings (sorted, with bisect look-ups), so a
ten-year journal is analysed in well under a second.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext

#: How far apart a morning rating may be from a walk to count as "the morning before/after".
MORNING_REACH = timedelta(hours=36)


def worse_of(rating: PainRating) -> int:
    """The worse of back and leg pain: what "pain" means where one number is shown."""
    return max(rating.back, rating.leg)


class RatingIndex:
    def __init__(self, ratings: Iterable[PainRating]) -> None:
        ordered = sorted(ratings, key=lambda r: (r.at, r.id))
        self._all = ordered
        self._all_times = [r.at for r in ordered]
        self._mornings = [r for r in ordered if r.context is PainContext.MORNING]
        self._morning_times = [r.at for r in self._mornings]
        self._by_walk: dict[str, list[PainRating]] = defaultdict(list)
        for rating in ordered:
            if rating.walk_id is not None:
                self._by_walk[rating.walk_id].append(rating)

    def of_walk(self, walk: Walk, context: PainContext) -> list[PainRating]:
        return [r for r in self._by_walk.get(walk.id, []) if r.context is context]

    def baseline(self, walk: Walk, window: timedelta) -> PainRating | None:
        """The walk's own before-walk rating, else the latest rating within `window` before it."""
        own = self.of_walk(walk, PainContext.BEFORE_WALK)
        if own:
            return own[-1]
        last = bisect_right(self._all_times, walk.start) - 1
        if last >= 0 and walk.start - self._all[last].at <= window:
            return self._all[last]
        return None

    def morning_before(self, moment: datetime) -> PainRating | None:
        index = bisect_right(self._morning_times, moment) - 1
        if index >= 0 and moment - self._mornings[index].at <= MORNING_REACH:
            return self._mornings[index]
        return None

    def next_morning(self, walk: Walk) -> PainRating | None:
        """A morning rating linked to the walk, else the first morning rating after it ended."""
        linked = self.of_walk(walk, PainContext.MORNING)
        if linked:
            return linked[0]
        index = bisect_left(self._morning_times, walk.end)
        while index < len(self._mornings):
            morning = self._mornings[index]
            if morning.at - walk.end > MORNING_REACH:
                return None
            # A rating on the morning of the walk itself (before an early walk ended) is not "next".
            if morning.at.date() > walk.start.date():
                return morning
            index += 1
        return None
