"""Weekly walking minutes against the weekly guide (Settings), and the suggested target."""

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart, nearest
from sciajournal.ui.charts.chart_data import DAY, WeeklyData

BAR = DAY * 7 * 0.75


class WeeklyChart(BaseChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        plot = self.getPlotItem()
        plot.setLabel("left", "Walking per week (minutes)")
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
        self.target_label = pg.TextItem(color=style.foreground(palette), anchor=(0.5, 1.2))
        for item in (self.within, self.above, self.guide, self.target, self.target_label):
            plot.addItem(item)
        legend.addItem(self.within, "Within the guide")
        legend.addItem(self.above, "Above the guide")
        legend.addItem(self.guide, "Guide")
        self.legend = legend
        legend.addItem(self.target, "Suggested next")
        self.data = WeeklyData()

    def show_data(self, data: WeeklyData) -> None:
        self.data = data
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
            self.target_label.setText(f"next: {data.target_minutes:.0f} min")
            self.target_label.setPos(data.target_x, data.target_minutes)
        else:
            self.target.setOpts(x=[], height=[])
            self.target_label.setText("")
        right = data.target_x if data.target_x is not None else (data.x[-1] if data.x else 0)
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
        """Why the suggested target is held or missing, from the analysis."""
        if not self.data.target_note:
            return ""
        return f"Suggested next week: {escape(self.data.target_note)}."

    def describe_at(self, x: float, y: float) -> str:
        index = nearest(self.data.x, x, DAY * 3.5)
        if index is not None:
            return self.data.hover[index]
        if self.data.target_x is not None and abs(x - self.data.target_x) <= DAY * 3.5:
            note = f" ({self.data.target_note})" if self.data.target_note else ""
            return f"Suggested for the coming week: {self.data.target_minutes:.0f} min{note}"
        return ""
