"""Every threshold the summary states comes from the Settings or the constant it names:
changing a Setting changes the words."""

import dataclasses
from datetime import date, timedelta

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.entities import MedicationDose
from sciajournal.core.settings import Settings
from sciajournal.report import walk_wording as wording
from tests.analysis.scenario import before, end, follow_up, t, walk

TODAY = date(2026, 4, 20)


def journal():
    """150 min a week for two weeks, a week off, a restart at 150, with one walk that
    ended at 7/10 and settled, one not judged, and ibuprofen before a walk."""
    entries = []
    for days in ((2, 4, 6), (9, 11, 13), (23, 25, 27)):  # the week of 16 March is off
        for day in days:
            w = walk(t(day, 10), 50)
            entries += [w, before(w, 3, 3), follow_up(w, timedelta(hours=2), 3, 3)]
    high = entries[0]
    entries.append(end(high, 3, 7))
    unjudged = walk(t(28, 10), 20)
    entries += [unjudged, follow_up(unjudged, timedelta(hours=3), 4, 4)]
    entries.append(MedicationDose(at=t(25, 8), name="ibuprofen", dose=400))
    return Entries.of(entries)


def words(settings):
    analysis = analyse(journal(), date(2026, 3, 1), date(2026, 3, 29), settings, today=TODAY)
    return analysis, "\n".join(
        wording.progression_lines(analysis)
        + wording.tolerance_lines(analysis)
        + [wording.flagged_table_note(settings), wording.high_pain_heading(settings, 1)]
        + [wording.trend_heading(), wording.trend_note(settings.pain_change_points)]
        + [wording.walk_counts_text(analysis)]
    )


def test_the_default_words():
    analysis, text = words(Settings())
    assert "a follow-up 2 hours or more after the walk" in text
    assert "2 or more points above" in text
    assert "first 7 days against last 7 days" in text
    assert "of 30 % and at least 1 point" in text
    assert "in the last 4 weeks of the period" in text
    assert "pain at or above 6/10" in text
    assert "Walks within 4 hours after a medication dose: 1" in text
    # The walk of 25 March settled after ibuprofen: it is no evidence of tolerance.
    assert (
        "those that settled after a dose (1) do not count as tolerated or as evidence for an "
        "increase."
    ) in text
    assert "resume lighter, about 50 % of the old volume" in text
    assert "1 not judged (no rating before the walk)" in text
    assert analysis.progression.fast_restarts[0].monday == date(2026, 3, 23)


def test_changing_a_setting_changes_the_words():
    changed = dataclasses.replace(
        Settings(),
        follow_up_hours=3,
        pain_change_points=3,
        red_from=7,
        painkiller_window_hours=1.5,
        restart_percent=40,
        weekly_increase_percent=5,
    )
    _analysis, text = words(changed)
    assert "a follow-up 3 hours or more after the walk" in text
    assert "3 or more points above" in text
    assert "pain at or above 7/10" in text
    assert "Walks within 1.5 hours after a medication dose" not in text  # 2 h before: not linked
    assert "about 40 % of the old volume" in text
    assert "2 hours" not in text and "6/10" not in text and "50 %" not in text


def test_the_week_in_progress_has_no_percentage_and_the_target_is_for_next_week():
    # Today is Friday 20 March. The week of 9 March (208 min) is the last complete week;
    # the week of 16 March has 116 min so far, which is no "-44 %" against a whole week.
    entries = []
    for day, minutes in ((10, 60), (11, 60), (12, 88), (16, 60), (17, 56)):
        w = walk(t(day, 10), minutes)
        entries += [w, before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2)]
    analysis = analyse(
        Entries.of(entries),
        date(2026, 3, 2),
        date(2026, 3, 20),
        Settings(),
        today=date(2026, 3, 20),
    )
    lines = wording.progression_lines(analysis)
    assert lines[0] == "Walking in the week of 16 Mar (so far): 116 min; the week before: 208 min."
    assert lines[1] == (
        "10 % more than the week of 09 Mar would be at most 229 min for the week of 23 Mar "
        "(next week); the walks of the week of 09 Mar all settled."
    )
    assert "%)" not in "\n".join(lines)


def test_a_walk_settled_after_ibuprofen_holds_back_the_increase_in_words():
    # Today Friday 20 March; the week of 9 March had a walk an hour after ibuprofen.
    entries = []
    for day, minutes in ((10, 60), (12, 90)):
        w = walk(t(day, 10), minutes)
        entries += [w, before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2)]
    entries.append(MedicationDose(at=t(12, 9), name="ibuprofen", dose=400))
    analysis = analyse(
        Entries.of(entries),
        date(2026, 3, 2),
        date(2026, 3, 20),
        Settings(),
        today=date(2026, 3, 20),
    )
    text = "\n".join(wording.progression_lines(analysis) + wording.tolerance_lines(analysis))
    assert (
        "No target for the week of 23 Mar (next week): no increase suggested: last week 1 walk "
        "settled, but taken after a painkiller; only walks that settled without a painkiller"
    ) in text
    assert "the longest walk that settled in the last 4 weeks of the period was 60 min" in text


def test_one_walk_stopped_early_is_one_walk_not_one_walks():
    stopped = dataclasses.replace(walk(t(28, 10), 20), stopped_early=True)
    analysis = analyse(
        Entries.of([stopped]), date(2026, 3, 1), date(2026, 3, 29), Settings(), today=TODAY
    )
    assert "Stopped early because of pain: 1 walk." in wording.tolerance_lines(analysis)


def test_walks_no_longer_awaited_are_not_judged_as_in_the_journal_row():
    """The reviewer read "3 awaiting follow-up" for walks from 2010 while their rows said
    "not judged (no follow-up rating was recorded)": the summary now uses the row's words."""
    old, recent = walk(t(2, 10), 30), walk(t(28, 10), 30)
    entries = Entries.of([old, before(old, 3, 3), recent, before(recent, 3, 3)])
    analysis = analyse(
        entries, date(2026, 3, 1), date(2026, 3, 29), Settings(), today=date(2026, 3, 29)
    )
    text = wording.walk_counts_text(analysis)
    assert "1 awaiting follow-up" in text  # ended yesterday: still asked today
    assert "1 not judged (no follow-up rating was recorded)" in text
