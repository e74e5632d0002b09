"""An ice or heat session: a Procedure (performedPeriod, body area as text), and the pain
rated before and after it as 72514-3 Observations that are part of that Procedure."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from sciajournal.core.entities import Treatment
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.elements import (
    Resource,
    annotation,
    concept,
    derived_id,
    observation,
    period,
    reference,
)
from sciajournal.exchange.fhir.pain import back_site, leg_site, pain_code, pain_score

KIND_WORDS = {"ice": "Ice", "heat": "Heat", "alternating": "Alternating ice and heat"}


def treatment_resources(treatment: Treatment, patient_id: str) -> Iterator[Resource]:
    words = KIND_WORDS[treatment.kind.value]
    end = treatment.start + timedelta(minutes=treatment.minutes)
    procedure: Resource = {
        "resourceType": "Procedure",
        "id": treatment.id,
        "status": "completed",
        "code": concept(text=words),
        "subject": reference(patient_id),
        "performedPeriod": period(treatment.start, end),
    }
    if treatment.body_area.strip():  # an element may not be empty in FHIR (ele-1)
        procedure["bodySite"] = [concept(text=treatment.body_area)]
    if treatment.notes.strip():
        procedure["note"] = annotation(treatment.notes)
    yield procedure
    ratings = (
        ("back-before", "Back", "before", treatment.back_before, treatment.start),
        ("leg-before", "Leg", "before", treatment.leg_before, treatment.start),
        ("back-after", "Back", "after", treatment.back_after, end),
        ("leg-after", "Leg", "after", treatment.leg_after, end),
    )
    for part, where, moment, value, at in ratings:
        if value is None:
            continue
        yield _rating(
            treatment, patient_id, part, f"{where} pain {moment} {words.lower()}", value, at
        )


def _rating(
    treatment: Treatment, patient_id: str, part: str, text: str, value: int, at: datetime
) -> Resource:
    return observation(
        derived_id(treatment.id, part),
        patient_id,
        pain_code(f"{text} (0-10)"),
        at,
        value=pain_score(value),
        categories=[codes.SURVEY],
        body_site=back_site() if part.startswith("back") else leg_site(),
        part_of=treatment.id,
    )
