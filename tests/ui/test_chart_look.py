"""What the charts look like, beyond their numbers: axes, grid, colours."""

import pytest
from PySide6.QtGui import QColor

from sciajournal.ui.charts import style
from sciajournal.ui.charts.function_charts import FunctionCharts
from sciajournal.ui.charts.response_chart import ResponseChart
from sciajournal.ui.charts.timeline_chart import TimelineChart
from sciajournal.ui.charts.weekly_chart import WeeklyChart


def shown_axes(chart) -> set[str]:
    plot = chart.getPlotItem()
    return {side for side in ("left", "bottom", "right", "top") if plot.getAxis(side).isVisible()}


def test_each_chart_shows_its_own_axes_only(qtbot):
    charts = [TimelineChart(), WeeklyChart(), ResponseChart(), *FunctionCharts().charts()]
    for chart in charts:
        qtbot.addWidget(chart)
    # Pain has its own scale on the right of the timeline; no chart has an axis on top.
    assert shown_axes(charts[0]) == {"left", "bottom", "right"}
    for chart in charts[1:]:
        assert shown_axes(chart) == {"left", "bottom"}, type(chart).__name__


def test_one_grid_behind_the_data(qtbot):
    chart = TimelineChart()
    qtbot.addWidget(chart)
    plot = chart.getPlotItem()
    assert plot.getAxis("left").grid is not False
    assert plot.getAxis("right").grid is False  # its lines would cross the bars
    assert plot.getAxis("left").zValue() < plot.vb.zValue()


@pytest.mark.parametrize("alpha", [0.0, 0.15, 0.67, 1.0])
def test_blend_is_the_translucent_colour_made_opaque(alpha):
    over = QColor("#ffffff")
    mixed = style.blend(style.SKY, over, alpha)
    assert mixed.alpha() == 255
    for part in ("red", "green", "blue"):
        expected = getattr(style.SKY, part)() * alpha + getattr(over, part)() * (1 - alpha)
        assert abs(getattr(mixed, part)() - expected) <= 1


@pytest.mark.parametrize(
    ("days", "pattern"),
    [
        (14, r"\d\d [A-Z][a-z]{2}"),  # 09 Mar
        (91, r"\d\d [A-Z][a-z]{2}"),
        (365, r"[A-Z][a-z]{2} \d{4}"),  # Mar 2026
        (3650, r"\d{4}"),  # 2026
    ],
)
def test_the_date_axis_labels_every_tick_of_a_range_in_one_format(qtbot, days, pattern):
    import re
    from datetime import date, timedelta

    from sciajournal.ui.charts.chart_data import day_x
    from sciajournal.ui.charts.date_axis import DateAxis

    axis = DateAxis()
    last = date(2026, 3, 20)
    levels = axis.tickValues(day_x(last - timedelta(days=days - 1)), day_x(last), 1000)
    assert len(levels) == 1  # one level labelled, not months among days
    spacing, values = levels[0]
    labels = axis.tickStrings(values, 1.0, spacing)
    assert 3 <= len(labels) <= 16, labels
    assert all(re.fullmatch(pattern, label) for label in labels), labels
    if days <= 91:  # day ticks at noon: under the day's bar, not between two
        assert all(value % 86_400 == 43_200 for value in values)


def test_an_activity_keeps_its_colour_whichever_range_is_shown(qtbot):
    from sciajournal.ui.charts.function_chart_data import ActivityLine, ScaleData
    from sciajournal.ui.charts.function_charts import ScaleChart

    chart = ScaleChart()
    qtbot.addWidget(chart)

    def colours(*names: str) -> dict[str, str]:
        lines = [ActivityLine(name, f"id-{name}", [1.7e9], [5.0]) for name in names]
        chart.show_data(ScaleData(x=[1.7e9], means=[5.0], hover=["x"], activities=lines))
        return {
            name: line.opts["pen"].color().name()
            for name, line in zip(names, chart.activity_lines, strict=True)
        }

    year = colours("walk", "socks", "sleep")
    month = colours("socks", "sleep")  # "walk" was retired before the month shown
    assert month == {"socks": year["socks"], "sleep": year["sleep"]}
    assert len(set(year.values())) == 3


def test_knee_and_calf_reach_colours_are_told_apart_and_darken_down_the_leg():
    from sciajournal.core.enums import Reach
    from sciajournal.ui.charts.leg_weeks_chart import REACH_COLOURS

    colours = [REACH_COLOURS[reach] for reach in Reach]  # buttock first, foot last
    lightness = [colour.lightness() for colour in colours]
    assert lightness == sorted(lightness, reverse=True)  # light to dark in greyscale too
    knee, calf = REACH_COLOURS[Reach.KNEE], REACH_COLOURS[Reach.CALF]
    assert abs(knee.hue() - calf.hue()) >= 30 and abs(knee.lightness() - calf.lightness()) >= 25


def test_the_timeline_legend_wraps_between_items_only(qtbot):
    import re

    chart = TimelineChart()
    qtbot.addWidget(chart)
    text = re.sub(r"<[^>]+>", "", chart.legend_html())
    items = text.split(" &nbsp; ")
    assert len(items) == 6 and all(" " not in item for item in items)
    assert items[-1] == "+&nbsp;medication"
