"""The charts build on pyqtgraph's public API only: a private method overridden or called
can change or vanish in any pyqtgraph release, and a chart would then break without a
word (an override of a vanished hook is simply never called)."""

import inspect

import pyqtgraph as pg

from sciajournal.ui.charts import (
    base_chart,
    date_axis,
    function_charts,
    leg_weeks_chart,
    response_chart,
    timeline_chart,
    weekly_chart,
)

MODULES = (
    base_chart,
    date_axis,
    function_charts,
    leg_weeks_chart,
    response_chart,
    timeline_chart,
    weekly_chart,
)


def our_pyqtgraph_subclasses() -> list[type]:
    found = []
    for module in MODULES:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and any(
                base.__module__.startswith("pyqtgraph") for base in cls.__mro__
            ):
                found.append(cls)
    return found


def test_no_chart_class_overrides_a_private_pyqtgraph_method():
    classes = our_pyqtgraph_subclasses()
    assert {"Axis", "DateAxis", "WeekAxis", "TimelineChart"} <= {c.__name__ for c in classes}
    overridden = [
        f"{cls.__name__}.{name} overrides {base.__module__}.{base.__name__}.{name}"
        for cls in classes
        for name in vars(cls)
        if name.startswith("_") and not name.startswith("__")
        for base in cls.__mro__[1:]
        if base.__module__.startswith("pyqtgraph") and name in vars(base)
    ]
    assert overridden == []


def test_the_axis_title_is_shown_in_the_palette_colour_without_unit_prefixes(qtbot):
    chart = timeline_chart.TimelineChart()
    qtbot.addWidget(chart)
    chart.show_data(chart.data)
    axis = chart.getPlotItem().getAxis("left")
    assert "Walking (minutes)" in axis.label.toPlainText()
    assert axis.pen().color() == base_chart.style.foreground(chart.palette())
    for side in ("left", "bottom", "right", "top"):
        assert chart.getPlotItem().getAxis(side).autoSIPrefix is False
    assert isinstance(axis, pg.AxisItem)
