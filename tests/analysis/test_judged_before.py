"""Outcomes kept between analyses (JudgedBefore) give exactly a full analysis, edit after
edit: a changed follow-up, an unlinked rating in a walk's window (added or rated again),
a dose before a walk, a morning deleted, a walk added just after another, other settings."""

import random
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.judged_before import JudgedBefore
from sciajournal.core.collection import Entries
from sciajournal.core.entities import Entry, MedicationDose, PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries

END = datetime(2026, 3, 20, 21, tzinfo=timezone(timedelta(hours=1)))
FIRST, LAST = date(2025, 11, 1), END.date()


def edits(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """One edit of the kinds that change a walk's outcome, on new objects as a save makes."""
    walks = [e for e in entries if isinstance(e, Walk)]
    ratings = [e for e in entries if isinstance(e, PainRating)]
    walk = rng.choice(walks)
    choice = rng.randrange(7)
    if choice == 0:  # a follow-up rated higher or lower
        linked = [r for r in ratings if r.walk_id == walk.id]
        if linked:
            old = rng.choice(linked)
            new = replace(old, leg=rng.randint(0, 10), back=rng.randint(0, 10))
            return [new if e is old else e for e in entries]
    if choice == 1:  # an unlinked rating in the follow-up window
        at = walk.end + timedelta(hours=rng.uniform(1.5, 6))
        return [*entries, PainRating(at=at, back=rng.randint(0, 10), leg=rng.randint(0, 10))]
    if choice == 2:  # a painkiller before the walk
        dose = MedicationDose(at=walk.start - timedelta(hours=1), name="ibuprofen", dose=400)
        return [*entries, dose]
    if choice == 3:  # a morning rating deleted
        mornings = [r for r in ratings if r.context is PainContext.MORNING]
        gone = rng.choice(mornings)
        return [e for e in entries if e is not gone]
    if choice == 4:  # a walk soon after, which closes the earlier walk's window
        return [*entries, Walk(start=walk.end + timedelta(hours=rng.uniform(0.5, 5)), minutes=15)]
    if choice == 5:  # the unlinked rating added last rated again: same count, new values
        old = [r for r in ratings if r.walk_id is None][-1]  # in list order: added last
        new = replace(old, leg=(old.leg + 5) % 11, back=(old.back + 3) % 11)
        return [new if e is old else e for e in entries]
    return [e for e in entries if e is not walk and getattr(e, "walk_id", None) != walk.id]


def test_kept_outcomes_are_those_of_a_full_analysis_after_every_edit() -> None:
    rng = random.Random(7)
    entries: list[Entry] = list(demo_entries(150, seed=4, end=END))
    kept = JudgedBefore()
    settings = Settings()
    previous = None
    for step in range(40):
        if step == 30:
            settings = replace(settings, follow_up_hours=3.0, pain_change_points=3)
        grouped = Entries.of(entries)
        reused = analyse(grouped, FIRST, LAST, settings, today=LAST, judged_before=kept)
        assert reused == analyse(Entries.of(entries), FIRST, LAST, settings, today=LAST)
        if previous is not None and step != 30:
            # Most walks' outcomes are the very objects of the analysis before.
            same = {id(o) for o in previous.outcomes} & {id(o) for o in reused.outcomes}
            assert len(same) > len(reused.outcomes) * 0.8
        previous = reused
        entries = edits(entries, rng)
