"""Checks on an exported FHIR bundle that the models of fhir.resources do not make:
required value sets of status elements, and references that resolve inside the bundle."""

from collections.abc import Iterator
from typing import Any

from fhir.resources.R4B.bundle import Bundle

#: The required (closed) value sets of R4 for the status elements the export writes.
STATUS_VALUES = {
    "Observation": {
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
    },
    "MedicationStatement": {
        "active",
        "completed",
        "entered-in-error",
        "intended",
        "stopped",
        "on-hold",
        "unknown",
        "not-taken",
    },
    "Procedure": {
        "preparation",
        "in-progress",
        "not-done",
        "on-hold",
        "stopped",
        "completed",
        "entered-in-error",
        "unknown",
    },
}


def validate(document: dict[str, Any]) -> Bundle:
    """The whole bundle against the R4B models (Observation, MedicationStatement and
    Procedure are the same in R4 and R4B), plus what the models leave open."""
    bundle = Bundle.model_validate(document)
    assert document["type"] == "collection"
    urls = [entry["fullUrl"] for entry in document["entry"]]
    assert len(urls) == len(set(urls)), "fullUrls must be unique"
    for entry in document["entry"]:
        resource = entry["resource"]
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        kind = resource["resourceType"]
        if kind in STATUS_VALUES:
            assert resource["status"] in STATUS_VALUES[kind], (kind, resource["status"])
    assert list(empty_elements(document)) == []
    known = set(urls)
    dangling = {ref for ref in references(document["entry"]) if ref not in known}
    assert dangling == set()
    return bundle


def empty_elements(value: Any, path: str = "") -> Iterator[str]:
    """Where the bundle has an empty object, list or string: FHIR forbids them (ele-1,
    and a string must hold a character), and the models let them through."""
    if value in ({}, [], "") or (isinstance(value, str) and not value.strip()):
        yield path or "bundle"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from empty_elements(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from empty_elements(item, f"{path}[{index}]")


def references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference":
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def codings(value: Any) -> Iterator[dict[str, Any]]:
    """Every Coding anywhere in the bundle."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "coding":
                yield from item
            else:
                yield from codings(item)
    elif isinstance(value, list):
        for item in value:
            yield from codings(item)


def resources(document: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    return [
        entry["resource"]
        for entry in document["entry"]
        if kind is None or entry["resource"]["resourceType"] == kind
    ]


def by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {resource["id"]: resource for resource in resources(document)}
