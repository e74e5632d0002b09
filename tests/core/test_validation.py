"""Every out-of-range or missing value is rejected with its field named."""

import dataclasses
from datetime import datetime

import pytest

from sciajournal.core.enums import PainContext
from sciajournal.core.validation import ValidationError, validate_entry
from tests.factories import (
    full_medication,
    full_note,
    full_pain,
    full_red_flags,
    full_treatment,
    full_walk,
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
