"""Walk outcomes and responses judged before, reused when nothing they rest on changed.

After a save the Charts tab analyses ten years again, although a new rating can change
the outcome of a walk or two only. The journal's copy in memory (service/journal_mirror.py)
hands out the same entry objects while they are unchanged, so an outcome is kept under
the identity of everything outcomes.judge reads (outcomes.gather finds it: the walk, its
own ratings, the baseline, the unlinked follow-ups in its window, the mornings around
it, the doses before it) and the settings. An edited entry is a new object, so its walk
is judged anew. The objects of a key are kept with the outcome: while they are alive no
new object can have their ids.
"""

from collections.abc import Iterable, Sequence

from sciajournal.analysis.outcomes import (
    DoseIndex,
    Found,
    WalkOutcome,
    Windows,
    gather,
    judge,
)
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.analysis.response import WalkResponse, walk_responses
from sciajournal.core.entities import MedicationDose, Walk
from sciajournal.core.settings import Settings

#: Outcomes used by the last this many analyses are kept when the memo is pruned.
KEPT_CALLS = 4


def _key(walk: Walk, found: Found) -> tuple[tuple[int, ...], tuple[object, ...]]:
    """The ids of what the outcome rests on, and those objects (kept alive with it)."""
    objects = (
        walk,
        found.baseline,
        found.previous_morning,
        found.next_morning,
        *found.ends,
        *found.follow_ups,
        *found.standalone,
        *found.painkillers,
    )
    sizes = (len(found.ends), len(found.follow_ups), len(found.standalone))
    return (*sizes, *map(id, objects)), objects


class JudgedBefore:
    """Outcomes and responses of earlier analyses of one journal (see the module text)."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._outcomes: dict[tuple[int, ...], tuple[tuple[object, ...], WalkOutcome, int]] = {}
        self._responses: dict[int, tuple[WalkOutcome, WalkResponse, int]] = {}
        self._call = 0
        self._largest = 0

    def walk_outcomes(
        self,
        walks: Iterable[Walk],
        ratings: RatingIndex,
        settings: Settings,
        doses: Sequence[MedicationDose] = (),
    ) -> list[WalkOutcome]:
        """As outcomes.walk_outcomes, judging only walks whose evidence is new."""
        if settings != self._settings:
            self._settings = settings
            self._outcomes.clear()
            self._responses.clear()
        self._call += 1
        ordered = sorted(walks, key=lambda w: (w.start, w.id))
        index = DoseIndex(doses)
        windows = Windows.of(settings)
        outcomes = []
        for i, walk in enumerate(ordered):
            next_start = ordered[i + 1].start if i + 1 < len(ordered) else None
            found = gather(walk, ratings, windows, index, next_start)
            key, objects = _key(walk, found)
            known = self._outcomes.get(key)
            outcome = known[1] if known is not None else judge(walk, found, settings)
            self._outcomes[key] = (objects, outcome, self._call)
            outcomes.append(outcome)
        self._largest = max(self._largest, len(outcomes))
        self._prune()
        return outcomes

    def walk_responses(self, outcomes: Sequence[WalkOutcome]) -> list[WalkResponse]:
        """As response.walk_responses: a response follows from its outcome alone."""
        responses = []
        for outcome in outcomes:
            known = self._responses.get(id(outcome))
            if known is None or known[0] is not outcome:
                known = (outcome, walk_responses([outcome])[0], self._call)
            else:
                known = (outcome, known[1], self._call)
            self._responses[id(outcome)] = known
            responses.append(known[1])
        return responses

    def _prune(self) -> None:
        """Forget what the last KEPT_CALLS analyses did not use, once it outgrows them."""
        if len(self._outcomes) + len(self._responses) <= 4 * self._largest + 1000:
            return
        oldest = self._call - KEPT_CALLS
        self._outcomes = {k: v for k, v in self._outcomes.items() if v[2] > oldest}
        self._responses = {k: v for k, v in self._responses.items() if v[2] > oldest}
