"""Walking tolerance: how far the patient can walk before pain stops them or follows them.

Only settled walks are evidence of a tolerated length; walks that ended at or above the
red level are listed whatever their outcome, because settling later does not make a
walk at 7/10 a comfortable one.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from sciajournal.analysis.outcomes import WalkOutcome

#: At least this many walks with a recorded onset of leg symptoms before the trend (first
#: half of them against the second half) is given.
MIN_ONSET_WALKS_FOR_TREND = 6


@dataclass(frozen=True, slots=True)
class WalkingTolerance:
    walks: int
    stopped_early: int
    #: Walks with "minutes until leg symptoms began" recorded, and their median.
    onset_walks: int
    onset_median_minutes: float | None
    #: Medians of the earlier and the later half of those walks; None with too few walks.
    onset_first_half_minutes: float | None
    onset_second_half_minutes: float | None
    longest_settled_minutes: float | None
    #: Walks whose end-of-walk or follow-up rating reached the red level, whatever the outcome.
    high_pain: list[WalkOutcome]

    @property
    def onset_trend(self) -> str | None:
        """ "later" (walking longer before symptoms), "earlier", or "unchanged"; None: too few."""
        if self.onset_first_half_minutes is None or self.onset_second_half_minutes is None:
            return None
        if self.onset_second_half_minutes > self.onset_first_half_minutes:
            return "later"
        if self.onset_second_half_minutes < self.onset_first_half_minutes:
            return "earlier"
        return "unchanged"


def walking_tolerance(outcomes: Sequence[WalkOutcome]) -> WalkingTolerance:
    """Over the walks of the range, in time order."""
    onsets = [
        o.walk.symptoms_after_minutes for o in outcomes if o.walk.symptoms_after_minutes is not None
    ]
    first_half = second_half = None
    if len(onsets) >= MIN_ONSET_WALKS_FOR_TREND:
        half = len(onsets) // 2
        first_half, second_half = median(onsets[:half]), median(onsets[-half:])
    settled = [o.walk.minutes for o in outcomes if o.counts_as_tolerated]
    return WalkingTolerance(
        walks=len(outcomes),
        stopped_early=sum(1 for o in outcomes if o.walk.stopped_early),
        onset_walks=len(onsets),
        onset_median_minutes=median(onsets) if onsets else None,
        onset_first_half_minutes=first_half,
        onset_second_half_minutes=second_half,
        longest_settled_minutes=max(settled) if settled else None,
        high_pain=[o for o in outcomes if o.high_pain is not None],
    )
