"""What the three charts share: pyqtgraph set up for the current palette, hover text."""

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QWidget

from sciajournal.ui.charts import style


class BaseChart(pg.PlotWidget):
    #: A line describing what is under the mouse (empty when nothing is).
    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        palette = self.palette()
        self.setBackground(style.background(palette))
        plot = self.getPlotItem()
        for side in ("left", "bottom", "right"):
            axis = plot.getAxis(side)
            axis.setPen(style.foreground(palette))
            axis.setTextPen(style.foreground(palette))
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        self.scene().sigMouseMoved.connect(self._mouse_moved)

    def _mouse_moved(self, position: QPointF) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(position):
            self.hovered.emit("")
            return
        point = plot.vb.mapSceneToView(position)
        self.hovered.emit(self.describe_at(point.x(), point.y()))

    def describe_at(self, x: float, y: float) -> str:
        return ""

    def legend_html(self) -> str:
        """A legend shown under the chart, for charts whose plot has no room for one."""
        return ""


def nearest(xs: list[float], x: float, within: float) -> int | None:
    """Index of the value in sorted `xs` nearest to `x`, if it is within `within`."""
    if not xs:
        return None
    best = min(range(len(xs)), key=lambda i: abs(xs[i] - x))
    return best if abs(xs[best] - x) <= within else None
