"""The FHIR R4 export: checked against the R4B models of fhir.resources, not our own idea
of FHIR, on whole demo journals and on one entry of each kind with every field set."""

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries
from sciajournal.exchange.fhir import codes
from sciajournal.exchange.fhir.bundle import to_bundle, write_fhir_export
from sciajournal.storage.journal import Journal
from tests.exchange.fhir_checks import by_id, codings, resources, validate
from tests.factories import (
    at,
    bedtime_with_sitting,
    full_red_flags,
    morning_with_sleep,
    one_of_each,
)

MADE = datetime(2026, 3, 31, 12, 0, tzinfo=timezone(timedelta(hours=2)))
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
#: shared/domain.md, "Codes for exchange with clinical systems (FHIR R4)", as written there.
DOMAIN_CODES = {
    (LOINC, "72514-3"),  # pain severity 0-10
    (LOINC, "73985-4"),  # exercise activity
    (LOINC, "LA11834-1"),  # walking
    (LOINC, "55411-3"),  # exercise duration
    (LOINC, "55430-3"),  # walking distance
    (LOINC, "55423-8"),  # steps
    (SNOMED, "37822005"),  # lower back structure
    (SNOMED, "61685007"),  # lower limb structure
}
SCIATICA = (SNOMED, "23056005")  # in domain.md, deliberately unused: the journal diagnoses nothing
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"


def first(entries, kind):
    """The first entry of a kind in one_of_each(), whatever else it holds."""
    return next(entry for entry in entries if isinstance(entry, kind))


def exported(tmp_path: Path, entries, name: str = "") -> dict:
    with Journal.open(tmp_path / "j.sqlite") as journal:
        journal.add_many(entries)
        if name:
            journal.save_settings(Settings(patient_name=name))
        target = tmp_path / "bundle.json"
        write_fhir_export(journal, target, made=MADE)
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("days", [90, 365])
def test_the_whole_demo_journal_validates(tmp_path, days):
    entries = demo_entries(days, seed=days, end=MADE)
    document = exported(tmp_path, entries)
    bundle = validate(document)
    kinds = {resource["resourceType"] for resource in resources(document)}
    assert kinds == {"Patient", "Observation", "MedicationStatement", "Procedure"}
    # Every entry is in it under its own id.
    ids = by_id(document)
    assert {entry.id for entry in entries} <= set(ids)
    assert len(bundle.entry) == len(document["entry"])


def test_one_entry_of_each_kind_with_every_field_validates(tmp_path):
    validate(exported(tmp_path, one_of_each(), name="Ana Lima"))


def test_codes_are_exactly_those_of_domain_md(tmp_path):
    document = exported(tmp_path, [*demo_entries(60, seed=2, end=MADE), *one_of_each()])
    used = {(coding["system"], coding["code"]) for coding in codings(document)}
    clinical = {pair for pair in used if pair[0] != CATEGORY}
    assert clinical == DOMAIN_CODES
    assert {code for system, code in used if system == CATEGORY} == {"activity", "survey"}
    assert {(code.system, code.code) for code in codes.CLINICAL_CODES} == DOMAIN_CODES


def test_the_test_codes_are_the_ones_domain_md_lists():
    """Read the codes out of shared/domain.md itself where it sits beside the repository
    (as in CI); the literal table above is then known to be a faithful copy."""
    repository = Path(__file__).resolve().parents[2]
    found = [folder / "shared" / "domain.md" for folder in repository.parents]
    domain = next((path for path in found if path.is_file()), None)
    if domain is None:
        pytest.skip("shared/domain.md is not beside this checkout")
    text = domain.read_text(encoding="utf-8").split("## Codes for exchange", 1)[1]
    section = text.split("\n## ", 1)[0]
    loinc = set(re.findall(r"\b(?:LA)?\d{4,5}-\d\b", section))
    snomed = set(re.findall(r"\b\d{6,9}\b", section))
    assert {(LOINC, code) for code in loinc} | {(SNOMED, code) for code in snomed} == (
        DOMAIN_CODES | {SCIATICA}
    )


def test_a_walk_is_a_group_with_its_members(tmp_path):
    entries = one_of_each()
    walk = first(entries, Walk)
    document = exported(tmp_path, entries)
    ids = by_id(document)
    group = ids[walk.id]
    assert group["category"][0]["coding"][0]["code"] == "activity"
    assert group["effectivePeriod"] == {
        "start": "2026-03-01T09:15:00+01:00",
        "end": "2026-03-01T09:37:30+01:00",
    }
    members = [ids[ref["reference"].removeprefix("urn:uuid:")] for ref in group["hasMember"]]
    by_code = {member["code"]["coding"][0]["code"]: member for member in members}
    assert by_code["73985-4"]["valueCodeableConcept"]["coding"][0]["code"] == "LA11834-1"
    assert by_code["55411-3"]["valueQuantity"] == {
        "value": 22.5,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    assert by_code["55430-3"]["valueQuantity"]["value"] == 1600
    assert by_code["55430-3"]["valueQuantity"]["code"] == "m"
    assert by_code["55423-8"]["valueQuantity"]["value"] == 2300
    assert all(member["effectivePeriod"] == group["effectivePeriod"] for member in members)
    details = {part["code"]["text"]: part for part in group["component"]}
    assert details["Surface"]["valueString"] == "uneven"
    assert details["Stopped early because of pain"]["valueBoolean"] is True
    assert group["note"] == [{"text": "Park loop, windy"}]


def test_a_walk_without_distance_or_steps_has_no_such_members(tmp_path):
    from tests.factories import full_walk

    walk = full_walk(distance_km=None, steps=None)
    group = by_id(exported(tmp_path, [walk]))[walk.id]
    assert len(group["hasMember"]) == 2


def test_a_rating_is_back_and_leg_pain_with_their_body_sites(tmp_path):
    entries = one_of_each()
    rating = first(entries, PainRating)
    document = exported(tmp_path, entries)
    ids = by_id(document)
    group = ids[rating.id]
    back, leg = (ids[ref["reference"].removeprefix("urn:uuid:")] for ref in group["hasMember"])
    for observation, value, site in ((back, 4, "37822005"), (leg, 6, "61685007")):
        assert observation["code"]["coding"][0]["code"] == "72514-3"
        assert observation["valueQuantity"]["value"] == value
        assert observation["valueQuantity"]["code"] == "{score}"
        assert observation["bodySite"]["coding"][0]["code"] == site
        assert observation["effectiveDateTime"] == "2026-03-01T08:15:00+01:00"
    assert leg["bodySite"]["text"] == "right leg"
    leg_details = {part["code"]["text"]: part for part in leg["component"]}
    assert leg_details["Symptoms reach down to"]["valueString"] == "calf"
    assert leg_details["Numbness"]["valueBoolean"] is True
    context = {part["code"]["text"]: part["valueString"] for part in group["component"]}
    assert context == {
        "When rated": "before a walk",
        "Walk it belongs to": f"urn:uuid:{rating.walk_id}",
    }


def test_a_red_flag_check_carries_its_signs_as_text(tmp_path):
    check = full_red_flags()
    found = by_id(exported(tmp_path, [check]))[check.id]
    # Most urgent first, each in the words the app and the report use.
    assert found["valueString"] == (
        f"{RED_FLAG_LABELS[RedFlag.SADDLE_NUMBNESS]}; {RED_FLAG_LABELS[RedFlag.BOTH_LEGS]}"
    )
    grades = {part["code"]["text"]: part["valueString"] for part in found["component"]}
    assert grades == {
        RED_FLAG_LABELS[RedFlag.SADDLE_NUMBNESS]: "Emergency now (emergency department)",
        RED_FLAG_LABELS[RedFlag.BOTH_LEGS]: "Same day (a doctor today)",
    }
    assert found["note"] == [{"text": "called the GP"}]


def test_a_check_that_found_none_says_so_and_is_kept(tmp_path):
    check = RedFlagCheck(at=at(hour=22))
    found = by_id(exported(tmp_path, [check]))[check.id]
    assert found["valueString"].startswith("None of the red-flag signs")
    assert "component" not in found


def test_medication_doses_are_statements_with_the_name_as_text(tmp_path):
    entries = one_of_each()
    dose = first(entries, MedicationDose)
    statement = by_id(exported(tmp_path, entries))[dose.id]
    assert statement["medicationCodeableConcept"] == {"text": "Ibuprofen"}
    assert statement["effectiveDateTime"] == "2026-03-01T12:15:00+01:00"
    dosage = statement["dosage"][0]
    assert dosage["text"] == "1.5 x 400 mg, as needed"
    assert dosage["asNeededBoolean"] is True
    assert dosage["doseAndRate"][0]["doseQuantity"]["value"] == 600


def test_ice_and_heat_is_a_procedure_with_pain_before_and_after(tmp_path):
    entries = one_of_each()
    treatment = first(entries, Treatment)
    document = exported(tmp_path, entries)
    procedure = by_id(document)[treatment.id]
    assert procedure["code"] == {"text": "Alternating ice and heat"}
    assert procedure["performedPeriod"]["end"] == "2026-03-01T19:35:00+01:00"
    parts = [r for r in resources(document, "Observation") if "partOf" in r]
    values = sorted(
        (
            part["bodySite"]["coding"][0]["code"],
            part["effectiveDateTime"][11:16],
            part["valueQuantity"]["value"],
        )
        for part in parts
    )
    assert values == [
        ("37822005", "19:15", 5),
        ("37822005", "19:35", 4),
        ("61685007", "19:15", 6),
        ("61685007", "19:35", 4),
    ]


def test_a_journal_without_a_name_has_no_patient_name(tmp_path):
    document = exported(tmp_path, one_of_each())
    (patient,) = resources(document, "Patient")
    assert "name" not in patient
    assert all(
        resource["subject"] == {"reference": f"urn:uuid:{patient['id']}"}
        for resource in resources(document)
        if resource["resourceType"] != "Patient"
    )


def test_the_name_from_settings_is_the_patients(tmp_path):
    (patient,) = resources(exported(tmp_path, one_of_each(), name="Ana Lima"), "Patient")
    assert patient["name"] == [{"text": "Ana Lima"}]


def test_ids_are_stable_from_export_to_export(tmp_path):
    entries = demo_entries(20, seed=4, end=MADE)
    first = to_bundle(Entries.of(entries), made=MADE)
    again = to_bundle(Entries.of(list(reversed(entries))), made=MADE)
    assert first == again
    other_journal = to_bundle(Entries.of(demo_entries(20, seed=5, end=MADE)), made=MADE)
    assert resources(first, "Patient")[0]["id"] != resources(other_journal, "Patient")[0]["id"]


def test_the_streamed_file_is_the_bundle(tmp_path):
    entries = one_of_each()
    document = exported(tmp_path, entries)
    assert document == to_bundle(Entries.of(entries), made=MADE)


def test_an_empty_journal_is_a_bundle_with_only_the_patient(tmp_path):
    document = exported(tmp_path, [])
    validate(document)
    assert [r["resourceType"] for r in resources(document)] == ["Patient"]


def test_derived_ids_are_version_5_uuids_under_the_entry_id():
    import uuid

    from sciajournal.exchange.fhir.elements import derived_id

    for entry in demo_entries(5, seed=6, end=MADE):
        for part in ("back", "leg", "leg-after", "ä"):
            assert derived_id(entry.id, part) == str(uuid.uuid5(uuid.UUID(entry.id), part))


def test_sleep_and_sitting_are_members_of_their_ratings(tmp_path):
    morning, bedtime = morning_with_sleep(), bedtime_with_sitting()
    document = exported(tmp_path, [morning, bedtime])
    validate(document)
    ids = by_id(document)

    def members(rating):
        found = [
            ids[ref["reference"].removeprefix("urn:uuid:")] for ref in ids[rating.id]["hasMember"]
        ]
        return {member["code"]["text"]: member for member in found}

    woke = members(morning)
    assert woke["Times woken by pain last night"]["valueInteger"] == 2
    assert woke["Hours slept last night"]["valueQuantity"]["value"] == 5.5
    assert woke["Hours slept last night"]["valueQuantity"]["code"] == "h"
    assert "Longest comfortable sitting today" not in woke
    sat = members(bedtime)
    assert sat["Longest comfortable sitting today"]["valueQuantity"]["value"] == 35
    assert sat["Longest comfortable sitting today"]["valueQuantity"]["code"] == "min"
    assert len(sat) == 3  # back, leg, sitting


def test_the_function_questionnaires_come_through_the_journal(tmp_path):
    entries = one_of_each()
    document = exported(tmp_path, entries)
    ids = by_id(document)
    sbi = first(entries, BothersomenessCheck)
    assert ids[sbi.id]["valueInteger"] == 13
    sitting = first(entries, FunctionRating)
    scores = {part["code"]["text"]: part["valueInteger"] for part in ids[sitting.id]["component"]}
    assert scores == {"Put on socks (0-10)": 3, "Sit through a film (0-10)": 4}
    retired = [a for a in entries if isinstance(a, FunctionActivity) and a.retired is not None]
    assert ids[retired[0].id]["effectivePeriod"]["end"] == "2026-03-02T09:15:00+02:00"


def test_blank_optional_texts_leave_no_empty_elements(tmp_path):
    from sciajournal.core.entities import Note
    from tests.factories import full_medication, full_treatment

    treatment = full_treatment(body_area="", notes="  ")
    entries = [treatment, Note(at=at(), text=" padded "), full_medication(unit="tablet")]
    document = exported(tmp_path, entries)
    validate(document)  # checks there is no empty element anywhere
    procedure = by_id(document)[treatment.id]
    assert "bodySite" not in procedure
    assert "note" not in procedure
