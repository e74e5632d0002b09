"""The analysis is worked out once per change of the journal, never served after one."""

from dataclasses import replace
from datetime import date, timedelta

from sciajournal.analysis.outcomes import Outcome
from sciajournal.service.journal_analysis_service import analyse_journal, entry_days
from tests.analysis.scenario import before, follow_up, t, walk

FIRST, LAST, TODAY = date(2026, 3, 1), date(2026, 3, 20), date(2026, 3, 20)


def outcome_of(journal, walk_id):
    analysis = analyse_journal(journal, FIRST, LAST, TODAY)
    return next(o for o in analysis.outcomes if o.walk.id == walk_id).outcome


def test_an_unchanged_journal_is_analysed_once(journal):
    first = walk(t(4, 10), 30)
    journal.add_many([first, before(first, 2, 2)])
    analysis = analyse_journal(journal, FIRST, LAST, TODAY)
    assert analyse_journal(journal, FIRST, LAST, TODAY) is analysis
    assert analyse_journal(journal, FIRST, LAST - timedelta(days=1), TODAY) is not analysis


def test_a_write_an_edit_and_an_undo_each_give_a_fresh_analysis(journal):
    first = walk(t(4, 10), 30)
    journal.add_many([first, before(first, 2, 2)])
    assert outcome_of(journal, first.id) is Outcome.AWAITING_FOLLOW_UP

    later = follow_up(first, timedelta(hours=2), 2, 7)
    journal.add(later)
    assert outcome_of(journal, first.id) is Outcome.PAIN_CONTINUED

    journal.update(replace(later, leg=2))  # an edit
    assert outcome_of(journal, first.id) is Outcome.SETTLED

    journal.change(delete=[later.id])  # what Ctrl+Z of the follow-up does
    assert outcome_of(journal, first.id) is Outcome.AWAITING_FOLLOW_UP

    journal.change(add=[later])  # and redo
    assert outcome_of(journal, first.id) is Outcome.PAIN_CONTINUED


def test_changed_settings_give_a_fresh_analysis(journal):
    journal.add(walk(t(4, 10), 30))
    assert analyse_journal(journal, FIRST, LAST, TODAY).settings.weekly_increase_percent == 10
    journal.set_settings({"weekly_increase_percent": "20"})
    assert analyse_journal(journal, FIRST, LAST, TODAY).settings.weekly_increase_percent == 20


def test_the_journal_s_first_and_last_days_follow_deletes(journal):
    old, new = walk(t(2, 10), 30), walk(t(9, 10), 30)
    journal.add_many([old, new])
    assert entry_days(journal, TODAY) == (date(2026, 3, 2), TODAY)
    journal.delete(old.id)
    assert entry_days(journal, TODAY) == (date(2026, 3, 9), TODAY)
