"""Per-walk outcome: did pain continue after the walk (domain.md, rules 1 and 2)?

Four outcomes, and no news is never good news:
- `pain_continued` when any rule flags the walk;
- `settled` only with evidence: a rating before the walk (or within the baseline window)
  and a follow-up at or after the follow-up time that is not raised;
- `not_judged` with a follow-up but nothing before the walk to compare it with;
- `awaiting_follow_up` with no follow-up in the window, however old the walk.
A rule that lacks its own value (no reach before the walk, nothing to compare the next
morning with) is noted in `not_judged`; the other rules still decide.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from sciajournal.analysis.ratings import PainChange, RatingIndex, worse_of
from sciajournal.core.collection import Entries
from sciajournal.core.entities import MedicationDose, PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings

#: A rating linked to no walk counts as a walk's follow-up when taken this long at most
#: after the follow-up time (and before the next walk began).
STANDALONE_FOLLOW_UP_SPAN = timedelta(hours=4)


class Outcome(StrEnum):
    SETTLED = "settled"
    PAIN_CONTINUED = "pain_continued"
    AWAITING_FOLLOW_UP = "awaiting_follow_up"
    NOT_JUDGED = "not_judged"


OUTCOME_TEXT = {
    Outcome.SETTLED: "settled",
    Outcome.PAIN_CONTINUED: "pain continued",
    Outcome.AWAITING_FOLLOW_UP: "awaiting follow-up",
    Outcome.NOT_JUDGED: "not judged",
}


class Reason(StrEnum):
    """Why a walk was flagged."""

    FOLLOW_UP_RAISED = "follow_up_raised"
    NEXT_MORNING_RAISED = "next_morning_raised"
    PAIN_LASTED = "pain_lasted"
    SPREAD_FURTHER = "spread_further"
    NERVE_SIGN_APPEARED = "nerve_sign_appeared"


REASON_TEXT = {
    Reason.FOLLOW_UP_RAISED: "pain still raised at the follow-up",
    Reason.NEXT_MORNING_RAISED: "next morning worse than before",
    Reason.PAIN_LASTED: "pain lasted for hours afterwards",
    Reason.SPREAD_FURTHER: "symptoms reached further down the leg",
    Reason.NERVE_SIGN_APPEARED: "numbness, tingling or weakness appeared",
}


class NotJudged(StrEnum):
    """What the app could not judge about a walk, and why."""

    NO_BASELINE = "no_baseline"
    NO_FOLLOW_UP = "no_follow_up"
    FOLLOW_UP_TOO_EARLY = "follow_up_too_early"
    SPREAD = "spread"
    NERVE_SIGNS = "nerve_signs"
    NEXT_MORNING = "next_morning"


NOT_JUDGED_TEXT = {
    NotJudged.NO_BASELINE: "no rating before the walk",
    NotJudged.NO_FOLLOW_UP: "no follow-up recorded",
    NotJudged.FOLLOW_UP_TOO_EARLY: "the follow-up was taken too early",
    NotJudged.SPREAD: "spread not judged (no reach recorded before the walk)",
    NotJudged.NERVE_SIGNS: "nerve signs not judged (not recorded before the walk)",
    NotJudged.NEXT_MORNING: "next morning not judged (no earlier rating to compare with)",
}


class Light(StrEnum):
    """Pain at the end of the walk: green 0-3, amber 4-5, red 6-10 by default."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The pair of ratings a flag rests on: what the table of flagged walks shows."""

    reason: Reason
    earlier: PainRating
    later: PainRating

    @property
    def change(self) -> PainChange:
        return PainChange.between(self.later, self.earlier)


@dataclass(frozen=True, slots=True)
class WalkOutcome:
    walk: Walk
    outcome: Outcome
    reasons: tuple[Reason, ...]
    #: What could not be judged (the outcome's own reason first), in the order of the rules.
    not_judged: tuple[NotJudged, ...]
    light: Light | None
    baseline: PainRating | None
    end: PainRating | None
    #: The follow-up that decided: the first raised one, else the last one in the window.
    follow_up: PainRating | None
    previous_morning: PainRating | None
    next_morning: PainRating | None
    #: What the next morning is compared with: the previous morning, else the baseline.
    morning_reference: PainRating | None
    #: The ratings behind the first flag that compares two ratings (in the order of the
    #: rules: follow-up, next morning, spread, nerve signs), if any.
    evidence: Evidence | None
    #: Doses taken in the painkiller window before the walk (or during it): pain may be masked.
    painkillers: tuple[MedicationDose, ...]
    #: When the follow-up is asked for.
    follow_up_due: datetime
    #: The first rating after the walk (end, follow-up) at or above the red level, if any.
    high_pain: PainRating | None

    @property
    def follow_up_change(self) -> PainChange | None:
        """Back and leg at the deciding follow-up against the baseline."""
        if self.follow_up is None or self.baseline is None:
            return None
        return PainChange.between(self.follow_up, self.baseline)

    @property
    def counts_as_tolerated(self) -> bool:
        """Only a settled walk is evidence that the patient tolerated its length, and not
        one within the painkiller window: the dose may have masked the pain after it."""
        return self.outcome is Outcome.SETTLED and not self.painkillers


def light_for(score: int, settings: Settings) -> Light:
    if score >= settings.red_from:
        return Light.RED
    if score >= settings.amber_from:
        return Light.AMBER
    return Light.GREEN


class DoseIndex:
    """Medication doses by time, to find those taken shortly before a walk."""

    def __init__(self, doses: Iterable[MedicationDose]) -> None:
        self._doses = sorted(doses, key=lambda d: (d.at, d.id))
        self._times = [d.at for d in self._doses]

    def between(self, start: datetime, end: datetime) -> tuple[MedicationDose, ...]:
        return tuple(self._doses[bisect_left(self._times, start) : bisect_right(self._times, end)])


def walk_outcomes(
    walks: Iterable[Walk],
    ratings: RatingIndex,
    settings: Settings,
    doses: Sequence[MedicationDose] = (),
) -> list[WalkOutcome]:
    """Outcomes of `walks`, in walk order; `ratings` should cover a day or two around them."""
    ordered = sorted(walks, key=lambda w: (w.start, w.id))
    index = DoseIndex(doses)
    windows = Windows.of(settings)
    return [
        walk_outcome(
            walk,
            ratings,
            settings,
            doses=index,
            next_walk_start=ordered[i + 1].start if i + 1 < len(ordered) else None,
            windows=windows,
        )
        for i, walk in enumerate(ordered)
    ]


@dataclass(frozen=True, slots=True)
class Windows:
    """The settings' hours as durations, made once for all the walks of an analysis."""

    follow_up: timedelta
    baseline: timedelta
    painkiller: timedelta

    @classmethod
    def of(cls, settings: Settings) -> "Windows":
        return cls(
            timedelta(hours=settings.follow_up_hours),
            timedelta(hours=settings.baseline_window_hours),
            timedelta(hours=settings.painkiller_window_hours),
        )


_TICK = timedelta(microseconds=1)


class Found(NamedTuple):
    """Every rating and dose a walk's outcome is judged on (gather), and nothing else."""

    due: datetime
    baseline: PainRating | None
    ends: tuple[PainRating, ...]
    follow_ups: tuple[PainRating, ...]
    #: Ratings linked to no walk, in the follow-up window and before the next walk.
    standalone: list[PainRating]
    previous_morning: PainRating | None
    next_morning: PainRating | None
    painkillers: tuple[MedicationDose, ...]


def gather(
    walk: Walk,
    ratings: RatingIndex,
    windows: Windows,
    doses: DoseIndex | None,
    next_walk_start: datetime | None,
) -> Found:
    due = walk.end + windows.follow_up
    # A rating linked to no walk, taken in the window and before the next walk, answers
    # the follow-up question as well as one taken from the prompt.
    window_end = due + STANDALONE_FOLLOW_UP_SPAN
    if next_walk_start is not None:
        window_end = min(window_end, next_walk_start - _TICK)
    return Found(
        due=due,
        baseline=ratings.baseline(walk, windows.baseline),
        ends=ratings.linked(walk, PainContext.END_OF_WALK),
        follow_ups=ratings.linked(walk, PainContext.FOLLOW_UP),
        standalone=ratings.standalone_between(due, window_end),
        previous_morning=ratings.morning_before(walk.start),
        next_morning=ratings.next_morning(walk),
        painkillers=doses.between(walk.start - windows.painkiller, walk.end) if doses else (),
    )


def walk_outcome(
    walk: Walk,
    ratings: RatingIndex,
    settings: Settings,
    *,
    doses: DoseIndex | None = None,
    next_walk_start: datetime | None = None,
    windows: Windows | None = None,
) -> WalkOutcome:
    windows = windows or Windows.of(settings)
    return judge(walk, gather(walk, ratings, windows, doses, next_walk_start), settings)


def judge(walk: Walk, found: Found, settings: Settings) -> WalkOutcome:
    """The outcome of `walk` from what gather found for it."""
    points = settings.pain_change_points
    due, baseline, ends, linked, standalone = found[:5]
    end = ends[-1] if ends else None
    early = [r for r in linked if r.at < due] if linked else []
    in_window = [r for r in linked if r.at >= due] if linked else []
    if standalone:
        in_window = sorted(in_window + standalone, key=lambda r: (r.at, r.id))
    after_walk = [*ends, *early, *in_window]
    previous_morning, next_morning = found.previous_morning, found.next_morning
    reference = previous_morning if previous_morning is not None else baseline

    reasons: list[Reason] = []
    not_judged: list[NotJudged] = []
    evidence: list[Evidence] = []
    raised = [r for r in in_window if _raised(r, baseline, points)] if baseline else []
    if baseline is not None and raised:
        reasons.append(Reason.FOLLOW_UP_RAISED)
        evidence.append(Evidence(Reason.FOLLOW_UP_RAISED, baseline, raised[0]))
    if next_morning is not None:
        if reference is None:
            not_judged.append(NotJudged.NEXT_MORNING)
        elif _raised(next_morning, reference, points):
            reasons.append(Reason.NEXT_MORNING_RAISED)
            evidence.append(Evidence(Reason.NEXT_MORNING_RAISED, reference, next_morning))
    if walk.pain_lasted_hours is not None and walk.pain_lasted_hours >= settings.pain_lasted_hours:
        reasons.append(Reason.PAIN_LASTED)
    reaching = [r for r in after_walk if r.reach is not None]
    if baseline is not None and baseline.reach is not None:
        depth = baseline.reach.depth
        further = [r for r in reaching if r.reach is not None and r.reach.depth > depth]
        if further:
            reasons.append(Reason.SPREAD_FURTHER)
            evidence.append(Evidence(Reason.SPREAD_FURTHER, baseline, further[0]))
    elif reaching:
        not_judged.append(NotJudged.SPREAD)
    if baseline is not None and records_nerve_signs(baseline):
        signs = [r for r in after_walk if _new_nerve_sign(r, baseline)]
        if signs:
            reasons.append(Reason.NERVE_SIGN_APPEARED)
            evidence.append(Evidence(Reason.NERVE_SIGN_APPEARED, baseline, signs[0]))
    elif any(_has_nerve_sign(r) for r in after_walk):
        not_judged.append(NotJudged.NERVE_SIGNS)

    if reasons:
        outcome = Outcome.PAIN_CONTINUED
    elif in_window and baseline is not None:
        outcome = Outcome.SETTLED
    elif in_window:
        outcome = Outcome.NOT_JUDGED
        not_judged.insert(0, NotJudged.NO_BASELINE)
    else:
        outcome = Outcome.AWAITING_FOLLOW_UP
        own = [NotJudged.FOLLOW_UP_TOO_EARLY if early else NotJudged.NO_FOLLOW_UP]
        if baseline is None:
            own.append(NotJudged.NO_BASELINE)
        not_judged[:0] = own
    red_from = settings.red_from
    high = next((r for r in (*ends, *in_window) if worse_of(r) >= red_from), None)
    return WalkOutcome(
        walk=walk,
        outcome=outcome,
        reasons=tuple(reasons),
        not_judged=tuple(not_judged),
        light=light_for(worse_of(end), settings) if end else None,
        baseline=baseline,
        end=end,
        follow_up=raised[0] if raised else (in_window[-1] if in_window else None),
        previous_morning=previous_morning,
        next_morning=next_morning,
        morning_reference=reference if next_morning is not None else None,
        evidence=evidence[0] if evidence else None,
        painkillers=found.painkillers,
        follow_up_due=due,
        high_pain=high,
    )


def _raised(later: PainRating, earlier: PainRating, points: int) -> bool:
    """Back or leg up by `points` (PainChange.worst, without building one per rating)."""
    return later.back - earlier.back >= points or later.leg - earlier.leg >= points


#: Ratings the walk form makes: its "before you set off" and "at the end" scales ask back
#: and leg pain only, and store numbness, tingling and weakness as "no" (not asked).
_WALK_FORM_CONTEXTS = frozenset({PainContext.BEFORE_WALK, PainContext.END_OF_WALK})


def records_nerve_signs(rating: PainRating) -> bool:
    """Whether the rating's numbness, tingling and weakness were asked for.

    The journal cannot tell "not asked" from "no" (both are stored as false), so a rating
    linked to a walk as its before- or end-of-walk rating, which only the walk form makes,
    is taken as not having recorded them unless it records one. Any other rating (a
    standalone one within the baseline window, a morning rating) comes from the pain form,
    which asks.
    """
    if rating.walk_id is None or rating.context not in _WALK_FORM_CONTEXTS:
        return True
    return _has_nerve_sign(rating)


def _has_nerve_sign(rating: PainRating) -> bool:
    return rating.numbness or rating.tingling or rating.weakness


def _new_nerve_sign(later: PainRating, earlier: PainRating) -> bool:
    """Numbness, tingling or weakness that the earlier rating did not have."""
    return (
        (later.numbness and not earlier.numbness)
        or (later.tingling and not earlier.tingling)
        or (later.weakness and not earlier.weakness)
    )


def dose_text(dose: MedicationDose) -> str:
    """ "ibuprofen 400 mg at 09:30" (with "2 × " when more than one was taken)."""
    amount = "" if dose.quantity == 1 else f"{dose.quantity:g} × "
    return f"{dose.name} {amount}{dose.dose:g} {dose.unit} at {dose.at:%H:%M}"


def painkiller_text(result: WalkOutcome) -> str | None:
    """ "taken after ibuprofen 400 mg at 09:30": the walk's pain may have been masked."""
    if not result.painkillers:
        return None
    return "taken after " + ", ".join(dose_text(d) for d in result.painkillers)


def not_judged_text(result: WalkOutcome) -> str:
    return "; ".join(NOT_JUDGED_TEXT[item] for item in result.not_judged)


#: How far outside the range the caller should fetch entries so that walks at its edges
#: find their baseline, follow-up and next-morning ratings.
CONTEXT_MARGIN = timedelta(days=2)


def outcomes_by_walk(entries: Entries, settings: Settings) -> dict[str, WalkOutcome]:
    """Each walk's outcome, by walk id, judged on the ratings and doses in `entries`.

    Here rather than in journal_analysis: the journal list's first screen needs the
    outcomes and nothing else of a full analysis, whose modules cost the start-up about
    40 ms before the rows (issue 14)."""
    judged = walk_outcomes(entries.walks, RatingIndex(entries.pain), settings, entries.medications)
    return {o.walk.id: o for o in judged}
