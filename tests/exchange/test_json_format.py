"""The JSON exchange format: identical round trips, idempotent imports, all-or-nothing errors."""

import json
import sqlite3
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sciajournal.demo import demo_entries
from sciajournal.exchange.json_format import (
    ImportFileError,
    export_journal,
    import_file,
    import_text,
    schema,
)
from sciajournal.storage.journal import Journal
from tests.factories import at, one_of_each


@pytest.fixture
def filled(journal):
    journal.add_many(one_of_each())
    journal.add_many(demo_entries(40, seed=3, end=at(day=28, hour=22)))
    return journal


def content(path):
    """Every row of every table, as SQL text: what "unchanged in content" means."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_export_then_import_then_export_is_identical(filled, tmp_path):
    first = export_journal(filled)
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        result = import_text(copy, first)
        second = export_journal(copy)
    assert result.added == filled.count() and result.skipped == 0
    assert second == first


def test_export_follows_the_published_schema(filled):
    document = json.loads(export_journal(filled))
    Draft202012Validator(schema()).validate(document)
    assert document["format"] == "sciajournal" and document["version"] == 2
    walk = document["walks"][0]
    assert list(walk)[:4] == ["id", "start", "minutes", "surface"]
    ours = next(p for p in document["pain"] if p["notes"] == "stiff")
    assert ours["at"] == "2026-03-01T08:15:00+01:00"


def test_every_red_flag_sign_is_in_the_published_schema(journal):
    from sciajournal.core.enums import RedFlag
    from tests.factories import full_red_flags

    journal.add(full_red_flags(signs=frozenset(RedFlag)))
    document = json.loads(export_journal(journal))
    Draft202012Validator(schema()).validate(document)
    assert set(document["red_flags"][0]["signs"]) == {sign.value for sign in RedFlag}


def test_importing_the_same_entries_again_adds_nothing(filled):
    text = export_journal(filled)
    count = filled.count()
    result = import_text(filled, text)
    assert (result.added, result.skipped) == (0, count)
    assert filled.count() == count


def test_import_reads_a_file_with_byte_order_mark(filled, tmp_path):
    path = tmp_path / "export.json"
    path.write_text("\ufeff" + export_journal(filled), encoding="utf-8")
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        assert import_file(copy, path).added == filled.count()


def _document(filled):
    return json.loads(export_journal(filled))


def _set(path, value):
    def change(document):
        target = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _delete(path):
    def change(document):
        target = document
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


def _duplicate_first_note(document):
    document["notes"].append(dict(document["notes"][0]))


def _orphan_rating(document):
    walk_id = next(p["walk_id"] for p in document["pain"] if p["walk_id"])
    document["walks"] = [w for w in document["walks"] if w["id"] != walk_id]


BAD_FILES = [
    ("pain back 11", _set(["pain", 3, "back"], 11), "pain[3].back"),
    ("pain leg text", _set(["pain", 0, "leg"], "six"), "pain[0].leg"),
    ("walk minutes negative", _set(["walks", 2, "minutes"], -5), "walks[2].minutes"),
    ("walk minutes missing", _delete(["walks", 1, "minutes"]), "walks[1]"),
    ("surface unknown", _set(["walks", 0, "surface"], "sand"), "walks[0].surface"),
    ("naive timestamp", _set(["notes", 0, "at"], "2026-03-01T09:00:00"), "notes[0].at"),
    ("impossible date", _set(["notes", 0, "at"], "2026-02-30T09:00:00+01:00"), "notes[0]"),
    ("unknown field", _set(["treatments", 0, "colour"], "blue"), "treatments[0]"),
    ("symptoms after end", _set(["walks", 0, "symptoms_after_minutes"], 999), "walks[0]"),
    ("empty med name", _set(["medications", 0, "name"], ""), "medications[0].name"),
    ("unknown red flag", _set(["red_flags", 0, "signs"], ["headache"]), "red_flags[0].signs"),
    ("duplicate id", _duplicate_first_note, "id appears more than once"),
    ("rating without its walk", _orphan_rating, "walk_id: no walk with id"),
    ("wrong version", _set(["version"], 3), "version 3"),
    ("version 1 field in 2", _set(["treatments", 0, "pain_before"], 5), "treatments[0]"),
    ("wrong format", _set(["format"], "other"), "not a SciaJournal export"),
]


@pytest.mark.parametrize(("name", "change", "named"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_invalid_import_names_the_problem_and_changes_nothing(
    filled, tmp_path, name, change, named
):
    document = _document(filled)
    change(document)
    with Journal.open(tmp_path / "target.sqlite") as target:
        target.add_many(one_of_each()[:1])
        before = content(target.path)
        with pytest.raises(ImportFileError) as raised:
            import_text(target, json.dumps(document))
        assert content(target.path) == before
    assert named in str(raised.value)


def test_file_that_is_not_json_is_refused(journal):
    with pytest.raises(ImportFileError, match="not valid JSON"):
        import_text(journal, "{walks: ")
    assert journal.is_empty()


def test_missing_file_is_named(journal, tmp_path):
    with pytest.raises(ImportFileError, match="no such file"):
        import_file(journal, tmp_path / "gone.json")


def _respell_ids(text):
    """The export with every id and walk link in capitals, or without hyphens."""
    document = json.loads(text)
    records = [r for key, value in document.items() if isinstance(value, list) for r in value]
    for number, record in enumerate(records):
        record["id"] = record["id"].upper() if number % 2 else record["id"].replace("-", "")
        if record.get("walk_id"):
            record["walk_id"] = record["walk_id"].upper()
        for score in record.get("scores", []):
            score["activity_id"] = score["activity_id"].upper()
    return json.dumps(document)


def test_reimporting_an_export_with_upper_cased_ids_adds_nothing(filled):
    respelled = _respell_ids(export_journal(filled))
    before = content(filled.path)
    result = import_text(filled, respelled)
    assert (result.added, result.skipped) == (0, filled.count())
    assert content(filled.path) == before


def test_upper_cased_ids_are_stored_in_canonical_form(filled, tmp_path):
    text = export_journal(filled)
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        import_text(copy, _respell_ids(text))
        assert export_journal(copy) == text


def test_the_same_id_spelled_twice_in_one_file_is_refused(filled, tmp_path):
    document = json.loads(export_journal(filled))
    document["notes"].append(dict(document["notes"][0], id=document["notes"][0]["id"].upper()))
    with Journal.open(tmp_path / "copy.sqlite") as copy, pytest.raises(ImportFileError) as error:
        import_text(copy, json.dumps(document))
    assert "id appears more than once in the file" in str(error.value)


def test_a_version_1_file_imports_with_its_treatment_pain_in_back_and_leg(journal):
    from sciajournal.core.entities import Treatment

    document = {
        "format": "sciajournal",
        "version": 1,
        "treatments": [
            {
                "id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                "start": "2026-03-01T19:15:00+01:00",
                "kind": "heat",
                "pain_before": 6,
                "pain_after": 4,
            }
        ],
    }
    assert import_text(journal, json.dumps(document)).added == 1
    (session,) = journal.entries()
    assert isinstance(session, Treatment)
    assert (session.back_before, session.leg_before, session.back_after, session.leg_after) == (
        6,
        6,
        4,
        4,
    )
    Draft202012Validator(schema(1)).validate(document)  # the v1 schema still ships
    document["treatments"][0]["back_before"] = 6  # a version-2 field in a version-1 file
    with pytest.raises(ImportFileError, match="treatments"):
        import_text(journal, json.dumps(document))


FIXTURES = Path(__file__).parent.parent / "fixtures"
NEW_LISTS = ("bothersomeness", "function_activities", "function_ratings")


@pytest.mark.parametrize("name", ["journal-0001.json", "journal-0003.json"])
def test_files_written_before_the_function_measures_import(journal, name):
    """A version-1 file and a version-2 file of before issue 16: no new lists or fields."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    document = json.loads(text)
    assert not any(key in document for key in NEW_LISTS)
    assert not any("hours_slept" in rating for rating in document["pain"])
    result = import_text(journal, text)
    assert result.added == sum(len(v) for v in document.values() if isinstance(v, list))
    stored = journal.collection()
    assert not stored.bothersomeness and not stored.function_ratings
    assert all(p.times_woken is None and p.hours_slept is None for p in stored.pain)
    assert all(p.comfortable_sitting_minutes is None for p in stored.pain)


def test_the_function_measures_round_trip_with_every_field(filled):
    document = json.loads(export_journal(filled))
    rating = next(r for r in document["function_ratings"] if r["notes"] == "a better week")
    assert [set(score) for score in rating["scores"]] == [{"activity_id", "score"}] * 2
    retired = next(a for a in document["function_activities"] if a["name"] == "Sit through a film")
    assert retired["retired"] == "2026-03-02T09:15:00+02:00"
    morning = next(p for p in document["pain"] if p["notes"] == "woke at 3")
    assert (morning["times_woken"], morning["hours_slept"]) == (2, 5.5)
    check = next(c for c in document["bothersomeness"] if c["notes"])
    assert [check[k] for k in ("leg_pain", "numbness_tingling", "weakness", "sitting_pain")] == [
        4,
        3,
        1,
        5,
    ]


def test_a_rating_of_an_activity_missing_from_file_and_journal_is_refused(filled, tmp_path):
    document = _document(filled)
    document["function_activities"] = []
    with Journal.open(tmp_path / "target.sqlite") as target:
        with pytest.raises(ImportFileError, match="scores: no activity with id"):
            import_text(target, json.dumps(document))
        assert target.is_empty()


def test_a_score_out_of_range_names_its_place(filled, tmp_path):
    document = _document(filled)
    document["function_ratings"][0]["scores"][0]["score"] = 11
    with Journal.open(tmp_path / "target.sqlite") as target:
        with pytest.raises(ImportFileError, match=r"function_ratings\[0\]\.scores\[0\]\.score"):
            import_text(target, json.dumps(document))
        assert target.is_empty()
