"""The function questionnaires in the FHIR export: SBI checks, PSFS activities and sittings."""

from datetime import datetime, timedelta, timezone

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
)
from sciajournal.exchange.fhir.bundle import patient
from sciajournal.exchange.fhir.elements import full_url
from sciajournal.exchange.fhir.measures import (
    activity_observation,
    bothersomeness_observation,
    function_rating_observation,
)
from tests.exchange.fhir_checks import validate

CET = timezone(timedelta(hours=1))
PATIENT = "5f0c8a52-3c1e-4b9e-9a63-0d7f3b2a1c11"


def at(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=CET)


def bundle_of(*resources):
    """A collection bundle around the resources, as the export would write it."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": full_url(resource["id"]), "resource": resource}
            for resource in (patient(PATIENT, ""), *resources)
        ],
    }


def components(resource):
    return {part["code"]["text"]: part for part in resource["component"]}


def test_an_sbi_check_is_its_total_with_each_item():
    check = BothersomenessCheck(
        at=at(3), leg_pain=4, numbness_tingling=3, weakness=1, sitting_pain=5, notes="drive"
    )
    found = bothersomeness_observation(check, PATIENT)
    validate(bundle_of(found))
    assert found["id"] == check.id
    assert found["code"] == {"text": "Sciatica Bothersomeness Index (last week, 0-24)"}
    assert found["valueInteger"] == 13
    items = {text: part["valueInteger"] for text, part in components(found).items()}
    assert items == {
        "Leg pain (0-6)": 4,
        "Numbness or tingling in the leg or foot (0-6)": 3,
        "Weakness in the leg or foot (0-6)": 1,
        "Back or leg pain while sitting (0-6)": 5,
    }
    assert found["note"] == [{"text": "drive"}]


def test_psfs_activities_and_a_sitting_with_its_mean():
    socks = FunctionActivity(added=at(1), name="Put on socks")
    film = FunctionActivity(added=at(1), name="Sit through a film", retired=at(9))
    rating = FunctionRating(
        at=at(5), scores=(ActivityScore(socks.id, 3), ActivityScore(film.id, 4))
    )
    names = {socks.id: socks.name, film.id: film.name}
    resources = [
        activity_observation(socks, PATIENT),
        activity_observation(film, PATIENT),
        function_rating_observation(rating, PATIENT, names),
    ]
    validate(bundle_of(*resources))
    socks_found, film_found, sitting = resources
    assert socks_found["valueString"] == "Put on socks"
    assert socks_found["effectivePeriod"] == {"start": "2026-03-01T20:00:00+01:00"}
    assert film_found["effectivePeriod"]["end"] == "2026-03-09T20:00:00+01:00"
    assert sitting["valueQuantity"]["value"] == 3.5
    assert sitting["valueQuantity"]["code"] == "{score}"
    scores = {text: part["valueInteger"] for text, part in components(sitting).items()}
    assert scores == {"Put on socks (0-10)": 3, "Sit through a film (0-10)": 4}


def test_a_mean_of_thirds_is_kept_to_two_places():
    ids = [FunctionActivity(added=at(1), name=name) for name in ("a", "b", "c")]
    rating = FunctionRating(
        at=at(5), scores=tuple(ActivityScore(a.id, s) for a, s in zip(ids, (3, 3, 4), strict=True))
    )
    found = function_rating_observation(rating, PATIENT, {a.id: a.name for a in ids})
    assert found["valueQuantity"]["value"] == 3.33


def test_a_score_for_an_activity_not_in_the_journal_says_so():
    rating = FunctionRating(
        at=at(5), scores=(ActivityScore("0b0a6f57-36a2-4a43-a6f3-2bb3bb0b1d64", 6),)
    )
    found = function_rating_observation(rating, PATIENT, {})
    validate(bundle_of(found))
    assert list(components(found)) == ["activity not in the journal (0-10)"]
