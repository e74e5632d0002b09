"""Medication doses, red-flag checks and notes.

A dose is a MedicationStatement with the name as text (domain.md: no drug code needed).
A red-flag check is an Observation with the signs as text, each sign also a component
with its urgency; a check that found none says so in words, because the report and a
clinician both need to know when the patient last screened. A note is a plain-text
Observation.
"""

from sciajournal.analysis.red_flags import URGENCY_OF, WORDING, ordered_signs
from sciajournal.core.entities import MedicationDose, Note, RedFlagCheck
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.elements import (
    Resource,
    annotation,
    component,
    concept,
    date_time,
    number,
    observation,
    quantity,
    reference,
)

#: Units with a UCUM code of their own; any other unit is written as the user typed it.
UCUM_UNITS = {"mg": "mg", "g": "g", "mcg": "ug", "µg": "ug", "ml": "mL", "mL": "mL"}
RED_FLAG_CHECK = "Sciatica red-flag check"
NO_SIGNS = "None of the red-flag signs on the checklist was reported at this check"


def medication_statement(dose: MedicationDose, patient_id: str) -> Resource:
    taken = dose.dose * dose.quantity
    how = "as needed" if dose.as_needed else "scheduled"
    count = "" if dose.quantity == 1 else f"{number(dose.quantity)} x "
    statement: Resource = {
        "resourceType": "MedicationStatement",
        "id": dose.id,
        "status": "completed",
        "medicationCodeableConcept": concept(text=dose.name),
        "subject": reference(patient_id),
        "effectiveDateTime": date_time(dose.at),
        "dosage": [
            {
                "text": f"{count}{number(dose.dose)} {dose.unit}, {how}",
                "asNeededBoolean": dose.as_needed,
                "doseAndRate": [
                    {"doseQuantity": quantity(taken, dose.unit, UCUM_UNITS.get(dose.unit))}
                ],
            }
        ],
    }
    if dose.notes.strip():
        statement["note"] = annotation(dose.notes)
    return statement


def red_flag_observation(check: RedFlagCheck, patient_id: str) -> Resource:
    signs = ordered_signs(check.signs)
    text = "; ".join(RED_FLAG_LABELS[sign] for sign in signs) if signs else NO_SIGNS
    return observation(
        check.id,
        patient_id,
        concept(text=RED_FLAG_CHECK),
        check.at,
        value=text,
        categories=[codes.SURVEY],
        components=[component(RED_FLAG_LABELS[sign], _urgency_words(sign)) for sign in signs],
        note=check.notes,
    )


def _urgency_words(sign: RedFlag) -> str:
    wording = WORDING[URGENCY_OF[sign]]
    return f"{wording.grade} ({wording.where})"


def note_observation(note: Note, patient_id: str) -> Resource:
    return observation(
        note.id, patient_id, concept(text="Patient's note"), note.at, value=note.text
    )
