"""The whole journal as one FHIR R4 Bundle of type collection, written as it is built.

Resources are produced one at a time and each is written as soon as it is made, so ten
years (over 100,000 resources) never sit in memory as one document (docs/fhir-export.md).
"""

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sciajournal.core.collection import Entries, time_order
from sciajournal.core.timestamps import local_now
from sciajournal.exchange.fhir.elements import Resource, date_time, full_url
from sciajournal.exchange.fhir.measures import (
    activity_observation,
    bothersomeness_observation,
    function_rating_observation,
)
from sciajournal.exchange.fhir.pain import rating_resources
from sciajournal.exchange.fhir.records import (
    medication_statement,
    note_observation,
    red_flag_observation,
)
from sciajournal.exchange.fhir.treatments import treatment_resources
from sciajournal.exchange.fhir.walks import walk_resources
from sciajournal.safe_files import atomic_output
from sciajournal.storage.journal import Journal
from sciajournal.storage.protected_files import check_output_path

#: Namespace of the Patient's name-based UUID (fixed: the same journal, the same Patient).
#: One resource a line, without padding (indented, ten years would be twice the size); one
#: encoder for all, as building one per resource was a tenth of the time.
_COMPACT = (",", ":")
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=_COMPACT)
PATIENT_NAMESPACE = uuid.UUID("0b6c3f4e-5d1a-4c8e-9a57-6f2d1e3b8c90")


def patient_id(entries: Entries) -> str:
    """The Patient's id, derived from the journal's earliest entry.

    A journal has no identity of its own; its earliest entry's UUID is unique to it and
    stays the same from export to export, so a clinic sees one patient, not one per file.
    """
    first = min(entries, key=time_order, default=None)
    return str(uuid.uuid5(PATIENT_NAMESPACE, first.id if first is not None else "empty journal"))


def patient(resource_id: str, name: str) -> Resource:
    """The Patient: a name only when the user set one in Settings, nothing made up."""
    resource: Resource = {"resourceType": "Patient", "id": resource_id}
    if name.strip():
        resource["name"] = [{"text": name.strip()}]
    return resource


def bundle_resources(entries: Entries, patient_name: str) -> Iterator[Resource]:
    """The Patient, then every entry's resources, kind by kind in time order."""
    subject = patient_id(entries)
    yield patient(subject, patient_name)
    for walk in entries.walks:
        yield from walk_resources(walk, subject)
    for rating in entries.pain:
        yield from rating_resources(rating, subject)
    for treatment in entries.treatments:
        yield from treatment_resources(treatment, subject)
    for dose in entries.medications:
        yield medication_statement(dose, subject)
    for check in entries.red_flags:
        yield red_flag_observation(check, subject)
    for note in entries.notes:
        yield note_observation(note, subject)
    for sbi in entries.bothersomeness:
        yield bothersomeness_observation(sbi, subject)
    for activity in entries.function_activities:
        yield activity_observation(activity, subject)
    names = {activity.id: activity.name for activity in entries.function_activities}
    for sitting in entries.function_ratings:
        yield function_rating_observation(sitting, subject, names)


def bundle_header(made: datetime) -> Resource:
    return {"resourceType": "Bundle", "type": "collection", "timestamp": date_time(made)}


def to_bundle(entries: Entries, patient_name: str = "", made: datetime | None = None) -> Resource:
    """The Bundle as one dict (for tests and small journals; files are streamed)."""
    bundle = bundle_header(made or local_now())
    bundle["entry"] = [_entry(resource) for resource in bundle_resources(entries, patient_name)]
    return bundle


def write_bundle(
    stream: IO[str], entries: Entries, patient_name: str = "", made: datetime | None = None
) -> None:
    """The same Bundle as to_bundle, written resource by resource."""
    header = json.dumps(bundle_header(made or local_now()), separators=_COMPACT)
    stream.write(header[:-1] + ',"entry":[\n')
    for index, resource in enumerate(bundle_resources(entries, patient_name)):
        if index:
            stream.write(",\n")
        stream.write(_ENCODER.encode(_entry(resource)))
    stream.write("\n]}\n")


def write_fhir_export(journal: Journal, target: Path, made: datetime | None = None) -> None:
    """Export to a file: never onto the journal's own files, all or nothing, owner-only."""
    check_output_path(target, journal.path)
    entries = journal.collection()
    name = journal.load_settings().patient_name
    with atomic_output(target) as temporary, temporary.open("w", encoding="utf-8") as stream:
        write_bundle(stream, entries, name, made)


def _entry(resource: Resource) -> dict[str, Any]:
    return {"fullUrl": full_url(resource["id"]), "resource": resource}
