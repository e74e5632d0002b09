"""The timeline's figures after a save are those worked out afresh: weeks and rows kept
from the chart before (chart_data reuses them for the days a save did not touch) never
stand in for a changed day, week, flagged walk or red flag."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.judged_before import JudgedBefore
from sciajournal.core.collection import Entries
from sciajournal.core.entities import Entry, PainRating, RedFlagCheck, Walk
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries
from sciajournal.ui.charts import chart_data
from sciajournal.ui.charts.chart_data import timeline_data

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 20, 20, 0, tzinfo=CET)


def afresh(analysis, by_week, monkeypatch) -> chart_data.TimelineData:
    with monkeypatch.context() as patched:  # nothing kept from the charts before
        patched.setattr(chart_data, "_WEEKS", chart_data._ByIdentity())
        patched.setattr(
            chart_data, "_ROWS", {True: chart_data._ByIdentity(), False: chart_data._ByIdentity()}
        )
        return timeline_data(analysis, by_week)


@pytest.mark.parametrize("by_week", [True, False])
def test_timeline_after_each_save_is_the_timeline_worked_out_afresh(by_week, monkeypatch):
    rng = random.Random(3)
    entries: list[Entry] = list(demo_entries(2 * 365, seed=2, end=NOW))
    first, last = NOW.date() - timedelta(days=2 * 365 - 1), NOW.date()
    kept = JudgedBefore()
    for step in range(12):
        analysis = analyse(Entries.of(entries), first, last, Settings(), judged_before=kept)
        assert timeline_data(analysis, by_week) == afresh(analysis, by_week, monkeypatch)
        at = NOW - timedelta(days=rng.choice((0, 1, 6, 7, 300, 700)), hours=rng.uniform(0, 20))
        if step % 3 == 0:  # pain rated, which changes the day's and the week's means
            entries = [*entries, PainRating(at=at, back=rng.randint(0, 10), leg=9)]
        elif step % 3 == 1:  # a red flag, marked on its day or week
            entries = [*entries, RedFlagCheck(at=at, signs=frozenset({RedFlag.FEVER}))]
        else:  # a walk deleted: minutes, and maybe a flag for pain that continued, gone
            gone = rng.choice([e for e in entries if isinstance(e, Walk)])
            entries = [e for e in entries if e is not gone]
