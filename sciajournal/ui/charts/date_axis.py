"""The charts' date axis: one label format per zoom level, each label under its day.

pyqtgraph's own date axis labels two levels at once in mixed formats ("30 Sep 04 09 14
19 29 Oct 04": months among day numbers; "Dec 2026 Feb": a year among months). Here
each zoom level labels one kind of tick, always in the same format:
- days (two weeks to a few months): "09 Mar", every 1, 2, 7 or 14 days (weekly ticks
  on Mondays), at noon, under the day's bar (x is noon UTC, see chart_data);
- months (about a year): "Mar 2026", every 1, 2, 3 or 6 months;
- years (several years): "2026".
"""

from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeYStepper,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter

from sciajournal.ui.charts.base_chart import Axis
from sciajournal.ui.charts.chart_data import DAY

#: Day ticks sit at noon UTC, counted from a Monday (5 Jan 1970), so weekly ones fall on
#: Mondays.
FIRST_MONDAY_NOON = 4 * DAY + DAY / 2


def _noon_stepper(value: float, n: int, first: bool) -> float:
    step = n * DAY
    if first:
        return ((value - FIRST_MONDAY_NOON) // step + 1) * step + FIRST_MONDAY_NOON
    return value + step


DAYS = ZoomLevel([TickSpec(DAY_SPACING, _noon_stepper, "%d %b", autoSkip=[1, 2, 7, 14])], "30 Sep")
MONTHS = ZoomLevel(
    [TickSpec(MONTH_SPACING, makeMStepper(1), "%b %Y", autoSkip=[1, 2, 3, 6])], "Sep 2026"
)
YEARS = ZoomLevel([TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 2, 5, 10])], "2026")


class DateAxis(Axis):
    """Dates along x (seconds since the epoch at noon UTC, see chart_data)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.zoom = DAYS
        self.min_spacing = DAY
        self.metrics = QFontMetrics(QFont())

    def generateDrawSpecs(self, p: QPainter) -> tuple[object, list, list] | None:
        self.metrics = p.fontMetrics()  # the font the labels are drawn in
        return super().generateDrawSpecs(p)

    def _zoom_for(self, seconds_per_pixel: float) -> tuple[ZoomLevel, float]:
        """The finest level whose widest tick spacing still leaves room for its labels,
        and the least spacing between two labels, in seconds."""
        metrics = self.metrics

        def room(level: ZoomLevel) -> float:  # a label's width and a gap, in seconds
            return (metrics.horizontalAdvance(level.exampleText) + 14) * seconds_per_pixel

        for level, widest in ((DAYS, 14 * DAY), (MONTHS, 6 * MONTH_SPACING)):
            if room(level) <= widest:
                return level, room(level)
        return YEARS, room(YEARS)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if size <= 0 or maxVal <= minVal or not np.isfinite([minVal, maxVal]).all():
            return []
        self.zoom, self.min_spacing = self._zoom_for((maxVal - minVal) / size)
        (spec,) = self.zoom.tickSpecs
        ticks, skip = spec.makeTicks(minVal, maxVal, self.min_spacing)
        return [(spec.spacing * skip, [float(t) for t in ticks])]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        (spec,) = self.zoom.tickSpecs
        return [_format(spec.format)(value) for value in values]


def _format(pattern: str) -> Callable[[float], str]:
    return lambda value: datetime.fromtimestamp(value, UTC).strftime(pattern)
