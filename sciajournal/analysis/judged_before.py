"""Walk outcomes and responses judged before, reused when nothing they rest on changed.

After a save the Charts tab analyses ten years again, although a new rating can change
the outcome of a walk or two only. The journal's copy in memory (service/journal_mirror.py)
hands out the same entry objects while they are unchanged, so an outcome is kept under
the identity of everything outcomes.judge reads (outcomes.gather finds it: the walk, its
own ratings, the baseline, the unlinked follow-ups in its window, the mornings around
it, the doses before it) and the settings. An edited entry is a new object, so its walk
is judged anew. The objects of a key are kept with the outcome: while they are alive no
new object can have their ids.

Finding those objects for every walk of ten years (outcomes.gather) still took a third
of the analysis, so after a save only the walks the changed entries may concern are
looked at again (the rule is JudgedBefore._after_changes'), the others keep the outcome
of the same range's analysis before the save. tests/analysis/test_reuse_after_edits.py
holds both to a full analysis, edit by edit.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence, Sized
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from operator import attrgetter, le
from typing import TypeVar

from sciajournal.analysis.changed_entries import MOST_CHANGES, changed
from sciajournal.analysis.days_before import DaysBefore
from sciajournal.analysis.outcomes import (
    STANDALONE_FOLLOW_UP_SPAN,
    DoseIndex,
    Found,
    WalkOutcome,
    Windows,
    gather,
    judge,
)
from sciajournal.analysis.ratings import MORNING_REACH, RatingIndex
from sciajournal.analysis.response import WalkResponse, walk_responses
from sciajournal.core.entities import MedicationDose, PainRating, Walk
from sciajournal.core.settings import Settings

#: Outcomes used by the last this many analyses are kept when the memo is pruned.
KEPT_CALLS = 4
#: Earlier calls kept to start from: one per span a patient switches between.
KEPT_SPANS = 3
T = TypeVar("T")


_at = attrgetter("at")
_start = attrgetter("start")
_minutes = attrgetter("minutes")
_id = attrgetter("id")
_walk_id = attrgetter("walk_id")
_time_order = attrgetter("start", "id")  # as outcomes.walk_outcomes orders walks


def _positions(items: Sequence[object], wanted: Collection[object]) -> list[int]:
    """Where each of `wanted` is in `items` (every place), found at C speed when few."""
    if len(wanted) > 20:
        return [i for i, item in enumerate(items) if item in wanted]
    found = []
    for item in wanted:
        i = -1
        while True:
            try:
                i = items.index(item, i + 1)
            except ValueError:
                break
            found.append(i)
    return found


def _merged(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _taken_within(entries: Sequence[T], spans: list[tuple[datetime, datetime]]) -> list[T]:
    """The ratings or doses taken (`at`) within one of `spans`, in their list's order."""
    times = list(map(_at, entries))
    merged = _merged(spans)
    if all(map(le, times, islice(times, 1, None))):  # in time order, as a journal gives
        return [
            e
            for low, high in merged
            for e in entries[bisect_left(times, low) : bisect_right(times, high)]
        ]
    return [
        e for e, at in zip(entries, times, strict=True) if any(lo <= at <= hi for lo, hi in merged)
    ]


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


@dataclass(frozen=True, slots=True)
class _Judged:
    """One earlier call: what it was given (copies) and the outcomes, in walk order."""

    walks: list[Walk]
    pain: list[PainRating]
    doses: list[MedicationDose]
    settings: Settings
    outcomes: dict[int, WalkOutcome]  # by id(walk): the walks are kept alive in `walks`

    def distance(self, walks: Sized, pain: Sized, doses: Sized) -> int:
        return (
            abs(len(self.walks) - len(walks))
            + abs(len(self.pain) - len(pain))
            + abs(len(self.doses) - len(doses))
        )


def reaches(settings: Settings) -> tuple[timedelta, timedelta]:
    """How long before a walk's start and after its end outcomes.gather looks for ratings
    and doses that are not the walk's own (its own are found by walk id, wherever)."""
    before = max(
        timedelta(hours=settings.baseline_window_hours),  # the latest rating before it
        timedelta(hours=settings.painkiller_window_hours),  # doses before it
        MORNING_REACH,  # the morning before
    )
    after = max(
        # unlinked follow-ups, and the next walk's start that closes their window
        timedelta(hours=settings.follow_up_hours) + STANDALONE_FOLLOW_UP_SPAN,
        MORNING_REACH,  # the next morning
    )
    return before, after


class JudgedBefore:
    """Outcomes and responses of earlier analyses of one journal (see the module text)."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._outcomes: dict[tuple[int, ...], tuple[tuple[object, ...], WalkOutcome, int]] = {}
        self._responses: dict[int, tuple[WalkOutcome, WalkResponse, int]] = {}
        self._call = 0
        self._largest = 0
        #: The last few calls, most recent last: one per span of the journal analysed.
        self._judged: list[_Judged] = []
        #: The days of the ranges analysed, reused alike (days_before.py).
        self.daily_series = DaysBefore().daily_series

    def walk_outcomes(
        self,
        walks: Iterable[Walk],
        pain: Sequence[PainRating],
        settings: Settings,
        doses: Sequence[MedicationDose] = (),
    ) -> list[WalkOutcome]:
        """As outcomes.walk_outcomes, judging only walks whose evidence is new."""
        walks = list(walks)
        ordered = sorted(walks, key=_time_order)
        outcomes = self._after_changes(ordered, walks, pain, settings, doses)
        if outcomes is None:
            outcomes = self._judged_again(ordered, RatingIndex(pain), settings, DoseIndex(doses))
        self._remember(
            _Judged(
                walks,
                list(pain),
                list(doses),
                settings,
                dict(zip(map(id, ordered), outcomes, strict=True)),
            )
        )
        return outcomes

    def _after_changes(
        self,
        ordered: list[Walk],
        walks: list[Walk],
        pain: Sequence[PainRating],
        settings: Settings,
        doses: Sequence[MedicationDose],
    ) -> list[WalkOutcome] | None:
        """The outcomes from the earlier call nearest to this one, with the walks that
        the changed entries may concern judged again; None if there is none to start from.

        The rule: a walk is judged again when it is itself new, when a rating linked to it
        changed (wherever it lies), or when a walk, rating or dose changed within
        `reaches` of it: outcomes.gather reads nothing else. Everything another walk's
        outcome rests on is then the same objects as before, and so is its outcome.
        """
        earlier = min(
            (j for j in self._judged if j.settings == settings),
            key=lambda j: j.distance(walks, pain, doses),
            default=None,
        )
        if earlier is None:
            return None
        walk_changes = changed(earlier.walks, walks)
        pain_changes = changed(earlier.pain, pain)
        dose_changes = changed(earlier.doses, doses)
        if walk_changes is None or pain_changes is None or dose_changes is None:
            return None
        if len(walk_changes) + len(pain_changes) + len(dose_changes) > MOST_CHANGES:
            return None
        self._judged.remove(earlier)  # this call's takes its place
        moments = sorted(
            [w.start for w in walk_changes.both()]
            + [r.at for r in pain_changes.both()]
            + [d.at for d in dose_changes.both()]
        )
        linked = {r.walk_id for r in pain_changes.both() if r.walk_id is not None}
        before, after = reaches(settings)
        longest = timedelta(minutes=max(map(_minutes, ordered), default=0))
        starts = list(map(_start, ordered))
        # Walks whose start..end widened by the reaches holds a changed moment: a start
        # from moment - after - the longest walk's length to moment + before.
        again = {
            i
            for moment in moments
            for i in range(
                bisect_left(starts, moment - after - longest),
                bisect_right(starts, moment + before),
            )
        }
        known = earlier.outcomes
        outcomes = list(map(known.get, map(id, ordered)))  # None: a walk new or edited
        again.update(_positions(list(map(id, ordered)), list(map(id, walk_changes.new))))
        again.update(_positions(list(map(_id, ordered)), linked))
        if not again:
            return outcomes  # type: ignore[return-value]  # no None: none new
        chosen = [ordered[i] for i in sorted(again)]
        spans = [(walk.start - before, walk.end + after) for walk in chosen]
        near = _taken_within(pain, spans)
        seen = set(map(id, near))
        mine = _positions(list(map(_walk_id, pain)), {walk.id for walk in chosen})
        near += [pain[i] for i in mine if id(pain[i]) not in seen]
        judged = self._judged_again(
            ordered, RatingIndex(near), settings, DoseIndex(_taken_within(doses, spans)), again
        )
        for i, outcome in zip(sorted(again), judged, strict=True):
            outcomes[i] = outcome
        return outcomes  # type: ignore[return-value]  # every None judged again

    def _judged_again(
        self,
        ordered: list[Walk],
        ratings: RatingIndex,
        settings: Settings,
        index: DoseIndex,
        only: set[int] | None = None,
    ) -> list[WalkOutcome]:
        """The outcomes of `ordered` (or of the walks at the indexes `only`), each reused
        when what it rests on is the same objects as in an earlier call."""
        if settings != self._settings:
            self._settings = settings
            self._outcomes.clear()
            self._responses.clear()
        self._call += 1
        windows = Windows.of(settings)
        outcomes = []
        for i in sorted(only) if only is not None else range(len(ordered)):
            walk = ordered[i]
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

    def _remember(self, judged: _Judged) -> None:
        self._judged.append(judged)
        del self._judged[:-KEPT_SPANS]

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
