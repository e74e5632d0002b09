"""The small FHIR building blocks every resource of the export uses, as plain dicts.

Ids: a resource made from one entry has the entry's own UUID; a resource derived from
part of an entry (a rating's leg pain) has a name-based UUID under the entry's UUID, so
the same journal always gives the same ids and a re-export can be matched to the last.
"""

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sciajournal.core.timestamps import format_iso
from sciajournal.exchange.fhir.codes import UCUM, Code

Resource = dict[str, Any]
#: A value for Observation.value[x] or a component: bool, int, str, or a dict: a Quantity
#: (it has a "value") or a CodeableConcept.
Value = bool | int | str | dict[str, Any]


def derived_id(entry_id: str, part: str) -> str:
    """A stable UUID for the `part` of an entry: uuid5 with the entry's UUID as namespace.

    Computed from the canonical id text directly: uuid.uuid5 parsing and building UUID
    objects was a fifth of exporting ten years (tests check it is the same UUID).
    """
    digest = bytearray(
        hashlib.sha1(bytes.fromhex(entry_id.replace("-", "")) + part.encode()).digest()[:16]
    )
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def full_url(resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"


def reference(resource_id: str) -> dict[str, str]:
    return {"reference": full_url(resource_id)}


def date_time(moment: datetime) -> str:
    """FHIR dateTime: with a time it must carry its offset, as every journal time does."""
    return format_iso(moment)


def period(start: datetime, end: datetime | None) -> dict[str, str]:
    """A Period; without an end it is still going on (an activity not retired yet)."""
    span = {"start": date_time(start)}
    if end is not None:
        span["end"] = date_time(end)
    return span


def concept(code: Code | None = None, text: str | None = None) -> dict[str, Any]:
    """A CodeableConcept: a code from codes.py, a text, or both."""
    result: dict[str, Any] = {}
    if code is not None:
        result["coding"] = [code.coding()]
    if text:
        result["text"] = text
    return result


def number(value: float) -> int | float:
    """20 minutes as 20, not 20.0; FHIR decimals take either, people read the first."""
    return int(value) if float(value).is_integer() else value


def quantity(value: float, unit: str, ucum: str | None = None) -> dict[str, Any]:
    """A Quantity; with a UCUM code when the unit has one, else the unit as the user wrote it."""
    result: dict[str, Any] = {"value": number(value), "unit": unit}
    if ucum is not None:
        result["system"] = UCUM
        result["code"] = ucum
    return result


def minutes(value: float) -> dict[str, Any]:
    return quantity(value, "min", "min")


def hours(value: float) -> dict[str, Any]:
    return quantity(value, "h", "h")


def typed_value(value: Value) -> dict[str, Any]:
    """{"valueX": value} for Observation.value[x] and component.value[x]."""
    if isinstance(value, bool):  # before int: a bool is an int
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, str):
        return {"valueString": value}
    if "value" in value:
        return {"valueQuantity": value}
    return {"valueCodeableConcept": value}


def component(text: str, value: Value, code: Code | None = None) -> dict[str, Any]:
    return {"code": concept(code, text), **typed_value(value)}


def annotation(text: str) -> list[dict[str, str]]:
    """Observation.note from the entry's notes: nothing when there are none."""
    return [{"text": text}] if text.strip() else []


def observation(
    resource_id: str,
    patient_id: str,
    code: dict[str, Any],
    when: datetime | tuple[datetime, datetime | None],
    *,
    value: Value | None = None,
    categories: Sequence[Code] = (),
    body_site: dict[str, Any] | None = None,
    components: Sequence[dict[str, Any]] = (),
    members: Sequence[str] = (),
    part_of: str | None = None,
    note: str = "",
) -> Resource:
    """An Observation with status final (the patient's own record of it, as entered)."""
    resource: Resource = {"resourceType": "Observation", "id": resource_id}
    if part_of is not None:
        resource["partOf"] = [reference(part_of)]
    resource["status"] = "final"
    if categories:
        resource["category"] = [concept(category) for category in categories]
    resource["code"] = code
    resource["subject"] = reference(patient_id)
    if isinstance(when, tuple):
        resource["effectivePeriod"] = period(*when)
    else:
        resource["effectiveDateTime"] = date_time(when)
    if value is not None:
        resource.update(typed_value(value))
    if body_site is not None:
        resource["bodySite"] = body_site
    if note.strip():
        resource["note"] = annotation(note)
    if members:
        resource["hasMember"] = [reference(member) for member in members]
    if components:
        resource["component"] = list(components)
    return resource
