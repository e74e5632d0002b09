"""A walk as domain.md asks: a group Observation (category activity, effectivePeriod = the
walk) whose members are the activity type, duration, distance and steps.

The group has no code of its own in domain.md, so it is a text; what else the patient
recorded about the walk (surface, pace, shoes, claudication...) travels as its components.
"""

from collections.abc import Iterator

from sciajournal.core.entities import Walk
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.elements import (
    Resource,
    component,
    concept,
    derived_id,
    hours,
    minutes,
    observation,
    quantity,
)

METRES_PER_KM = 1000


def walk_resources(walk: Walk, patient_id: str) -> Iterator[Resource]:
    """The group Observation first, then its members."""
    span = (walk.start, walk.end)
    members: list[Resource] = [
        observation(
            derived_id(walk.id, "activity"),
            patient_id,
            concept(codes.EXERCISE_ACTIVITY),
            span,
            value=concept(codes.WALKING),
            categories=[codes.ACTIVITY],
        ),
        observation(
            derived_id(walk.id, "duration"),
            patient_id,
            concept(codes.EXERCISE_DURATION),
            span,
            value=minutes(walk.minutes),
            categories=[codes.ACTIVITY],
        ),
    ]
    if walk.distance_km is not None:
        members.append(
            observation(
                derived_id(walk.id, "distance"),
                patient_id,
                concept(codes.WALKING_DISTANCE),
                span,
                # km x 1000 in binary floating point can give 2399.9999999996 m.
                value=quantity(round(walk.distance_km * METRES_PER_KM, 1), "m", "m"),
                categories=[codes.ACTIVITY],
            )
        )
    if walk.steps is not None:
        members.append(
            observation(
                derived_id(walk.id, "steps"),
                patient_id,
                concept(codes.STEPS),
                span,
                value=quantity(walk.steps, "steps", "{steps}"),
                categories=[codes.ACTIVITY],
            )
        )
    yield observation(
        walk.id,
        patient_id,
        concept(text="Walk"),
        span,
        categories=[codes.ACTIVITY],
        components=_details(walk),
        members=[member["id"] for member in members],
        note=walk.notes,
    )
    yield from members


def _details(walk: Walk) -> list[dict[str, object]]:
    details = [
        component("Surface", walk.surface.value),
        component("Pace", walk.pace.value),
        component("Supportive shoes", walk.supportive_shoes),
        component("Trekking poles", walk.trekking_poles),
        component("Stretched before", walk.stretched_before),
        component("Stretched after", walk.stretched_after),
        component("Stopped early because of pain", walk.stopped_early),
    ]
    if walk.symptoms_after_minutes is not None:
        details.append(
            component(
                "Leg symptoms began after (claudication)", minutes(walk.symptoms_after_minutes)
            )
        )
    if walk.pain_lasted_hours is not None:
        details.append(component("Pain lasted after the walk", hours(walk.pain_lasted_hours)))
    return details
