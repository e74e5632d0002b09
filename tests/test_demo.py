"""The demo journal: deterministic, valid, and telling a believable story."""

from collections import Counter
from datetime import timedelta

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.validation import validate_entry
from sciajournal.demo import demo_entries
from tests.factories import at

END = at(day=31, hour=20)


def test_same_seed_and_end_give_the_same_journal():
    assert demo_entries(120, seed=5, end=END) == demo_entries(120, seed=5, end=END)
    assert demo_entries(120, seed=5, end=END) != demo_entries(120, seed=6, end=END)


def test_every_entry_is_valid_and_in_range():
    entries = demo_entries(365, seed=2, end=END)
    for entry in entries:
        validate_entry(entry)
    assert min(e.when for e in entries).date() == (END - timedelta(days=364)).date()
    assert max(e.when for e in entries) <= END
    assert len({e.id for e in entries}) == len(entries)


def test_the_story_has_every_kind_and_progresses():
    entries = demo_entries(365, seed=2, end=END)
    kinds = Counter(type(e).__name__ for e in entries)
    assert set(kinds) == {
        "Walk",
        "PainRating",
        "Treatment",
        "MedicationDose",
        "RedFlagCheck",
        "Note",
        "BothersomenessCheck",
        "FunctionActivity",
        "FunctionRating",
    }
    walks = [e for e in entries if isinstance(e, Walk)]
    first_weeks = [w.minutes for w in walks[:10]]
    last_month = [w.minutes for w in walks[-20:]]
    assert max(first_weeks) <= 10  # starts with 5-10 minutes
    assert sum(last_month) / 20 > 2 * sum(first_weeks) / 10
    walk_ids = {w.id for w in walks}
    follow_ups = [
        e for e in entries if isinstance(e, PainRating) and e.context is PainContext.FOLLOW_UP
    ]
    assert all(f.walk_id in walk_ids for f in follow_ups)
    assert 0.8 * len(walks) < len(follow_ups) < len(walks)  # the odd follow-up is missing
    assert any(w.pain_lasted_hours for w in walks)  # and some walks were too much
