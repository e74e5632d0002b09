"""Which walks share their time with a walk being saved (core.walk_overlap)."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from sciajournal.core.entities import Walk
from sciajournal.core.walk_overlap import (
    OVERLAP_ALLOWANCE,
    overlapping_walks,
    shared_time,
    starts_that_could_overlap,
)

CET = timezone(timedelta(hours=1))
FOUR_PM = datetime(2026, 3, 10, 16, 5, tzinfo=CET)


def walk_at(start: datetime, minutes: float) -> Walk:
    return Walk(start=start, minutes=minutes)


def test_a_walk_typed_twice_overlaps_and_is_named_by_its_start():
    first = walk_at(FOUR_PM, 25)
    again = walk_at(FOUR_PM + timedelta(minutes=3), 25)
    assert shared_time(again, first) == timedelta(minutes=22)
    assert overlapping_walks(again, [first]) == [first]


def test_walks_one_after_the_other_do_not_overlap():
    first = walk_at(FOUR_PM, 25)
    next_one = walk_at(first.end, 10)
    assert shared_time(next_one, first) == timedelta(0)
    assert overlapping_walks(next_one, [first]) == []
    # A device's seconds against a form's whole minutes: a few seconds shared are rounding.
    device = walk_at(FOUR_PM, 25.5)
    assert overlapping_walks(next_one, [device]) == []


def test_more_than_the_allowance_shared_is_an_overlap():
    first = walk_at(FOUR_PM, 25)
    just_over = walk_at(first.end - OVERLAP_ALLOWANCE - timedelta(seconds=1), 10)
    at_the_allowance = walk_at(first.end - OVERLAP_ALLOWANCE, 10)
    assert overlapping_walks(just_over, [first]) == [first]
    assert overlapping_walks(at_the_allowance, [first]) == []


def test_a_walk_inside_another_overlaps_it_and_apart_walks_do_not():
    long = walk_at(FOUR_PM, 90)
    inside = walk_at(FOUR_PM + timedelta(minutes=30), 10)
    before = walk_at(FOUR_PM - timedelta(hours=2), 30)
    assert overlapping_walks(inside, [before, long]) == [long]
    assert overlapping_walks(long, [inside, before]) == [inside]


def test_the_walk_itself_is_not_another_walk_and_several_come_by_start():
    edited = walk_at(FOUR_PM, 60)
    stored = replace(edited, minutes=30)  # the same walk as the journal holds it
    later = walk_at(FOUR_PM + timedelta(minutes=40), 10)
    earlier = walk_at(FOUR_PM - timedelta(minutes=10), 20)
    assert overlapping_walks(edited, [later, stored, earlier]) == [earlier, later]


def test_the_span_to_search_reaches_back_one_longest_walk():
    walk = walk_at(FOUR_PM, 25)
    first, last = starts_that_could_overlap(walk)
    assert (first, last) == (FOUR_PM - timedelta(minutes=720), walk.end)
    # The longest walk starting there ends as this one starts; a moment later, it overlaps.
    assert overlapping_walks(walk, [walk_at(first, 720)]) == []
    longest = walk_at(first + timedelta(minutes=2), 720)
    assert overlapping_walks(walk, [longest]) == [longest]
