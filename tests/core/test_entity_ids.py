"""Entry ids have one spelling: the same UUID in capitals or without hyphens is the same id."""

import uuid

import pytest

from sciajournal.core.entities import Note, PainRating, Walk, canonical_id
from sciajournal.core.enums import PainContext
from sciajournal.core.validation import ValidationError, validate_entry
from tests.factories import at

ID = "6f1c2b9e-4d3a-4e5f-8a7b-1c2d3e4f5a6b"


@pytest.mark.parametrize(
    "spelling", [ID, ID.upper(), ID.replace("-", ""), ID.upper().replace("-", "")]
)
def test_every_spelling_of_a_uuid_becomes_the_canonical_one(spelling):
    assert canonical_id(spelling) == ID
    assert Note(at=at(), text="x", id=spelling).id == ID


def test_a_ratings_walk_link_is_canonical_too():
    rating = PainRating(at=at(), back=2, leg=3, context=PainContext.FOLLOW_UP, walk_id=ID.upper())
    assert rating.walk_id == ID
    assert rating.id == str(uuid.UUID(rating.id))


def test_an_id_that_is_not_a_uuid_is_kept_as_written_and_refused():
    walk = Walk(start=at(), minutes=20, id="not-a-uuid")
    assert walk.id == "not-a-uuid"
    with pytest.raises(ValidationError, match="id: is not a valid id"):
        validate_entry(walk)
