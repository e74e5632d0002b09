"""The analysis's shortcuts (indexes built once, work done once per date) give exactly what
a plain scan gives, on a demo journal with every kind of walk and rating."""

from datetime import datetime, timedelta, timezone

import pytest

from sciajournal.analysis.outcomes import WalkOutcome, walk_outcomes
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.analysis.response import MeasuredAt, walk_responses
from sciajournal.analysis.week_frame import monday_of
from sciajournal.core.collection import Entries
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries

END = datetime(2026, 3, 20, 21, tzinfo=timezone(timedelta(hours=1)))


class ScanningIndex(RatingIndex):
    """A walk's own ratings found by scanning every rating, as before the index."""

    def linked(self, walk: Walk, context: PainContext) -> tuple[PainRating, ...]:
        return tuple(r for r in self._all if r.walk_id == walk.id and r.context is context)


@pytest.fixture(scope="module")
def entries() -> Entries:
    return Entries.of(demo_entries(400, seed=2, end=END))


@pytest.fixture(scope="module")
def outcomes(entries: Entries) -> list[WalkOutcome]:
    return walk_outcomes(entries.walks, RatingIndex(entries.pain), Settings(), entries.medications)


def test_outcomes_from_the_index_are_those_of_a_plain_scan(
    entries: Entries, outcomes: list[WalkOutcome]
) -> None:
    scanned = walk_outcomes(
        entries.walks, ScanningIndex(entries.pain), Settings(), entries.medications
    )
    assert len(outcomes) > 300
    assert outcomes == scanned
    index = RatingIndex(entries.pain)
    for walk in entries.walks[:50]:
        for context in PainContext:
            assert index.of_walk(walk, context) == list(ScanningIndex.linked(index, walk, context))


def test_responses_are_those_of_the_plain_rule(outcomes: list[WalkOutcome]) -> None:
    """The worse of the follow-up and next-morning changes (the follow-up on a tie), else
    the end of the walk: written out as max() over the candidates."""
    for outcome, response in zip(outcomes, walk_responses(outcomes), strict=True):
        later = [
            (change, where)
            for change, where in (
                (response.change_follow_up, MeasuredAt.FOLLOW_UP),
                (response.change_next_morning, MeasuredAt.NEXT_MORNING),
            )
            if change is not None
        ]
        if not later and response.change_end is not None:
            later = [(response.change_end, MeasuredAt.END)]
        expected = max(later, key=lambda pair: pair[0].worst) if later else (None, None)
        assert (response.afterwards, response.afterwards_measured_at) == expected
        assert response.walk_id == outcome.walk.id
    kinds = {r.afterwards_measured_at for r in walk_responses(outcomes)}
    assert kinds >= {MeasuredAt.FOLLOW_UP, MeasuredAt.NEXT_MORNING}


def test_mondays_worked_out_once_per_date_are_mondays() -> None:
    first = END.date() - timedelta(days=800)
    for offset in [*range(800), *range(0, 800, 7)]:  # the second pass finds them worked out
        day = first + timedelta(days=offset)
        assert monday_of(day) == day - timedelta(days=day.weekday())
        assert monday_of(day).weekday() == 0
