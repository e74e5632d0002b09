"""What the three charts share: pyqtgraph set up for the current palette, hover text,
and the keyboard: Tab reaches each chart, the arrow keys step through its points and the
numbers of the point under the keyboard cursor go to the same line as the hover text."""

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from sciajournal.ui.charts import style


class Axis(pg.AxisItem):
    """An axis drawn in the palette's colours, without unit prefixes, whose grid lines are
    opaque.

    Only pyqtgraph's public API: an earlier version overrode its private _updateLabel to
    lay the title out only when it changed, which saved about 5 ms of a chart's first
    build (nothing on a redraw) and could break silently with a pyqtgraph upgrade.
    tests/ui/charts/test_pyqtgraph_api.py keeps it that way.
    """

    def __init__(self, orientation: str, palette: QPalette | None = None) -> None:
        colours = palette or QApplication.palette()  # a chart's own, before it exists
        ink = style.foreground(colours)
        super().__init__(orientation, pen=ink, textPen=ink)
        # No unit prefixes (k, M) on minutes, pain or dates.
        self.enableAutoSIPrefix(False)
        #: The plot's background: the grid's faint lines are drawn as its blend with them
        #: (style.blend), the same look without translucent lines, which cost ten times more.
        self.background = style.background(colours)

    def generateDrawSpecs(self, p: QPainter) -> tuple[object, list, list] | None:
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        line, ticks, texts = specs
        return line, [(self._opaque(pen), a, b) for pen, a, b in ticks], texts

    def _opaque(self, pen: QPen) -> QPen:
        if pen.color().alpha() == 255:
            return pen
        opaque = QPen(pen)
        opaque.setColor(style.blend(pen.color(), self.background))
        return opaque


class BaseChart(pg.PlotWidget):
    #: A line describing what is under the mouse (empty when nothing is).
    hovered = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, axisItems: dict[str, pg.AxisItem] | None = None
    ) -> None:
        # Every side an Axis, the hidden ones too: pyqtgraph's own would put unit prefixes
        # back, and lay their titles out anew at every change of range.
        axes: dict[str, pg.AxisItem] = {
            side: Axis(side) for side in ("left", "bottom", "right", "top")
        }
        axes.update(axisItems or {})
        # No right-click menus: never shown, and building them took a sixth of a chart's
        # first opening.
        super().__init__(parent, enableMenu=False, axisItems=axes)
        palette = self.palette()
        self.setBackground(style.background(palette))
        plot = self.getPlotItem()
        for side in ("right", "top"):  # pyqtgraph shows every axis it is handed
            if side not in (axisItems or {}):
                plot.hideAxis(side)
        for side in ("left", "bottom", "right"):
            axis = plot.getAxis(side)
            if axis.pen().color() != style.foreground(palette):  # a palette of its own
                axis.setPen(style.foreground(palette))
                axis.setTextPen(style.foreground(palette))
            if isinstance(axis, Axis):
                axis.background = style.background(palette)
        plot.showGrid(x=False, y=True, alpha=0.15)
        # One grid, the left axis' long ticks, and behind the bars and lines, not across
        # them (pyqtgraph gives the right axis one too, and draws axes over the data).
        plot.getAxis("right").setGrid(False)
        plot.getAxis("left").setZValue(-200)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(
            "Left and right arrow keys step through the points; Home and End go to the "
            "first and last. The numbers of the point appear under the chart."
        )
        #: The point the arrow keys are on (an index into keyboard_points()), if any.
        self.cursor_index: int | None = None
        self.cursor_line = pg.InfiniteLine(
            angle=90, movable=False, pen=style.pen(style.foreground(palette), 1.5, dashed=True)
        )
        self.cursor_line.setVisible(False)
        plot.addItem(self.cursor_line, ignoreBounds=True)

    def _mouse_moved(self, position: QPointF) -> None:
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(position):
            self.hovered.emit("")
            return
        point = plot.vb.mapSceneToView(position)
        self.hovered.emit(self.describe_at(point.x(), point.y()))

    def describe_at(self, x: float, y: float) -> str:
        return ""

    def keyboard_points(self) -> list[tuple[float, float]]:
        """The points the arrow keys step through, left to right, in data coordinates."""
        return []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        points = self.keyboard_points()
        key = event.key()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if not points or key not in (*steps, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End or self.cursor_index is None:
            index = len(points) - 1
        else:
            index = min(max(self.cursor_index + steps[Qt.Key(key)], 0), len(points) - 1)
        self.move_cursor(index)
        event.accept()

    def move_cursor(self, index: int | None) -> str:
        """Put the keyboard cursor on a point and say what is there; returns the text."""
        points = self.keyboard_points()
        if index is None or not points:
            self.cursor_index = None
            self.cursor_line.setVisible(False)
            return ""
        self.cursor_index = min(index, len(points) - 1)
        x, y = points[self.cursor_index]
        self.cursor_line.setPos(x)
        self.cursor_line.setVisible(True)
        text = self.describe_at(x, y)
        self.setAccessibleDescription(text)
        self.hovered.emit(text)
        return text

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Arriving by keyboard shows the newest point at once, so the numbers are there.
        if self.cursor_index is None:
            self.move_cursor(len(self.keyboard_points()) - 1 if self.keyboard_points() else None)
        else:
            self.move_cursor(self.cursor_index)

    def data_changed(self) -> None:
        """Subclasses call this after new data: the old cursor index means nothing now."""
        self.move_cursor(None)

    def legend_html(self) -> str:
        """A legend shown under the chart, for charts whose plot has no room for one."""
        return ""


def nearest(xs: list[float], x: float, within: float) -> int | None:
    """Index of the value in sorted `xs` nearest to `x`, if it is within `within`."""
    if not xs:
        return None
    best = min(range(len(xs)), key=lambda i: abs(xs[i] - x))
    return best if abs(xs[best] - x) <= within else None
