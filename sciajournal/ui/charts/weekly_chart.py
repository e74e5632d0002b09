"""Weekly walking minutes against the weekly guide (Settings), and the suggested target."""

import math
import textwrap
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import Axis, BaseChart, nearest
from sciajournal.ui.charts.chart_data import DAY, PARTIAL_WEEK_NOTE, WeeklyData

BAR = DAY * 7 * 0.75
#: Room a week's label needs on the axis, in pixels.
LABEL_WIDTH = 78


class WeekAxis(Axis):
    """Labels each week by its Monday (marks included), thinned to fit, instead of months."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.weeks: dict[float, str] = {}

    def set_weeks(self, xs: list[float], labels: list[str]) -> None:
        self.weeks = dict(zip(xs, labels, strict=True))
        self.picture = None  # redraw the ticks
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        visible = sorted(x for x in self.weeks if minVal <= x <= maxVal)
        if not visible:
            return []
        every = max(1, math.ceil(len(visible) * LABEL_WIDTH / max(size, 1)))
        # Keep the last week (the latest, often "so far") and step back from it.
        shown = visible[::-1][::every][::-1]
        return [(DAY * 7 * every, shown)]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [self.weeks.get(value, "") for value in values]


class WeeklyChart(BaseChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.week_axis = WeekAxis()
        super().__init__(parent, axisItems={"bottom": self.week_axis})
        plot = self.getPlotItem()
        plot.setLabel("left", "Walking per week (minutes)")
        plot.setLabel("bottom", "Week starting Monday")
        plot.vb.setMouseEnabled(x=True, y=False)
        legend = plot.addLegend(
            offset=(10, 5), labelTextColor=style.foreground(self.palette()), colCount=2
        )
        palette = self.palette()
        self.within = pg.BarGraphItem(x=[], height=[], width=BAR, brush=style.bar_brush(palette))
        self.within.setOpts(pen=pg.mkPen(style.SKY.darker(130)))
        self.above = pg.BarGraphItem(x=[], height=[], width=BAR, brush=style.exceeded_brush())
        self.above.setOpts(pen=pg.mkPen(style.ORANGE.darker(120), width=2))
        self.guide = pg.PlotDataItem(
            pen=style.pen(style.foreground(palette), 2, dashed=True), connect="pairs"
        )
        self.target = pg.BarGraphItem(x=[], height=[], width=BAR, brush=None)
        self.target.setOpts(pen=style.pen(style.GREEN, 2, dashed=True))
        # Anchored at its right end: the target is the last bar, its note runs to the left
        # (all of it: a narrow window cut it off at the right).
        # On the chart's background colour, so a guide mark behind it does not cross the text.
        behind = style.background(palette)
        behind.setAlpha(230)
        self.target_label = pg.TextItem(
            color=style.foreground(palette), anchor=(1.0, 1.1), fill=pg.mkBrush(behind)
        )
        for item in (self.within, self.above, self.guide, self.target, self.target_label):
            plot.addItem(item)
        legend.addItem(self.within, "Within the guide")
        legend.addItem(self.above, "Above the guide")
        legend.addItem(self.guide, "Guide")
        self.legend = legend
        legend.addItem(self.target, "Suggested target")
        self.data = WeeklyData()

    def show_data(self, data: WeeklyData) -> None:
        self.data = data
        self.week_axis.set_weeks(data.x, data.labels)
        self.legend.getLabel(self.guide).setText(data.guide_label)
        x = np.array(data.x, dtype=float)
        minutes = np.array(data.minutes, dtype=float)
        above = np.array(data.above_guide, dtype=bool)
        self.within.setOpts(x=x[~above], height=minutes[~above])
        self.above.setOpts(x=x[above], height=minutes[above])
        guide = np.array(data.guide, dtype=float)
        has_guide = ~np.isnan(guide)
        ends = np.column_stack([x[has_guide] - BAR / 2, x[has_guide] + BAR / 2]).ravel()
        levels = np.repeat(guide[has_guide], 2)
        self.guide.setData(ends, levels)
        plot = self.getPlotItem()
        top = max([*data.minutes, data.target_minutes or 0, 10])
        if data.target_x is not None and data.target_minutes is not None:
            self.target.setOpts(x=[data.target_x], height=[data.target_minutes])
            held = f"\n{textwrap.fill(data.target_note, 34)}" if data.target_note else ""
            self.target_label.setText(
                f"{data.target_week}:\nat most {data.target_minutes:.0f} min{held}"
            )
            # Above the target bar and the last week's guide mark, so neither crosses the text.
            marks = [g for g in data.guide[-1:] if not math.isnan(g)]
            self.target_label.setPos(data.target_x, max([data.target_minutes, *marks]))
        elif data.target_note and data.x:
            # No target: say why where it would have been.
            self.target.setOpts(x=[], height=[])
            self.target_label.setText(f"no target:\n{textwrap.fill(data.target_note, 34)}")
            self.target_label.setPos(data.x[-1] + DAY * 7, top * 0.5)
        else:
            self.target.setOpts(x=[], height=[])
            self.target_label.setText("")
        right = data.target_x if data.target_x is not None else (data.x[-1] if data.x else 0)
        if data.target_x is None and data.target_note and data.x:
            right = data.x[-1] + DAY * 7  # room for "no target" and why
        if data.x:
            plot.setXRange(data.x[0] - BAR, right + BAR, padding=0.02)
        plot.setYRange(0, top * 1.3, padding=0)
        self.data_changed()

    def keyboard_points(self) -> list[tuple[float, float]]:
        points = [(x, 0.0) for x in self.data.x]
        target = self.data.target_x
        # The suggested week is a point of its own unless it is a week already drawn.
        if target is not None and nearest(self.data.x, target, DAY * 3.5) is None:
            points.append((target, 0.0))
        return points

    def legend_html(self) -> str:
        """Why the suggested target is held or missing, and what a "*" week means."""
        parts = []
        if self.data.target_note:
            note = escape(self.data.target_note, quote=False)
            week = escape(self.data.target_week)
            if self.data.target_minutes is None:  # "suggested" would read as a target
                parts.append(f"No target for the {week}: {note}.")
            else:
                parts.append(
                    f"Suggested for the {week}: at most {self.data.target_minutes:.0f} min; {note}."
                )
        if any("*" in label for label in self.data.labels):
            parts.append(escape(PARTIAL_WEEK_NOTE) + ".")
        return " ".join(parts)

    def describe_at(self, x: float, y: float) -> str:
        index = nearest(self.data.x, x, DAY * 3.5)
        if index is not None:
            return self.data.hover[index]
        if self.data.target_x is not None and abs(x - self.data.target_x) <= DAY * 3.5:
            note = f" ({self.data.target_note})" if self.data.target_note else ""
            return (
                f"Suggested for the {self.data.target_week}: at most "
                f"{self.data.target_minutes:.0f} min{note}"
            )
        return ""
