"""Own activities (PSFS) and sciatica bothersomeness (SBI) over time, and the holder that
adds these and the leg-symptom chart to the Charts tab."""

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from sciajournal.analysis.bothersomeness import TOTAL_MAX
from sciajournal.analysis.functional_scale import SCORE_MAX
from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart, nearest
from sciajournal.ui.charts.chart_data import DAY
from sciajournal.ui.charts.date_axis import DateAxis
from sciajournal.ui.charts.function_chart_data import (
    ActivityLine,
    BothersomenessData,
    ScaleData,
    bothersomeness_data,
    leg_weeks_data,
    scale_data,
)
from sciajournal.ui.charts.leg_weeks_chart import LegWeeksChart

#: Each activity's line: colour, dash and marker differ, so they part in greyscale too.
ACTIVITY_LOOKS = [
    (style.VERMILLION, False, "o"),
    (style.BLUE, True, "s"),
    (style.GREEN, False, "t"),
    (style.ORANGE, True, "d"),
    (style.SKY, False, "x"),
    (style.GREY, True, "star"),
]


def _marks(x: list[float], y: list[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.array(x, dtype=float), np.array(y, dtype=float)


def _x_range(chart: BaseChart, xs: list[float]) -> None:
    if xs:
        chart.getPlotItem().setXRange(min(xs) - 2 * DAY, max(xs) + 2 * DAY, padding=0.02)


class ScaleChart(BaseChart):
    """The mean score (thick, foreground) and each activity (thin), 0-10, higher is better."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": DateAxis()})
        plot = self.getPlotItem()
        plot.setLabel("left", f"Can do: 0 (cannot) to {SCORE_MAX} (as before)")
        plot.vb.setMouseEnabled(x=True, y=False)
        # Room above 10 for the legend, but no tick there: the scale ends at 10.
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, SCORE_MAX + 1, 2)]])
        self.legend = plot.addLegend(
            offset=(10, 5), labelTextColor=style.foreground(self.palette()), colCount=3
        )
        foreground = style.foreground(self.palette())
        self.mean = pg.PlotDataItem(
            pen=style.pen(foreground, 3.5),
            symbol="o",
            symbolSize=9,
            symbolBrush=pg.mkBrush(foreground),
            symbolPen=None,
        )
        plot.addItem(self.mean)
        self.activity_lines: list[pg.PlotDataItem] = []
        #: Each activity's place in ACTIVITY_LOOKS, kept while the window is open, so its
        #: colour stays with it whichever range is shown (see look_of).
        self.look_index: dict[str, int] = {}
        self.data = ScaleData()

    def look_of(self, activity: ActivityLine) -> tuple[QColor, bool, str]:
        """An activity's colour, dash and marker: the first look no activity shown so far
        has, given in the order the activities were named (the analysis lists them so)."""
        if activity.activity_id not in self.look_index:
            taken = set(self.look_index.values())
            free = [i for i in range(len(ACTIVITY_LOOKS)) if i not in taken]
            self.look_index[activity.activity_id] = (
                free[0] if free else len(self.look_index) % len(ACTIVITY_LOOKS)
            )
        return ACTIVITY_LOOKS[self.look_index[activity.activity_id]]

    def show_data(self, data: ScaleData) -> None:
        self.data = data
        plot = self.getPlotItem()
        for line in self.activity_lines:
            plot.removeItem(line)
        self.legend.clear()
        self.mean.setData(*_marks(data.x, data.means))
        self.legend.addItem(self.mean, "Mean score")
        self.activity_lines = []
        for activity in data.activities:
            colour, dashed, symbol = self.look_of(activity)
            line = pg.PlotDataItem(
                *_marks(activity.x, activity.scores),
                pen=style.pen(colour, 1.6, dashed=dashed),
                symbol=symbol,
                symbolSize=7,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=None,
            )
            plot.addItem(line)
            self.legend.addItem(line, activity.name)
            self.activity_lines.append(line)
        # Below 0 a little, so a score of 0 is not cut; room for the legend above 10.
        plot.setYRange(-0.4, SCORE_MAX * 1.35, padding=0)
        _x_range(self, data.x)
        self.data_changed()

    def legend_html(self) -> str:
        if not self.data.x:
            return "No activity ratings in this period."
        return f"Change of the mean score: {escape(self.data.verdict)}."

    def keyboard_points(self) -> list[tuple[float, float]]:
        return [(x, 0.0) for x in self.data.x]

    def describe_at(self, x: float, y: float) -> str:
        index = nearest(self.data.x, x, DAY * 2)
        return "" if index is None else self.data.hover[index]


class BothersomenessChart(BaseChart):
    """The index total, 0-24, higher is more bothersome; no reference line (no verdict)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": DateAxis()})
        plot = self.getPlotItem()
        plot.setLabel("left", f"Bothersomeness 0-{TOTAL_MAX} (higher is worse)")
        plot.vb.setMouseEnabled(x=True, y=False)
        plot.setYRange(-0.5, TOTAL_MAX + 1, padding=0)
        colour = QColor(style.VERMILLION)
        self.line = pg.PlotDataItem(
            pen=style.pen(colour, 2.5),
            symbol="o",
            symbolSize=8,
            symbolBrush=pg.mkBrush(colour),
            symbolPen=None,
        )
        plot.addItem(self.line)
        self.data = BothersomenessData()

    def show_data(self, data: BothersomenessData) -> None:
        self.data = data
        self.line.setData(*_marks(data.x, data.totals))
        _x_range(self, data.x)
        self.data_changed()

    def legend_html(self) -> str:
        if not self.data.x:
            return "No Sciatica Bothersomeness Index checks in this period."
        return f"Sciatica Bothersomeness Index, change over the period: {escape(self.data.change)}."

    def keyboard_points(self) -> list[tuple[float, float]]:
        return [(x, 0.0) for x in self.data.x]

    def describe_at(self, x: float, y: float) -> str:
        index = nearest(self.data.x, x, DAY * 2)
        return "" if index is None else self.data.hover[index]


class FunctionCharts:
    """The three function charts the Charts tab shows, and how they are fed."""

    def __init__(self) -> None:
        self.scale = ScaleChart()
        self.bothersomeness = BothersomenessChart()
        self.leg_weeks = LegWeeksChart()

    #: The tabs' titles, in the order of charts().
    TITLES = ("Own activities", "Bothersomeness", "Leg symptoms per week")

    def titled(self) -> list[tuple[BaseChart, str]]:
        return list(zip(self.charts(), self.TITLES, strict=True))

    def charts(self) -> list[BaseChart]:
        return [self.scale, self.bothersomeness, self.leg_weeks]

    def show(self, analysis: JournalAnalysis) -> None:
        self.scale.show_data(scale_data(analysis.function))
        self.bothersomeness.show_data(bothersomeness_data(analysis.function))
        self.leg_weeks.show_data(leg_weeks_data(analysis.function, analysis.leg_symptoms))
