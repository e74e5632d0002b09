"""What the timeline chart draws is the analysis' figures, also where a redraw is cut short:
over long ranges (no markers on the pain lines) and for rows of marks left as they were."""

import math
from datetime import date, datetime, timedelta

import numpy as np
import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.analysis.outcomes import Outcome
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries
from sciajournal.ui.charts.chart_data import DAY, day_x, timeline_data
from sciajournal.ui.charts.timeline_chart import MARKED_POINTS, TimelineChart
from sciajournal.ui.main_window import MainWindow
from tests.analysis.scenario import before, flagged_then_settled, follow_up, walk
from tests.clocks import MACHINE_OFFSET

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 20, 20, 0, tzinfo=LOCAL)


def same(drawn: object, figures: list[float]) -> bool:
    """Equal, NaN (a day without ratings: a gap) included."""
    values = np.asarray(drawn, dtype=float)
    return len(values) == len(figures) and all(
        (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(values, figures, strict=True)
    )


def test_three_years_by_week_draw_the_weekly_figures_of_the_analysis(qtbot):
    first, last = NOW.date() - timedelta(days=3 * 365), NOW.date()
    entries = Entries.of(demo_entries(3 * 365 + 1, end=NOW))
    analysis = analyse(entries, first, last, Settings())
    data = timeline_data(analysis)
    assert data.by_week and len(data.x) > MARKED_POINTS  # the case without markers
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.show_data(data)
    chart.grab()

    weeks: dict[date, float] = {}
    for day in analysis.days:
        monday = day.day - timedelta(days=day.day.weekday())
        weeks[monday] = weeks.get(monday, 0) + day.walk_minutes
    assert list(chart.bars.opts["x"]) == [day_x(monday) + 3 * DAY for monday in weeks]
    assert list(chart.bars.opts["height"]) == list(weeks.values())
    for line, means in ((chart.leg_line, data.leg_mean), (chart.back_line, data.back_mean)):
        xs, ys = line.getData()
        assert list(xs) == data.x and same(ys, means)
        assert line.opts["symbol"] is None
    flagged = {
        r.walk.start.date() - timedelta(days=r.walk.start.weekday())
        for r in analysis.outcomes
        if r.outcome is Outcome.PAIN_CONTINUED
    }
    flag_x, _ = chart.flags.getData()
    assert flagged and sorted(flag_x) == sorted(day_x(m) + 3 * DAY for m in flagged)

    two_weeks = timeline_data(analyse(entries, last - timedelta(days=13), last, Settings()))
    chart.show_data(two_weeks)
    xs, ys = chart.leg_line.getData()
    assert list(xs) == two_weeks.x and same(ys, two_weeks.leg_mean)
    assert chart.leg_line.opts["symbol"] == "o"  # markers back for a short range


@pytest.fixture
def window(qtbot, journal):
    _flagged, _settled, entries = flagged_then_settled(17)
    journal.add_many(entries)
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    return shown


def test_a_redraw_shows_new_marks_and_markers_come_back_on_short_ranges(window, journal):
    charts = window.show_charts()
    charts.set_range("2 weeks")
    timeline = charts.timeline
    assert timeline.leg_line.opts["symbol"] == "o"  # 14 days: markers on
    flags_before, _ = timeline.flags.getData()
    assert list(flags_before) == [day_x(date(2026, 3, 17))]

    # Pain continued after a walk on the 19th too: a new flag on a redraw after the save.
    later = walk(datetime(2026, 3, 19, 9, 0, tzinfo=LOCAL), 40)
    journal.add_many([later, before(later, 2, 2), follow_up(later, timedelta(hours=2), 2, 6)])
    window.refresh()  # as a save does
    flags_after, _ = timeline.flags.getData()
    assert sorted(flags_after) == [day_x(date(2026, 3, 17)), day_x(date(2026, 3, 19))]

    charts.set_range("All")  # a few days only: markers stay
    charts.set_range("2 weeks")
    flags_again, _ = timeline.flags.getData()
    assert sorted(flags_again) == sorted(flags_after)
    assert timeline.leg_line.opts["symbol"] == "o" and timeline.back_line.opts["symbol"] == "s"
