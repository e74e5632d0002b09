"""A pain rating: its own group Observation whose members are the back and the leg pain,
each LOINC 72514-3 (0-10, unit {score}) with its SNOMED CT body site (domain.md).

What the rating says about the leg (which side, how far down, numbness, tingling,
weakness) is on the leg's Observation; when it was taken (context, the walk it belongs
to) and the notes are on the group. A morning rating's sleep (times woken by pain, hours
slept) and a bedtime rating's longest comfortable sitting are further members, with
plain-text codes (domain.md has none for them).
"""

from collections.abc import Iterator

from sciajournal.core.entities import PainRating
from sciajournal.core.sleep_sitting_questions import COMFORTABLE_SITTING, HOURS_SLEPT, TIMES_WOKEN
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.elements import (
    Resource,
    Value,
    component,
    concept,
    derived_id,
    full_url,
    hours,
    minutes,
    observation,
    quantity,
)

#: The journal's context values in words for the clinic (the enum values are for machines).
CONTEXT_WORDS = {
    "standalone": "standalone rating",
    "before_walk": "before a walk",
    "end_of_walk": "at the end of a walk",
    "follow_up": "follow-up after a walk",
    "morning": "morning rating",
    "bedtime": "bedtime rating",
}
SIDE_WORDS = {"left": "left leg", "right": "right leg", "both": "both legs"}


def pain_score(value: int) -> dict[str, object]:
    return quantity(value, codes.SCORE_UNIT, codes.SCORE_UNIT)


def pain_code(text: str) -> dict[str, object]:
    return concept(codes.PAIN_SEVERITY, text)


def back_site() -> dict[str, object]:
    return concept(codes.LOWER_BACK, "lower back")


def leg_site(side_words: str = "leg") -> dict[str, object]:
    return concept(codes.LOWER_LIMB, side_words)


def rating_resources(rating: PainRating, patient_id: str) -> Iterator[Resource]:
    """The rating's group Observation, then its back and leg Observations."""
    back = observation(
        derived_id(rating.id, "back"),
        patient_id,
        pain_code("Back pain (0-10)"),
        rating.at,
        value=pain_score(rating.back),
        categories=[codes.SURVEY],
        body_site=back_site(),
    )
    leg = observation(
        derived_id(rating.id, "leg"),
        patient_id,
        pain_code("Leg pain (0-10)"),
        rating.at,
        value=pain_score(rating.leg),
        categories=[codes.SURVEY],
        body_site=leg_site(SIDE_WORDS[rating.side.value] if rating.side else "leg"),
        components=_leg_details(rating),
    )
    members = [back, leg, *_sleep_and_sitting(rating, patient_id)]
    yield observation(
        rating.id,
        patient_id,
        concept(text="Pain rating"),
        rating.at,
        categories=[codes.SURVEY],
        components=_context(rating),
        members=[member["id"] for member in members],
        note=rating.notes,
    )
    yield from members


def _sleep_and_sitting(rating: PainRating, patient_id: str) -> Iterator[Resource]:
    recorded: list[tuple[str, str, Value]] = []
    if rating.times_woken is not None:
        recorded.append(("times-woken", TIMES_WOKEN, rating.times_woken))
    if rating.hours_slept is not None:
        recorded.append(("hours-slept", HOURS_SLEPT, hours(rating.hours_slept)))
    if rating.comfortable_sitting_minutes is not None:
        sitting = minutes(rating.comfortable_sitting_minutes)
        recorded.append(("comfortable-sitting", COMFORTABLE_SITTING, sitting))
    for part, text, value in recorded:
        yield observation(
            derived_id(rating.id, part),
            patient_id,
            concept(text=text),
            rating.at,
            value=value,
            categories=[codes.SURVEY],
        )


def _context(rating: PainRating) -> list[dict[str, object]]:
    details = [component("When rated", CONTEXT_WORDS[rating.context.value])]
    if rating.walk_id is not None:
        # A component cannot hold a Reference: the walk's fullUrl in this bundle, as text.
        details.append(component("Walk it belongs to", full_url(rating.walk_id)))
    return details


def _leg_details(rating: PainRating) -> list[dict[str, object]]:
    details = []
    if rating.reach is not None:
        details.append(component("Symptoms reach down to", rating.reach.value))
    details += [
        component("Numbness", rating.numbness),
        component("Tingling", rating.tingling),
        component("Weakness", rating.weakness),
    ]
    return details
