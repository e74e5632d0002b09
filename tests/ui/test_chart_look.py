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
