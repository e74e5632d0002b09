"""Properties that must hold for any journal, checked with generated entries."""

import dataclasses
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.outcomes import Outcome, walk_outcomes
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.collection import Entries
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext, Reach
from sciajournal.core.settings import Settings
from tests.analysis.scenario import CET, t

FIRST = t(1, 0)
scores = st.integers(0, 10)


@st.composite
def journals(draw, days=10):
    """Walks with before/end/follow-up ratings and free-standing ratings over `days` days."""
    walks: list[Walk] = []
    ratings: list[PainRating] = []
    for _ in range(draw(st.integers(0, 8))):
        start = FIRST + timedelta(minutes=draw(st.integers(0, days * 24 * 60 - 1)))
        w = Walk(
            start=start,
            minutes=draw(st.integers(1, 90)),
            pain_lasted_hours=draw(st.none() | st.floats(0, 6)),
        )
        walks.append(w)
        for context, offset in (
            (PainContext.BEFORE_WALK, -5),
            (PainContext.END_OF_WALK, w.minutes),
            (PainContext.FOLLOW_UP, w.minutes + draw(st.integers(30, 300))),
        ):
            if draw(st.booleans()):
                ratings.append(
                    PainRating(
                        at=start + timedelta(minutes=offset),
                        back=draw(scores),
                        leg=draw(scores),
                        context=context,
                        walk_id=w.id,
                        reach=draw(st.none() | st.sampled_from(list(Reach))),
                        numbness=draw(st.booleans()),
                    )
                )
    for _ in range(draw(st.integers(0, 15))):
        ratings.append(
            PainRating(
                at=FIRST + timedelta(minutes=draw(st.integers(0, days * 24 * 60 - 1))),
                back=draw(scores),
                leg=draw(scores),
                context=draw(st.sampled_from([PainContext.MORNING, PainContext.STANDALONE])),
            )
        )
    return walks, ratings


def by_walk(outcomes):
    return {o.walk.id: (o.outcome, o.reasons, o.light) for o in outcomes}


@settings(max_examples=150, deadline=None)
@given(journals(), st.randoms(use_true_random=False))
def test_outcomes_do_not_depend_on_entry_order(journal, shuffler: random.Random):
    walks, ratings = journal
    expected = by_walk(walk_outcomes(walks, RatingIndex(ratings), Settings()))
    walks, ratings = walks[:], ratings[:]
    shuffler.shuffle(walks)
    shuffler.shuffle(ratings)
    assert by_walk(walk_outcomes(walks, RatingIndex(ratings), Settings())) == expected


@settings(max_examples=150, deadline=None)
@given(
    journals(days=3),
    st.integers(6, 30),
    st.integers(0, 23),
    scores,
    scores,
    st.sampled_from([PainContext.MORNING, PainContext.STANDALONE, PainContext.BEDTIME]),
)
def test_an_entry_on_another_day_does_not_change_a_walk(journal, day, hour, back, leg, context):
    # The generated walks and their ratings lie within the first 3 days and a few hours.
    walks, ratings = journal
    expected = by_walk(walk_outcomes(walks, RatingIndex(ratings), Settings()))
    elsewhere = PainRating(at=t(day, hour), back=back, leg=leg, context=context)
    more = [*ratings, elsewhere]
    assert by_walk(walk_outcomes(walks, RatingIndex(more), Settings())) == expected
    extra_walk = Walk(start=t(day, hour), minutes=30)
    with_walk = by_walk(walk_outcomes([*walks, extra_walk], RatingIndex(more), Settings()))
    del with_walk[extra_walk.id]
    assert with_walk == expected


@settings(max_examples=100, deadline=None)
@given(journals(days=40))
def test_weekly_minutes_add_up_to_the_total(journal):
    walks, ratings = journal
    first, last = date(2026, 3, 1), date(2026, 4, 9)
    analysis = analyse(Entries(walks=walks, pain=ratings), first, last, Settings())
    total = sum(w.minutes for w in walks if first <= w.start.date() <= last)
    assert sum(week.minutes for week in analysis.progression.weeks) == total
    assert sum(day.walk_minutes for day in analysis.days) == total
    assert len(analysis.days) == 40
    assert all(w.start.tzinfo == CET for w in walks)


@settings(max_examples=100, deadline=None)
@given(journals(days=4))
def test_deleting_a_rating_never_makes_an_unjudged_walk_settled(journal):
    """Missing data never reassures: a walk awaiting its follow-up or not judged stays
    unsettled whichever rating is taken away. (A flagged walk may lose its flag when the
    rating that raised it is deleted: that is the evidence going, not reassurance.)"""
    walks, ratings = journal
    before = {o.walk.id: o.outcome for o in walk_outcomes(walks, RatingIndex(ratings), Settings())}
    unsettled = {
        walk_id
        for walk_id, outcome in before.items()
        if outcome in (Outcome.AWAITING_FOLLOW_UP, Outcome.NOT_JUDGED)
    }
    for index in range(len(ratings)):
        fewer = ratings[:index] + ratings[index + 1 :]
        for result in walk_outcomes(walks, RatingIndex(fewer), Settings()):
            if result.walk.id in unsettled:
                assert result.outcome is not Outcome.SETTLED


def _week_figures(week):
    figures = dataclasses.asdict(week)
    del figures["partly_outside_range"]
    return figures


@settings(max_examples=100, deadline=None)
@given(journals(days=40), st.integers(0, 39), st.integers(0, 39), st.integers(0, 39))
def test_the_range_selects_weeks_but_never_changes_their_figures(journal, a, b, c):
    walks, ratings = journal
    entries = Entries(walks=walks, pain=ratings)
    today = date(2026, 3, 1) + timedelta(days=c)
    start = date(2026, 3, 1)
    first, last = sorted((start + timedelta(days=a), start + timedelta(days=b)))
    narrow = analyse(entries, first, last, Settings(), today=today)
    whole = analyse(entries, start, start + timedelta(days=39), Settings(), today=today)
    all_weeks = {week.monday: _week_figures(week) for week in whole.progression.weeks}
    shown = narrow.progression.weeks
    assert shown[0].monday <= first <= shown[-1].monday + timedelta(days=6)
    assert shown[-1].monday <= last
    for week in shown:
        assert _week_figures(week) == all_weeks[week.monday]
        assert week.partly_outside_range == (
            week.monday < first or min(week.monday + timedelta(days=6), today) > last
        )
