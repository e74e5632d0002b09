"""Entries survive a trip through a real journal file, with every field and offset intact."""

import dataclasses
from datetime import timedelta

import pytest

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.validation import ValidationError
from sciajournal.storage.errors import EntryNotFound
from sciajournal.storage.journal import Journal
from tests.factories import CEST, at, full_note, full_pain, full_walk, one_of_each


def test_every_kind_round_trips_through_the_file(journal_path):
    entries = one_of_each()
    with Journal.open(journal_path) as journal:
        journal.add_many(entries)
    with Journal.open(journal_path) as reopened:
        stored = {entry.id: entry for entry in reopened.entries()}
    assert len(stored) == len(entries)
    for entry in entries:
        assert stored[entry.id] == entry
        assert stored[entry.id].when.utcoffset() == entry.when.utcoffset()


def test_offset_is_kept_per_entry(journal):
    winter = full_note(at=at(day=1, hour=9))
    summer = full_note(at=at(day=30, hour=9, tz=CEST))
    journal.add_many([winter, summer])
    read = {e.id: e for e in journal.entries()}
    assert read[winter.id].when.utcoffset() == timedelta(hours=1)
    assert read[summer.id].when.utcoffset() == timedelta(hours=2)
    assert read[summer.id].when.hour == 9


def test_many_entries_a_day(journal):
    notes = [full_note(at=at(hour=8 + i)) for i in range(12)]
    journal.add_many(notes)
    assert [n.id for n in journal.entries()] == [n.id for n in notes]


def test_a_bad_entry_in_a_batch_writes_nothing(journal):
    good = full_walk()
    bad = dataclasses.replace(full_pain(), back=14)
    with pytest.raises(ValidationError, match=r"entry 2 \(PainRating .*\): back: must be"):
        journal.add_many([good, bad])
    assert journal.is_empty()


def test_a_rating_must_link_to_an_existing_walk(journal):
    orphan = full_pain(full_walk())
    with pytest.raises(ValidationError, match="walk_id: no walk with id"):
        journal.add(orphan)
    assert journal.is_empty()


def test_duplicate_id_is_refused_unless_skipping(journal):
    note = full_note()
    journal.add(note)
    with pytest.raises(ValidationError, match="already in the journal"):
        journal.add(note)
    assert journal.add_many([note], skip_existing=True) == []
    assert journal.count() == 1


def test_update_replaces_the_entry(journal):
    walk = journal.add(full_walk())
    changed = dataclasses.replace(walk, minutes=30, notes="longer")
    journal.update(changed)
    assert journal.get(walk.id) == changed


def test_invalid_update_leaves_the_entry(journal):
    walk = journal.add(full_walk())
    with pytest.raises(ValidationError, match="minutes"):
        journal.update(dataclasses.replace(walk, minutes=-1))
    assert journal.get(walk.id) == walk


def test_update_of_missing_entry_says_so(journal):
    with pytest.raises(EntryNotFound):
        journal.update(full_note())


def test_deleting_a_walk_takes_its_own_ratings_and_keeps_a_follow_up(journal):
    walk = full_walk()
    before = full_pain(walk)
    after = full_pain(walk, context=PainContext.FOLLOW_UP, at=at(hour=12))
    standalone = full_pain(at=at(hour=20), context=PainContext.STANDALONE, walk_id=None)
    journal.add_many([walk, before, after, standalone])
    revision = journal.revision
    deleted = journal.delete(walk.id)
    assert {e.id for e in deleted} == {walk.id, before.id}
    kept = dataclasses.replace(after, walk_id=None, context=PainContext.STANDALONE)
    assert sorted(journal.entries(), key=lambda e: e.id) == sorted(
        [kept, standalone], key=lambda e: e.id
    )
    # The change log names the follow-up too (rewritten), so a mirror reads it again.
    touched = journal.changed_since(revision) or []
    assert {t.when for t in touched} >= {walk.start, before.at, after.at}
    journal.change(add=[*deleted, after], delete=[after.id])  # what undo does
    assert journal.count() == 4 and journal.get(after.id) == after


def test_query_by_kind_and_range(journal):
    walk = full_walk(start=at(day=2))
    journal.add_many([full_note(at=at(day=1)), walk, full_note(at=at(day=3))])
    assert journal.entries(kinds=[Walk]) == [walk]
    in_range = journal.entries(start=at(day=2, hour=0), end=at(day=3, hour=0))
    assert in_range == [walk]
    assert journal.entries(kinds=[PainRating]) == []


def test_settings_travel_with_the_journal(journal_path):
    with Journal.open(journal_path) as journal:
        journal.set_settings({"patient_name": "A. Patient", "distance_unit": "mi"})
        journal.set_settings({"distance_unit": "km"})
    with Journal.open(journal_path) as journal:
        assert journal.settings() == {"patient_name": "A. Patient", "distance_unit": "km"}


def test_change_is_all_or_nothing(journal):
    walk = full_walk()
    before = full_pain(walk)
    journal.add_many([walk, before])
    note = full_note()
    longer = dataclasses.replace(walk, minutes=40)
    bad_rating = dataclasses.replace(before, back=20)
    with pytest.raises(ValidationError, match="back"):
        journal.change(add=[note], update=[longer, bad_rating])
    assert journal.get(walk.id) == walk and journal.get(note.id) is None
    with pytest.raises(EntryNotFound):
        journal.change(add=[note], update=[longer], delete=[before.id, "no-such-id"])
    assert journal.count() == 2 and journal.get(walk.id) == walk
    journal.change(add=[note], update=[longer], delete=[before.id])
    assert {e.id for e in journal.entries()} == {walk.id, note.id}
    assert journal.get(walk.id) == longer


def test_recent_medications_remember_the_last_dose_of_each_name(journal):
    from tests.factories import full_medication

    journal.add_many(
        [
            full_medication(at=at(day=1), name="Ibuprofen", dose=200),
            full_medication(at=at(day=2), name="Naproxen", dose=250),
            full_medication(at=at(day=3), name="ibuprofen", dose=400),
        ]
    )
    recent = journal.recent_medications()
    assert [(m.name, m.dose) for m in recent] == [("ibuprofen", 400), ("Naproxen", 250)]
