"""Function measures in a real journal file: ratings name activities that exist, an
activity with scores is retired rather than deleted, and saving unchanged changes nothing."""

import dataclasses
import sqlite3

import pytest

from sciajournal.core.entities import ActivityScore, FunctionActivity, FunctionRating
from sciajournal.core.validation import ValidationError
from sciajournal.storage.errors import EntryInUse, JournalDamaged
from tests.factories import (
    at,
    bedtime_with_sitting,
    full_activity,
    full_bothersomeness,
    full_function_rating,
    morning_with_sleep,
)


def content(path):
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def rated(journal):
    socks = full_activity()
    meal = full_activity(name="Sit through a meal", added=at(hour=20, minute=6))
    rating = full_function_rating(socks, meal)
    journal.add_many([socks, meal, rating])
    return journal, socks, meal, rating


def test_scores_read_back_in_their_own_order(rated):
    journal, socks, meal, rating = rated
    reversed_order = full_function_rating(
        at=at(day=8, hour=20),
        scores=(ActivityScore(meal.id, 7), ActivityScore(socks.id, 2)),
    )
    journal.add(reversed_order)
    assert journal.get(reversed_order.id) == reversed_order
    assert journal.get(rating.id) == rating
    stored = journal.collection()
    assert stored.function_activities == [socks, meal]
    assert stored.function_ratings == [rating, reversed_order]


def test_a_rating_of_an_activity_not_in_the_journal_is_refused(journal):
    stranger = full_activity()
    with pytest.raises(ValidationError, match=f"scores: no activity with id {stranger.id}"):
        journal.add(full_function_rating(stranger))
    assert journal.is_empty()


def test_an_activity_and_its_rating_can_arrive_together_in_either_order(journal):
    socks = full_activity()
    journal.add_many([full_function_rating(socks), socks])
    assert len(journal.collection().function_ratings) == 1


def test_an_activity_with_scores_is_retired_not_deleted(rated):
    journal, socks, _meal, rating = rated
    before = content(journal.path)
    with pytest.raises(EntryInUse, match='"Put on socks" has scores in 1 rating: retire it'):
        journal.delete(socks.id)
    with pytest.raises(EntryInUse, match="retire it"):
        journal.change(delete=[socks.id])
    assert content(journal.path) == before
    retired = dataclasses.replace(socks, retired=at(day=15, hour=19))
    journal.update(retired)
    assert journal.get(socks.id) == retired
    assert journal.get(rating.id) == rating  # its history stays


def test_deleting_the_ratings_with_their_activity_in_one_change_works(rated):
    journal, socks, meal, rating = rated
    journal.change(delete=[rating.id, socks.id])
    assert journal.collection().function_activities == [meal]
    journal.change(add=[socks, rating])  # what undo does
    assert journal.get(rating.id) == rating


def test_an_edited_rating_must_still_name_activities_in_the_journal(rated):
    journal, _socks, _meal, rating = rated
    stranger = FunctionActivity(added=at(), name="Lift a bag")
    changed = dataclasses.replace(rating, scores=(ActivityScore(stranger.id, 5),))
    with pytest.raises(ValidationError, match="no activity with id"):
        journal.update(changed)
    with pytest.raises(ValidationError, match="no activity with id"):
        journal.change(update=[changed])
    assert journal.get(rating.id) == rating


def test_saving_every_new_kind_unchanged_changes_nothing(rated):
    journal, socks, meal, rating = rated
    others = [full_bothersomeness(), morning_with_sleep(), bedtime_with_sitting()]
    journal.add_many(others)
    retired = dataclasses.replace(meal, retired=at(day=20, hour=8))
    journal.update(retired)
    before = content(journal.path)
    for entry in [socks, retired, rating, *others]:
        journal.update(journal.get(entry.id))  # as read, saved again
    journal.change(update=[journal.get(e.id) for e in (socks, retired, rating, *others)])
    assert content(journal.path) == before


def test_damaged_scores_mean_a_damaged_journal(rated):
    journal, *_ = rated
    connection = sqlite3.connect(journal.path)
    with connection:
        connection.execute("UPDATE function_ratings SET scores = 'abc=x=1'")
    connection.close()
    with pytest.raises(JournalDamaged, match="function_ratings table cannot be read"):
        journal.entries(kinds=[FunctionRating])
