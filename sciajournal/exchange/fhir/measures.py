"""The function questionnaires (issue 16) as survey Observations with plain-text codes:
no LOINC code for them is in domain.md, so none is invented.

- A Sciatica Bothersomeness Index check: the total 0-24 as valueInteger, each item 0-6
  as a component.
- A Patient-Specific Functional Scale activity the patient named: its name as
  valueString, effectivePeriod from when it was added to when it was retired (open while
  it is still rated).
- A PSFS sitting: the mean score 0-10 as valueQuantity, each activity's score as a
  component named by the activity.

Totals and means come from analysis, where they are defined; nothing is judged here.
"""

from collections.abc import Mapping

from sciajournal.analysis.bothersomeness import ITEM_LABELS, sbi_total
from sciajournal.analysis.functional_scale import UNKNOWN_ACTIVITY, sitting
from sciajournal.core.entities import BothersomenessCheck, FunctionActivity, FunctionRating
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.elements import (
    Resource,
    component,
    concept,
    observation,
    quantity,
)

SBI = "Sciatica Bothersomeness Index (last week, 0-24)"
PSFS_ACTIVITY = "Patient-Specific Functional Scale activity"
PSFS = "Patient-Specific Functional Scale (mean score, 0-10)"
#: Places of the mean kept in the export: every score is whole, so 2 keep thirds readable.
MEAN_PLACES = 2


def bothersomeness_observation(check: BothersomenessCheck, patient_id: str) -> Resource:
    return observation(
        check.id,
        patient_id,
        concept(text=SBI),
        check.at,
        value=sbi_total(check),
        categories=[codes.SURVEY],
        components=[
            component(f"{label} (0-6)", getattr(check, name)) for name, label in ITEM_LABELS.items()
        ],
        note=check.notes,
    )


def activity_observation(activity: FunctionActivity, patient_id: str) -> Resource:
    return observation(
        activity.id,
        patient_id,
        concept(text=PSFS_ACTIVITY),
        # A period rather than a moment: the activity counts from `added` until retired.
        (activity.added, activity.retired),
        value=activity.name,
        categories=[codes.SURVEY],
        note=activity.notes,
    )


def function_rating_observation(
    rating: FunctionRating, patient_id: str, activity_names: Mapping[str, str]
) -> Resource:
    scored = sitting(rating)
    return observation(
        rating.id,
        patient_id,
        concept(text=PSFS),
        rating.at,
        value=(
            quantity(round(scored.mean, MEAN_PLACES), codes.SCORE_UNIT, codes.SCORE_UNIT)
            if scored is not None
            else None
        ),
        categories=[codes.SURVEY],
        components=[
            component(
                f"{activity_names.get(score.activity_id, UNKNOWN_ACTIVITY)} (0-10)", score.score
            )
            for score in rating.scores
        ],
        note=rating.notes,
    )
