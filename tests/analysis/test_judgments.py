"""When the app cannot know, it says so: each "not judged" reason and the rules of
domain.md ("Rules the app applies", "When the app cannot know"), on hand-built walks."""

from datetime import timedelta

from sciajournal.analysis.outcomes import (
    NotJudged,
    Outcome,
    Reason,
    not_judged_text,
    painkiller_text,
    walk_outcomes,
)
from sciajournal.analysis.ratings import PainChange, RatingIndex
from sciajournal.analysis.tolerance import walking_tolerance
from sciajournal.core.enums import PainContext, Reach
from sciajournal.core.settings import Settings
from tests.analysis.scenario import before, end, follow_up, morning, outcome, rating, t, walk
from tests.factories import full_medication

TWO_HOURS = timedelta(hours=2)
W = walk(t(10, 10), minutes=30)  # 10:00-10:30, follow-up due 12:30


def test_no_follow_up_at_all_is_awaiting_however_old():
    result = outcome(W, [before(W, 3, 3), end(W, 3, 4)])
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP
    assert result.not_judged == (NotJudged.NO_FOLLOW_UP,)
    assert not_judged_text(result) == "no follow-up recorded"


def test_no_rating_before_and_none_after_names_both():
    result = outcome(W, [end(W, 3, 4)])
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP
    assert result.not_judged == (NotJudged.NO_FOLLOW_UP, NotJudged.NO_BASELINE)


def test_a_follow_up_without_a_baseline_is_not_judged_even_when_pain_is_high():
    # 7/10 three hours after the walk is no evidence that the walk was tolerated.
    result = outcome(W, [follow_up(W, timedelta(hours=3), 4, 7)])
    assert result.outcome is Outcome.NOT_JUDGED
    assert result.not_judged == (NotJudged.NO_BASELINE,)
    assert result.high_pain is not None and result.high_pain.leg == 7
    assert not result.counts_as_tolerated


def test_an_early_follow_up_does_not_end_the_wait():
    early = follow_up(W, timedelta(minutes=60), 3, 3)
    result = outcome(W, [before(W, 3, 3), early])
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP
    assert result.not_judged == (NotJudged.FOLLOW_UP_TOO_EARLY,)
    assert result.follow_up is None
    later = outcome(W, [before(W, 3, 3), early, follow_up(W, TWO_HOURS, 3, 3)])
    assert later.outcome is Outcome.SETTLED


def test_a_standalone_rating_inside_the_window_counts_as_the_follow_up():
    inside = rating(t(10, 13), 3, 6)  # 2.5 h after the walk, linked to nothing
    result = outcome(W, [before(W, 3, 3), inside])
    assert result.outcome is Outcome.PAIN_CONTINUED
    assert result.follow_up == inside
    settled = outcome(W, [before(W, 3, 3), rating(t(10, 13), 3, 3)])
    assert settled.outcome is Outcome.SETTLED


def test_a_standalone_rating_outside_the_window_or_after_the_next_walk_does_not():
    too_early = rating(t(10, 12), 3, 3)  # 1.5 h after
    too_late = rating(t(10, 17), 3, 3)  # 6.5 h after, past the window
    for stray in (too_early, too_late):
        assert outcome(W, [before(W, 3, 3), stray]).outcome is Outcome.AWAITING_FOLLOW_UP
    second = walk(t(10, 12, 45), 20)
    after_second = rating(t(10, 13, 30), 3, 3)
    first, _ = walk_outcomes([W, second], RatingIndex([before(W, 3, 3), after_second]), Settings())
    assert first.outcome is Outcome.AWAITING_FOLLOW_UP  # it belongs to the second walk


def test_leg_up_and_back_down_is_a_rise_of_the_leg():
    result = outcome(W, [before(W, 6, 2), follow_up(W, TWO_HOURS, 3, 5)])
    assert result.outcome is Outcome.PAIN_CONTINUED
    assert result.evidence is not None
    assert result.evidence.change == PainChange(back=-3, leg=3)
    assert result.evidence.change.text == "+3 leg"


def test_a_change_in_words_names_the_worse_rise_or_says_nothing_rose():
    assert PainChange(back=-3, leg=3).text == "+3 leg"
    assert PainChange(back=2, leg=1).text == "+2 back"
    assert PainChange(back=2, leg=2).text == "+2 back and leg"
    assert PainChange(back=0, leg=0).text == "no change"
    assert PainChange(back=-1, leg=-2).text == "no rise: back -1, leg -2"


def test_the_evidence_is_the_rating_that_raised_the_flag_not_the_latest():
    raised = follow_up(W, TWO_HOURS, 3, 6)
    calmer = follow_up(W, timedelta(hours=4), 3, 3)
    result = outcome(W, [before(W, 3, 3), raised, calmer])
    assert result.follow_up == raised
    assert (result.evidence.earlier.leg, result.evidence.later) == (3, raised)


def test_spread_not_judged_without_reach_before_the_walk_the_other_rules_decide():
    ratings = [before(W, 3, 3), end(W, 3, 3, reach=Reach.FOOT), follow_up(W, TWO_HOURS, 3, 3)]
    result = outcome(W, ratings)
    assert result.outcome is Outcome.SETTLED
    assert result.not_judged == (NotJudged.SPREAD,)
    assert "spread not judged" in not_judged_text(result)
    raised = outcome(W, [*ratings[:2], follow_up(W, TWO_HOURS, 3, 6)])
    assert raised.outcome is Outcome.PAIN_CONTINUED
    assert raised.not_judged == (NotJudged.SPREAD,)


def test_nerve_signs_not_judged_without_a_rating_before():
    result = outcome(W, [end(W, 3, 3, tingling=True), follow_up(W, TWO_HOURS, 3, 3)])
    assert result.outcome is Outcome.NOT_JUDGED
    assert result.not_judged == (NotJudged.NO_BASELINE, NotJudged.NERVE_SIGNS)


def test_next_morning_without_anything_to_compare_is_not_judged():
    result = outcome(W, [morning(t(11, 8), 5, 8)])
    assert NotJudged.NEXT_MORNING in result.not_judged
    assert result.reasons == ()
    assert result.morning_reference is None


def test_next_morning_without_a_previous_morning_is_compared_with_the_before_rating():
    result = outcome(W, [before(W, 2, 2), morning(t(11, 8), 2, 4)])
    assert result.previous_morning is None
    assert result.morning_reference is not None and result.morning_reference.leg == 2
    assert result.reasons == (Reason.NEXT_MORNING_RAISED,)


def test_a_walk_at_half_past_midnight_is_followed_by_the_same_dates_morning():
    night = walk(t(11, 0, 30), 30)
    ratings = [
        morning(t(10, 8), 2, 2),
        before(night, 2, 2),
        morning(t(11, 8), 2, 5),
        morning(t(12, 8), 2, 2),
    ]
    result = outcome(night, ratings)
    assert (result.previous_morning, result.next_morning) == (ratings[0], ratings[2])
    assert result.reasons == (Reason.NEXT_MORNING_RAISED,)
    assert result.evidence.change.text == "+3 leg"


def test_tingling_counts_as_a_nerve_sign():
    # Against a rating that asked (the pain form's), not the walk form's before-rating.
    asked = rating(W.start - timedelta(minutes=30), 3, 3)
    ratings = [asked, follow_up(W, TWO_HOURS, 3, 3, tingling=True)]
    assert outcome(W, ratings).reasons == (Reason.NERVE_SIGN_APPEARED,)


def test_a_painkiller_before_the_walk_is_linked_to_it():
    dose = full_medication(at=t(10, 7, 30), name="ibuprofen", dose=400, quantity=1)
    too_early = full_medication(at=t(10, 5, 59), name="paracetamol", dose=500, quantity=1)
    ratings = [before(W, 3, 3), follow_up(W, TWO_HOURS, 3, 3)]
    (result,) = walk_outcomes([W], RatingIndex(ratings), Settings(), [dose, too_early])
    assert result.painkillers == (dose,)
    assert painkiller_text(result) == "taken after ibuprofen 400 mg at 07:30"
    assert result.outcome is Outcome.SETTLED  # still settled, but the doctor sees why
    (shorter,) = walk_outcomes(
        [W], RatingIndex(ratings), Settings(painkiller_window_hours=2), [dose]
    )
    assert shorter.painkillers == ()


def test_tolerance_counts_stopped_early_onset_and_high_pain_even_if_settled():
    walks = [
        walk(t(1 + i, 10), 20 + i, stopped_early=i % 2 == 0, symptoms_after_minutes=m)
        for i, m in enumerate([5, 6, 7, 9, 10, 12])
    ]
    ratings = []
    for w in walks:
        ratings += [before(w, 3, 3), follow_up(w, TWO_HOURS, 3, 3)]
    ratings.append(end(walks[1], 2, 7))  # red at the end, settled two hours later
    result = walking_tolerance(walk_outcomes(walks, RatingIndex(ratings), Settings()))
    assert (result.walks, result.stopped_early, result.onset_walks) == (6, 3, 6)
    assert result.onset_median_minutes == 8
    assert (result.onset_first_half_minutes, result.onset_second_half_minutes) == (6, 10)
    assert result.onset_trend == "later"
    assert result.longest_settled_minutes == 25
    assert [o.walk for o in result.high_pain] == [walks[1]]
    assert result.high_pain[0].outcome is Outcome.SETTLED


def test_a_rating_linked_to_another_context_is_not_a_follow_up():
    bedtime = rating(t(10, 22), 3, 3, PainContext.BEDTIME)
    assert outcome(W, [before(W, 3, 3), bedtime]).outcome is Outcome.AWAITING_FOLLOW_UP
