"""A walk's journal line words the analysis's judgment: not judged, an early follow-up,
a painkiller before it, the rule that could not be judged, the change that settled it."""

from datetime import timedelta

from sciajournal.analysis.outcomes import walk_outcomes
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.collection import Entries
from sciajournal.core.entities import MedicationDose, Walk
from sciajournal.core.enums import Reach
from sciajournal.core.settings import Settings
from sciajournal.ui.journal_rows import journal_rows
from tests.analysis.scenario import before, end, follow_up, t, walk


def walk_line(entries, now):
    grouped = Entries.of(entries)
    outcomes = walk_outcomes(
        grouped.walks, RatingIndex(grouped.pain), Settings(), grouped.medications
    )
    rows = journal_rows(grouped, {o.walk.id: o for o in outcomes}, Settings(), now)
    return next(r for r in rows if isinstance(r.entry, Walk))


def test_a_follow_up_without_a_rating_before_reads_not_judged():
    w = walk(t(10, 9), 30)
    row = walk_line([w, follow_up(w, timedelta(hours=2), 3, 7)], t(10, 13))
    assert row.text.endswith("· not judged (no rating before the walk)")
    assert "settled" not in row.text


def test_an_early_follow_up_still_leaves_the_follow_up_due():
    w = walk(t(10, 9), 30)
    row = walk_line([w, before(w, 3, 3), follow_up(w, timedelta(hours=1), 3, 3)], t(10, 12))
    assert "· the follow-up was taken early · follow-up due since 11:30" in row.text
    assert row.urgent


def test_settled_with_its_change_a_painkiller_and_a_rule_not_judged():
    w = walk(t(10, 9), 30)
    dose = MedicationDose(at=t(10, 7, 45), name="ibuprofen", dose=400)
    entries = [
        w,
        dose,
        before(w, 3, 3),
        end(w, 3, 4, reach=Reach.CALF),
        follow_up(w, timedelta(hours=2), 3, 4),
    ]
    row = walk_line(entries, t(10, 13))
    assert "· settled (follow-up: +1 leg) · " in row.text
    assert "spread not judged (no reach recorded before the walk)" in row.text
    assert row.text.endswith("taken after ibuprofen 400 mg at 07:45")


def test_settled_at_a_high_level_says_the_pain_is_still_high():
    """Settled means no worse than before: a leg still at 8 is not called fine."""
    w = walk(t(10, 9), 30)
    entries = [w, before(w, 3, 8), end(w, 3, 9), follow_up(w, timedelta(hours=2), 3, 8)]
    row = walk_line(entries, t(10, 13))
    assert "pain at the end: high (red)" in row.text
    assert "· settled (follow-up: no change), but pain is still high (back 3, leg 8)" in row.text


def test_settled_at_a_low_level_says_nothing_more():
    w = walk(t(10, 9), 30)
    entries = [w, before(w, 1, 2), end(w, 1, 2), follow_up(w, timedelta(hours=2), 1, 2)]
    row = walk_line(entries, t(10, 13))
    assert "pain at the end: low (green)" in row.text
    assert "still high" not in row.text
