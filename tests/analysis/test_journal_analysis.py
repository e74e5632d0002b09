"""The whole analysis over a date range."""

from datetime import date, timedelta

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.progression import TargetKind
from sciajournal.core.collection import Entries
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from tests.analysis.scenario import before, follow_up, pain_continued_late_last_week, t, walk
from tests.factories import full_medication, full_treatment


def test_range_counts_inside_and_uses_ratings_just_outside_as_context():
    outside_before = walk(t(9, 10), 50)
    last_evening = walk(t(15, 21), 30)  # its follow-up falls on the 16th, after the range
    inside = walk(t(12, 10), 20)
    ratings = [
        before(last_evening, 2, 2),
        follow_up(last_evening, timedelta(hours=2), 2, 5),
        before(inside, 2, 2),
    ]
    entries = Entries.of(
        [
            outside_before,
            last_evening,
            inside,
            *ratings,
            full_treatment(start=t(9, 19)),
            full_treatment(start=t(13, 19)),
            full_medication(at=t(14, 8)),
        ]
    )
    analysis = analyse(entries, date(2026, 3, 10), date(2026, 3, 15), Settings())
    assert [o.walk.id for o in analysis.outcomes] == [inside.id, last_evening.id]
    assert [o.outcome for o in analysis.outcomes] == [
        Outcome.AWAITING_FOLLOW_UP,
        Outcome.PAIN_CONTINUED,
    ]
    assert len(analysis.days) == 6
    assert sum(effect.sessions for effect in analysis.treatments) == 1
    assert analysis.medications[0].doses == 1


def test_red_flags_in_range_newest_first_and_only_with_signs():
    checks = [
        RedFlagCheck(at=t(11, 9), signs=frozenset({RedFlag.FEVER})),
        RedFlagCheck(at=t(12, 9), signs=frozenset()),
        RedFlagCheck(at=t(13, 9), signs=frozenset({RedFlag.BOTH_LEGS})),
        RedFlagCheck(at=t(20, 9), signs=frozenset({RedFlag.BOWEL_BLADDER})),
    ]
    analysis = analyse(Entries.of(checks), date(2026, 3, 10), date(2026, 3, 15), Settings())
    assert analysis.red_flags == [checks[2], checks[0]]


def test_empty_journal_analyses_to_zeros():
    analysis = analyse(Entries(), date(2026, 3, 1), date(2026, 3, 7), Settings())
    assert analysis.outcomes == []
    assert [d.walk_minutes for d in analysis.days] == [0] * 7
    assert analysis.progression.target.minutes is None
    assert analysis.leg_correlation.rho is None


def test_the_target_sees_every_walk_of_last_week_whichever_day_the_range_starts():
    # The range starts this week (Monday, Thursday), after last week's walk whose pain
    # continued (Saturday 7 March): next week's target is still held, never raised.
    entries = Entries.of(pain_continued_late_last_week())
    friday = date(2026, 3, 13)
    targets = [
        analyse(entries, first, friday, Settings(), today=friday).progression.target
        for first in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 12))
    ]
    assert {target.kind for target in targets} == {TargetKind.HOLD}
    assert {(target.minutes, target.reason) for target in targets} == {
        (50, "held at last week's volume: pain continued after 1 walk")
    }


def test_figures_worked_out_on_first_use_are_those_of_the_entries_given():
    # Most figures are worked out when first asked for: from the entries as they were
    # handed in, whatever the caller does with its lists afterwards.
    out = walk(t(12, 10), 20)
    entries = Entries.of([out, before(out, 2, 2), follow_up(out, timedelta(hours=2), 2, 6)])
    analysis = analyse(entries, date(2026, 3, 9), date(2026, 3, 15), Settings())
    expected = analyse(Entries.of(list(entries)), date(2026, 3, 9), date(2026, 3, 15), Settings())
    entries.walks.clear()
    entries.pain.clear()
    assert analysis.progression.weeks[0].minutes == 20
    assert analysis.leg_symptoms.ratings == 2
    assert analysis == expected
