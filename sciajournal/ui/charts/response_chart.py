"""Dose and response: each walk's minutes against the change in pain afterwards."""

import random

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from sciajournal.analysis.outcomes import OUTCOME_TEXT, Outcome
from sciajournal.analysis.response import BANDS
from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart
from sciajournal.ui.charts.chart_data import ResponseData

LABELS = {outcome: text.capitalize() for outcome, text in OUTCOME_TEXT.items()}
#: Points at the same whole minutes and points would hide each other; a fixed small jitter.
JITTER = 0.18


class ResponseChart(BaseChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        plot.setLabel("bottom", "Walk length (minutes)")
        plot.setLabel("left", "Change in pain afterwards (points)")
        legend = plot.addLegend(
            offset=(10, 5), labelTextColor=style.foreground(self.palette()), colCount=4
        )
        palette = self.palette()
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=style.pen(style.foreground(palette), 1))
        plot.addItem(self.zero)
        self.band_lines = [
            pg.InfiniteLine(pos=edge, angle=90, pen=style.pen(style.GREY, 1, dashed=True))
            for _low, edge in BANDS[:-1]  # the walk-length bands' upper edges
        ]
        for line in self.band_lines:
            plot.addItem(line)
        self.scatters: dict[Outcome, pg.ScatterPlotItem] = {}
        for outcome in Outcome:
            look = style.OUTCOME_MARKS[outcome.value]
            colour = look["colour"]
            scatter = pg.ScatterPlotItem(
                symbol=look["symbol"],
                size=9,
                brush=pg.mkBrush(colour) if look["filled"] else None,
                pen=pg.mkPen(colour, width=1.5),
                hoverable=True,
            )
            self.scatters[outcome] = scatter
            plot.addItem(scatter)
            legend.addItem(scatter, LABELS[outcome])
        self.data = ResponseData()
        self._positions: list[tuple[float, float, str]] = []

    def show_data(self, data: ResponseData) -> None:
        self.data = data
        jitter = random.Random(7)  # the same picture every time
        self._positions = []
        by_outcome: dict[Outcome, tuple[list[float], list[float]]] = {o: ([], []) for o in Outcome}
        for point in data.points:
            y = point.change + jitter.uniform(-JITTER, JITTER)
            by_outcome[point.outcome][0].append(point.minutes)
            by_outcome[point.outcome][1].append(y)
            self._positions.append((point.minutes, y, point.label))
        for outcome, (xs, ys) in by_outcome.items():
            self.scatters[outcome].setData(x=xs, y=ys)
        changes = [p.change for p in data.points] or [0]
        longest = max([p.minutes for p in data.points] or [45])
        plot = self.getPlotItem()
        plot.setXRange(0, max(50, longest * 1.05), padding=0)
        plot.setYRange(min(-3, min(changes) - 1), max(3, max(changes) + 2), padding=0)
        self.data_changed()

    def keyboard_points(self) -> list[tuple[float, float]]:
        return sorted((x, y) for x, y, _label in self._positions)

    def describe_at(self, x: float, y: float) -> str:
        if not self._positions:
            return ""
        view = self.getPlotItem().vb.viewRange()
        sx = (view[0][1] - view[0][0]) / 50 or 1
        sy = (view[1][1] - view[1][0]) / 30 or 1
        best = min(self._positions, key=lambda p: ((p[0] - x) / sx) ** 2 + ((p[1] - y) / sy) ** 2)
        close = abs(best[0] - x) <= sx and abs(best[1] - y) <= sy
        return best[2] if close else ""
