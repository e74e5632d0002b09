"""The clinical codes of the FHIR export: exactly those of shared/domain.md, in one place.

Anything without a code there is exported with a plain-text `code.text` instead of an
invented code: a wrong code is worse for a clinic's system than an honest text.
"""

from dataclasses import dataclass
from typing import Any

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
#: FHIR's own category vocabulary for Observation.category (not a clinical code).
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"


@dataclass(frozen=True, slots=True)
class Code:
    system: str
    code: str
    display: str

    def coding(self) -> dict[str, Any]:
        return {"system": self.system, "code": self.code, "display": self.display}


# -- LOINC --------------------------------------------------------------------------------
PAIN_SEVERITY = Code(
    LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
)
EXERCISE_ACTIVITY = Code(LOINC, "73985-4", "Exercise activity")
WALKING = Code(LOINC, "LA11834-1", "Walking")
EXERCISE_DURATION = Code(LOINC, "55411-3", "Exercise duration")
WALKING_DISTANCE = Code(LOINC, "55430-3", "Walking distance unspecified time Pedometer")
STEPS = Code(LOINC, "55423-8", "Number of steps in unspecified time Pedometer")

# -- SNOMED CT body sites -----------------------------------------------------------------
LOWER_BACK = Code(SNOMED, "37822005", "Lower back structure")
LOWER_LIMB = Code(SNOMED, "61685007", "Lower limb structure")

#: Units: UCUM codes (pain scores are the annotation {score}, domain.md).
SCORE_UNIT = "{score}"

# -- categories (FHIR's vocabulary) -------------------------------------------------------
ACTIVITY = Code(OBSERVATION_CATEGORY, "activity", "Activity")
SURVEY = Code(OBSERVATION_CATEGORY, "survey", "Survey")

#: Every clinical code the export may write, for the test that compares with domain.md.
CLINICAL_CODES = (
    PAIN_SEVERITY,
    EXERCISE_ACTIVITY,
    WALKING,
    EXERCISE_DURATION,
    WALKING_DISTANCE,
    STEPS,
    LOWER_BACK,
    LOWER_LIMB,
)
