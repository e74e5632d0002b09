"""Per-walk outcome: did pain continue after the walk (domain.md, rules 1 and 2)?

A walk is `pain_continued` when any reason applies, `settled` when there is evidence
that it did not (a follow-up taken late enough, a next-morning rating, or a recorded
duration of pain) and no reason applies, and otherwise `awaiting_follow_up`: no news
is not good news.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings


class Outcome(StrEnum):
    SETTLED = "settled"
    PAIN_CONTINUED = "pain_continued"
    AWAITING_FOLLOW_UP = "awaiting_follow_up"


class Reason(StrEnum):
    FOLLOW_UP_RAISED = "follow_up_raised"
    NEXT_MORNING_RAISED = "next_morning_raised"
    PAIN_LASTED = "pain_lasted"
    SPREAD_FURTHER = "spread_further"
    NUMBNESS_OR_WEAKNESS = "numbness_or_weakness"


REASON_TEXT = {
    Reason.FOLLOW_UP_RAISED: "pain still raised at the follow-up",
    Reason.NEXT_MORNING_RAISED: "next morning worse than the morning before",
    Reason.PAIN_LASTED: "pain lasted for hours afterwards",
    Reason.SPREAD_FURTHER: "symptoms reached further down the leg",
    Reason.NUMBNESS_OR_WEAKNESS: "numbness or weakness appeared",
}


class Light(StrEnum):
    """Pain at the end of the walk: green 0-3, amber 4-5, red 6-10 by default."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True, slots=True)
class WalkOutcome:
    walk: Walk
    outcome: Outcome
    reasons: tuple[Reason, ...]
    light: Light | None
    baseline: PainRating | None
    end: PainRating | None
    #: The last follow-up rating taken at least the follow-up delay after the walk ended.
    follow_up: PainRating | None
    previous_morning: PainRating | None
    next_morning: PainRating | None


def light_for(score: int, settings: Settings) -> Light:
    if score >= settings.red_from:
        return Light.RED
    if score >= settings.amber_from:
        return Light.AMBER
    return Light.GREEN


def walk_outcomes(
    walks: Iterable[Walk], ratings: RatingIndex, settings: Settings
) -> list[WalkOutcome]:
    """Outcomes of `walks`, in walk order; `ratings` should cover a day or two around them."""
    ordered = sorted(walks, key=lambda w: (w.start, w.id))
    return [walk_outcome(walk, ratings, settings) for walk in ordered]


def walk_outcome(walk: Walk, ratings: RatingIndex, settings: Settings) -> WalkOutcome:
    points = settings.pain_change_points
    delay = timedelta(hours=settings.follow_up_hours)
    baseline = ratings.baseline(walk, timedelta(hours=settings.baseline_window_hours))
    ends = ratings.of_walk(walk, PainContext.END_OF_WALK)
    end = ends[-1] if ends else None
    late_follow_ups = [
        r for r in ratings.of_walk(walk, PainContext.FOLLOW_UP) if r.at - walk.end >= delay
    ]
    after_walk = ends + ratings.of_walk(walk, PainContext.FOLLOW_UP)
    previous_morning = ratings.morning_before(walk.start)
    next_morning = ratings.next_morning(walk)

    reasons: list[Reason] = []
    if baseline is not None and any(_raised(r, baseline, points) for r in late_follow_ups):
        reasons.append(Reason.FOLLOW_UP_RAISED)
    if (
        previous_morning is not None
        and next_morning is not None
        and next_morning is not previous_morning
        and _raised(next_morning, previous_morning, points)
    ):
        reasons.append(Reason.NEXT_MORNING_RAISED)
    if walk.pain_lasted_hours is not None and walk.pain_lasted_hours >= settings.pain_lasted_hours:
        reasons.append(Reason.PAIN_LASTED)
    if baseline is not None and baseline.reach is not None:
        depth = baseline.reach.depth
        if any(r.reach is not None and r.reach.depth > depth for r in after_walk):
            reasons.append(Reason.SPREAD_FURTHER)
    if baseline is not None and any(
        (r.numbness and not baseline.numbness) or (r.weakness and not baseline.weakness)
        for r in after_walk
    ):
        reasons.append(Reason.NUMBNESS_OR_WEAKNESS)

    if reasons:
        outcome = Outcome.PAIN_CONTINUED
    elif late_follow_ups or next_morning is not None or walk.pain_lasted_hours is not None:
        outcome = Outcome.SETTLED
    else:
        outcome = Outcome.AWAITING_FOLLOW_UP
    return WalkOutcome(
        walk=walk,
        outcome=outcome,
        reasons=tuple(reasons),
        light=light_for(max(end.back, end.leg), settings) if end else None,
        baseline=baseline,
        end=end,
        follow_up=late_follow_ups[-1] if late_follow_ups else None,
        previous_morning=previous_morning,
        next_morning=next_morning,
    )


def _raised(later: PainRating, earlier: PainRating, points: int) -> bool:
    return later.back - earlier.back >= points or later.leg - earlier.leg >= points
