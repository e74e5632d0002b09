"""Every out-of-range or missing value is rejected with its field named."""

import dataclasses
from datetime import datetime, timedelta

import pytest

from sciajournal.core.entities import ActivityScore
from sciajournal.core.enums import PainContext
from sciajournal.core.validation import ValidationError, validate_entry
from tests.factories import (
    bedtime_with_sitting,
    full_activity,
    full_bothersomeness,
    full_function_rating,
    full_medication,
    full_note,
    full_pain,
    full_red_flags,
    full_treatment,
    full_walk,
    morning_with_sleep,
    one_of_each,
)


@pytest.mark.parametrize("entry", one_of_each(), ids=lambda e: type(e).__name__)
def test_complete_entries_are_valid(entry):
    validate_entry(entry)


BAD_VALUES = [
    # (factory, field, bad value, words expected in the message)
    (full_walk, "start", datetime(2026, 3, 1, 9, 0), "offset"),
    (full_walk, "start", None, "missing"),
    (full_walk, "minutes", 0, "more than 0"),
    (full_walk, "minutes", -5, "more than 0"),
    (full_walk, "minutes", 721, "720"),
    (full_walk, "minutes", float("nan"), "finite"),
    (full_walk, "minutes", "20", "number"),
    (full_walk, "minutes", None, "required"),
    (full_walk, "surface", "mud", "flat"),
    (full_walk, "pace", "fast", "slow"),
    (full_walk, "distance_km", -0.1, "0"),
    (full_walk, "distance_km", 150, "100"),
    (full_walk, "steps", -1, "0"),
    (full_walk, "steps", 12.5, "whole"),
    (full_walk, "steps", True, "number"),
    (full_walk, "symptoms_after_minutes", 30, "22.5"),
    (full_walk, "pain_lasted_hours", -1, "0"),
    (full_walk, "pain_lasted_hours", 100, "72"),
    (full_walk, "stopped_early", "yes", "true or false"),
    (full_walk, "notes", None, "text"),
    (full_walk, "notes", "x" * 10_001, "too long"),
    (full_walk, "id", "not-a-uuid", "id"),
    (full_pain, "back", 11, "0 to 10"),
    (full_pain, "back", -1, "0 to 10"),
    (full_pain, "back", 4.5, "whole"),
    (full_pain, "leg", 11, "0 to 10"),
    (full_pain, "leg", None, "required"),
    (full_pain, "context", "after_lunch", "standalone"),
    (full_pain, "side", "middle", "left"),
    (full_pain, "reach", "toe", "foot"),
    (full_pain, "numbness", None, "true or false"),
    (full_pain, "at", datetime(1850, 1, 1).astimezone(), "year"),
    (full_treatment, "kind", "massage", "ice"),
    (full_treatment, "minutes", 0, "more than 0"),
    (full_treatment, "minutes", 241, "240"),
    (full_treatment, "back_before", 12, "0 to 10"),
    (full_treatment, "leg_before", 11, "0 to 10"),
    (full_treatment, "back_after", -2, "0 to 10"),
    (full_treatment, "leg_after", 4.5, "whole"),
    (full_medication, "name", "  ", "empty"),
    (full_medication, "dose", 0, "more than 0"),
    (full_medication, "unit", "", "empty"),
    (full_medication, "quantity", -1, "more than 0"),
    (full_red_flags, "signs", frozenset({"headache"}), "bowel_bladder"),
    (full_note, "text", "", "empty"),
    (morning_with_sleep, "times_woken", 21, "0 to 20"),
    (morning_with_sleep, "times_woken", 1.5, "whole"),
    (morning_with_sleep, "hours_slept", 25, "0 to 24 h"),
    (morning_with_sleep, "hours_slept", -1, "0 to 24 h"),
    (morning_with_sleep, "comfortable_sitting_minutes", 30, "only a bedtime rating"),
    (bedtime_with_sitting, "comfortable_sitting_minutes", 1441, "0 to 1440 min"),
    (bedtime_with_sitting, "times_woken", 1, "only a morning rating"),
    (full_pain, "hours_slept", 7, "not a standalone one"),
    (full_bothersomeness, "leg_pain", 7, "0 to 6"),
    (full_bothersomeness, "numbness_tingling", -1, "0 to 6"),
    (full_bothersomeness, "weakness", 2.5, "whole"),
    (full_bothersomeness, "sitting_pain", None, "required"),
    (full_activity, "name", "  ", "empty"),
    (full_activity, "name", "x" * 81, "too long"),
    (full_activity, "added", None, "missing"),
    (full_activity, "retired", datetime(2026, 3, 1, 9, 0), "offset"),
    (full_function_rating, "scores", (), "at least one"),
    (full_function_rating, "scores", [("a", 1)], "list of activity scores"),
]


@pytest.mark.parametrize(
    ("factory", "field", "value", "words"),
    BAD_VALUES,
    ids=[f"{f.__name__}-{name}-{value!r:.20}" for f, name, value, _ in BAD_VALUES],
)
def test_bad_value_names_its_field(factory, field, value, words):
    entry = dataclasses.replace(factory(), **{field: value})
    with pytest.raises(ValidationError) as raised:
        validate_entry(entry)
    problems = {problem.field: problem.message for problem in raised.value.problems}
    assert field in problems, raised.value
    assert words in problems[field]


def test_walk_ratings_must_name_their_walk():
    rating = full_pain(context=PainContext.FOLLOW_UP, walk_id=None)
    with pytest.raises(ValidationError, match="walk_id: is required for a follow_up rating"):
        validate_entry(rating)


def test_standalone_rating_cannot_belong_to_a_walk():
    walk = full_walk()
    with pytest.raises(ValidationError, match="walk_id"):
        validate_entry(full_pain(walk, context=PainContext.BEDTIME))


def test_every_problem_is_reported_at_once():
    entry = dataclasses.replace(full_pain(), back=12, leg=-1)
    with pytest.raises(ValidationError) as raised:
        validate_entry(entry)
    assert [p.field for p in raised.value.problems] == ["back", "leg"]


def test_boundaries_are_accepted():
    validate_entry(dataclasses.replace(full_pain(), back=0, leg=10))
    validate_entry(dataclasses.replace(full_walk(), minutes=720, symptoms_after_minutes=720))


def test_an_activity_cannot_be_retired_before_it_was_added():
    activity = full_activity()
    retired = dataclasses.replace(activity, retired=activity.added - timedelta(days=1))
    with pytest.raises(ValidationError, match="retired: is before the activity was added"):
        validate_entry(retired)
    validate_entry(dataclasses.replace(activity, retired=activity.added))


def test_a_function_rating_names_each_activity_once_and_scores_0_to_10():
    socks, film = full_activity(), full_activity(name="Sit through a film")
    validate_entry(full_function_rating(socks, film))
    twice = full_function_rating(
        socks, scores=(ActivityScore(socks.id, 4), ActivityScore(socks.id.upper(), 5))
    )
    with pytest.raises(
        ValidationError, match=r"scores\[1\].activity_id: rates the same activity twice"
    ):
        validate_entry(twice)
    too_high = full_function_rating(socks, scores=(ActivityScore(socks.id, 11),))
    with pytest.raises(ValidationError, match=r"scores\[0\].score: must be from 0 to 10, not 11"):
        validate_entry(too_high)
    not_an_id = full_function_rating(socks, scores=(ActivityScore("socks", 4),))
    with pytest.raises(ValidationError, match=r"scores\[0\].activity_id: is not a valid id"):
        validate_entry(not_an_id)


def test_sleep_and_sitting_boundaries_are_accepted():
    validate_entry(morning_with_sleep(times_woken=0, hours_slept=0))
    validate_entry(morning_with_sleep(times_woken=20, hours_slept=24))
    validate_entry(bedtime_with_sitting(comfortable_sitting_minutes=0))
    validate_entry(bedtime_with_sitting(comfortable_sitting_minutes=1440))
    validate_entry(full_bothersomeness(leg_pain=0, numbness_tingling=6, weakness=0, sitting_pain=6))
