"""How far down the leg symptoms reach, week by week, with the share of ratings that
recorded each nerve sign. Reach bars are stacked shares, light (buttock) to dark (foot),
so "further down" reads as "darker" in greyscale too."""

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from sciajournal.core.enums import Reach
from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart, nearest
from sciajournal.ui.charts.chart_data import DAY, PARTIAL_WEEK_NOTE
from sciajournal.ui.charts.function_chart_data import LegWeeksData
from sciajournal.ui.charts.weekly_chart import WeekAxis

BAR = DAY * 7 * 0.7
#: Light to dark along the leg: ColorBrewer's BuPu in five steps, colour-blind safe,
#: whose neighbours differ in hue as well as lightness (the plain blues before made
#: knee and calf look alike), still light to dark in greyscale, and clear of the
#: vermillion, orange and green of the nerve-sign lines drawn over them.
REACH_COLOURS = {
    Reach.BUTTOCK: QColor("#edf8fb"),
    Reach.THIGH: QColor("#b3cde3"),
    Reach.KNEE: QColor("#8c96c6"),
    Reach.CALF: QColor("#8856a7"),
    Reach.FOOT: QColor("#810f7c"),
}
#: Nerve-sign lines: colour, dash and marker all differ.
SIGN_LOOKS = {
    "numbness": (style.VERMILLION, False, "o"),
    "tingling": (style.ORANGE, True, "t"),
    "weakness": (style.GREEN, True, "s"),
}


class LegWeeksChart(BaseChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.week_axis = WeekAxis()
        super().__init__(parent, axisItems={"bottom": self.week_axis})
        plot = self.getPlotItem()
        plot.setLabel("left", "Share of the week's ratings (%)")
        plot.setLabel("bottom", "Week starting Monday")
        plot.vb.setMouseEnabled(x=True, y=False)
        # Room above 100 % for the legend, but no tick there.
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        legend = plot.addLegend(
            offset=(10, 5), labelTextColor=style.foreground(self.palette()), colCount=4
        )
        edge = pg.mkPen(style.foreground(self.palette()), width=0.5)
        self.reach_bars: dict[Reach, pg.BarGraphItem] = {}
        for reach, colour in REACH_COLOURS.items():
            bars = pg.BarGraphItem(x=[], height=[], y0=[], width=BAR, brush=colour, pen=edge)
            plot.addItem(bars)
            legend.addItem(bars, f"reaches {reach.value}")
            self.reach_bars[reach] = bars
        self.sign_lines: dict[str, pg.PlotDataItem] = {}
        for sign, (colour, dashed, symbol) in SIGN_LOOKS.items():
            line = pg.PlotDataItem(
                pen=style.pen(colour, 2.4, dashed=dashed),
                symbol=symbol,
                symbolSize=8,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=pg.mkPen(style.foreground(self.palette())),
                connect="finite",
            )
            plot.addItem(line)
            legend.addItem(line, sign)
            self.sign_lines[sign] = line
        self.data = LegWeeksData()

    def show_data(self, data: LegWeeksData) -> None:
        self.data = data
        self.week_axis.set_weeks(data.x, data.labels)
        x = np.array(data.x, dtype=float)
        base = np.zeros(len(data.x))
        for reach, bars in self.reach_bars.items():
            heights = np.array(data.reach_percent.get(reach, [0.0] * len(data.x)), dtype=float)
            bars.setOpts(x=x, height=heights, y0=base.copy(), width=BAR)
            base += heights
        for sign, line in self.sign_lines.items():
            line.setData(x, np.array(data.signs_percent.get(sign, []), dtype=float))
        plot = self.getPlotItem()
        if data.x:
            plot.setXRange(data.x[0] - BAR, data.x[-1] + BAR, padding=0.02)
        plot.setYRange(-3, 135, padding=0)  # a 0 % line stays visible; the legend above 100 %
        self.data_changed()

    def legend_html(self) -> str:
        parts = [escape(self.data.trend)] if self.data.trend else []
        parts.append(
            "Bars: how far down the leg, as a share of the week's ratings that recorded it; "
            "lines: the share of the week's ratings with each nerve sign."
        )
        if any("*" in label for label in self.data.labels):
            parts.append(escape(PARTIAL_WEEK_NOTE) + ".")
        return " ".join(parts)

    def keyboard_points(self) -> list[tuple[float, float]]:
        return [(x, 0.0) for x in self.data.x]

    def describe_at(self, x: float, y: float) -> str:
        index = nearest(self.data.x, x, DAY * 3.5)
        return "" if index is None else self.data.hover[index]
