"""Per-walk outcomes, with the rule's boundaries computed by hand."""

from datetime import timedelta, timezone

from sciajournal.analysis.outcomes import NOT_JUDGED_TEXT, Light, NotJudged, Outcome, Reason
from sciajournal.core.enums import PainContext, Reach
from sciajournal.core.settings import Settings
from tests.analysis.scenario import (
    before,
    end,
    follow_up,
    morning,
    outcome,
    rating,
    t,
    walk,
)

TWO_HOURS = timedelta(hours=2)
W = walk(t(10, 10), minutes=30)  # 10:00-10:30


def test_follow_up_exactly_two_points_up_at_exactly_two_hours_is_pain_continued():
    result = outcome(W, [before(W, 3, 4), end(W, 3, 5), follow_up(W, TWO_HOURS, 3, 6)])
    assert result.outcome is Outcome.PAIN_CONTINUED
    assert result.reasons == (Reason.FOLLOW_UP_RAISED,)


def test_back_pain_alone_can_raise_the_flag():
    result = outcome(W, [before(W, 2, 4), follow_up(W, TWO_HOURS, 4, 4)])
    assert result.reasons == (Reason.FOLLOW_UP_RAISED,)


def test_one_point_up_settles():
    result = outcome(W, [before(W, 3, 4), follow_up(W, TWO_HOURS, 4, 5)])
    assert result.outcome is Outcome.SETTLED
    assert result.reasons == ()


def test_follow_up_a_minute_too_early_does_not_count():
    early = follow_up(W, TWO_HOURS - timedelta(minutes=1), 3, 8)
    result = outcome(W, [before(W, 3, 4), early])
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP
    assert result.follow_up is None


def test_no_follow_up_is_awaiting_not_fine():
    result = outcome(W, [before(W, 3, 4), end(W, 3, 4)])
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP


def test_follow_up_delay_comes_from_settings():
    ratings = [before(W, 3, 4), follow_up(W, TWO_HOURS, 3, 6)]
    later = Settings(follow_up_hours=3)
    assert outcome(W, ratings, later).outcome is Outcome.AWAITING_FOLLOW_UP
    stricter = Settings(pain_change_points=3)
    assert outcome(W, ratings, stricter).outcome is Outcome.SETTLED


def test_latest_rating_within_three_hours_is_the_baseline():
    standalone = rating(W.start - timedelta(hours=3), 2, 3)
    result = outcome(W, [standalone, follow_up(W, TWO_HOURS, 2, 5)])
    assert result.baseline == standalone
    assert result.outcome is Outcome.PAIN_CONTINUED


def test_without_a_baseline_the_walk_is_not_judged_never_settled():
    too_old = rating(W.start - timedelta(hours=3, minutes=1), 2, 3)
    result = outcome(W, [too_old, follow_up(W, TWO_HOURS, 2, 9)])
    assert result.baseline is None
    assert result.outcome is Outcome.NOT_JUDGED
    assert result.not_judged == (NotJudged.NO_BASELINE,)
    assert not result.counts_as_tolerated


def test_next_morning_two_points_above_the_morning_before():
    ratings = [morning(t(10, 8), 2, 3), before(W, 2, 3), morning(t(11, 8), 2, 5)]
    result = outcome(W, ratings)
    assert result.reasons == (Reason.NEXT_MORNING_RAISED,)
    assert result.previous_morning == ratings[0] and result.next_morning == ratings[2]


def test_next_morning_one_point_up_is_not_a_follow_up():
    result = outcome(W, [morning(t(10, 8), 2, 3), morning(t(11, 8), 3, 4)])
    assert result.reasons == ()
    # Not flagged, but no follow-up: settling needs a follow-up, however good the morning.
    assert result.outcome is Outcome.AWAITING_FOLLOW_UP


def test_recorded_pain_of_exactly_two_hours_flags():
    assert outcome(walk(t(10, 10), pain_lasted_hours=2.0), []).reasons == (Reason.PAIN_LASTED,)
    short = outcome(walk(t(10, 10), pain_lasted_hours=1.9), [])
    assert short.outcome is Outcome.AWAITING_FOLLOW_UP  # no rating before or after


def test_symptoms_reaching_further_down_the_leg():
    ratings = [before(W, 3, 4, reach=Reach.THIGH), end(W, 3, 4, reach=Reach.CALF)]
    assert Reason.SPREAD_FURTHER in outcome(W, ratings).reasons
    same = [before(W, 3, 4, reach=Reach.CALF), end(W, 3, 4, reach=Reach.CALF)]
    assert Reason.SPREAD_FURTHER not in outcome(W, same).reasons
    unknown = [before(W, 3, 4), end(W, 3, 4, reach=Reach.FOOT)]
    assert Reason.SPREAD_FURTHER not in outcome(W, unknown).reasons


def test_numbness_tingling_or_weakness_appearing():
    # A rating from the pain form within the baseline window asks about nerve signs.
    asked = rating(W.start - timedelta(minutes=30), 3, 4)
    ratings = [asked, follow_up(W, TWO_HOURS, 3, 4, weakness=True)]
    assert outcome(W, ratings).reasons == (Reason.NERVE_SIGN_APPEARED,)
    tingling = [asked, end(W, 3, 4, tingling=True), follow_up(W, TWO_HOURS, 3, 4)]
    assert outcome(W, tingling).reasons == (Reason.NERVE_SIGN_APPEARED,)
    already = [before(W, 3, 4, numbness=True), follow_up(W, TWO_HOURS, 3, 4, numbness=True)]
    assert outcome(W, already).reasons == ()


def test_nerve_signs_the_walk_forms_before_rating_did_not_ask_are_not_judged():
    # The reviewer's patient with constant numbness: the walk form's before-rating stores
    # numbness as "no" because it never asks. Unchanged pain and unchanged numbness were
    # "pain continued" on every walk, so no walk settled and no increase was suggested.
    ratings = [
        rating(W.start - timedelta(minutes=30), 3, 4, reach=Reach.CALF, numbness=True),
        before(W, 3, 4),
        follow_up(W, TWO_HOURS, 3, 4, reach=Reach.CALF, numbness=True),
    ]
    result = outcome(W, ratings)
    assert result.outcome is Outcome.SETTLED and result.reasons == ()
    assert NotJudged.NERVE_SIGNS in result.not_judged
    assert NOT_JUDGED_TEXT[NotJudged.NERVE_SIGNS] == (
        "nerve signs not judged (not recorded before the walk)"
    )
    # Pain that rose is still flagged: the other rules decide.
    raised = [*ratings[:2], follow_up(W, TWO_HOURS, 3, 6, numbness=True)]
    assert outcome(W, raised).reasons == (Reason.FOLLOW_UP_RAISED,)


def test_every_reason_that_applies_is_listed():
    ratings = [
        morning(t(10, 8), 1, 1),
        rating(W.start - timedelta(minutes=5), 1, 1, reach=Reach.BUTTOCK),  # asks nerve signs
        end(W, 2, 3, reach=Reach.KNEE, numbness=True),
        follow_up(W, TWO_HOURS, 2, 4),
        morning(t(11, 8), 1, 3),
    ]
    result = outcome(walk(W.start, 30, pain_lasted_hours=3, id=W.id), ratings)
    assert set(result.reasons) == set(Reason)


def test_traffic_light_at_the_end_of_the_walk():
    lights = [outcome(W, [end(W, 0, leg)]).light for leg in (3, 4, 5, 6, 10)]
    assert lights == [Light.GREEN, Light.AMBER, Light.AMBER, Light.RED, Light.RED]
    assert outcome(W, [end(W, 6, 1)]).light is Light.RED  # the worse of back and leg
    assert outcome(W, []).light is None


def test_walk_across_midnight_uses_the_following_morning():
    late = walk(t(10, 23, 30), minutes=60)  # ends 00:30 on the 11th
    ratings = [morning(t(10, 8), 2, 2), morning(t(11, 8), 2, 4)]
    result = outcome(late, ratings)
    assert result.next_morning == ratings[1]
    assert result.reasons == (Reason.NEXT_MORNING_RAISED,)


def test_next_morning_is_the_first_morning_rating_after_the_walk_ended():
    early = walk(t(10, 6, 0), minutes=20)
    ratings = [morning(t(9, 8), 2, 2), morning(t(10, 8), 2, 6), morning(t(11, 8), 2, 2)]
    result = outcome(early, ratings)
    assert result.previous_morning == ratings[0]
    assert result.next_morning == ratings[1]
    assert result.reasons == (Reason.NEXT_MORNING_RAISED,)


def test_two_hours_are_real_hours_across_a_daylight_saving_change():
    cet, cest = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    night = walk(t(29, 0, 30, tz=cet), minutes=60)  # ends 01:30 CET = 00:30 UTC
    # Clocks jump at 02:00 CET to 03:00 CEST: 04:30 CEST is exactly two hours later.
    ratings = [before(night, 3, 3), follow_up(night, TWO_HOURS, 3, 5)]
    assert ratings[1].at.astimezone(cest).hour == 4
    assert outcome(night, ratings).outcome is Outcome.PAIN_CONTINUED
    almost = rating(t(29, 4, 29, tz=cest), 3, 5, PainContext.FOLLOW_UP, night)
    assert outcome(night, [ratings[0], almost]).outcome is Outcome.AWAITING_FOLLOW_UP
