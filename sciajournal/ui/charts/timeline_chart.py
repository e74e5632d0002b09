"""Daily (or weekly) walking minutes as bars, back and leg pain as lines on a second axis."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from sciajournal.analysis.red_flags import WORDING, Urgency
from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart, nearest
from sciajournal.ui.charts.chart_data import DAY, TimelineData
from sciajournal.ui.charts.date_axis import DateAxis

FLAG_Y = 10.4  # where the "pain continued" marks sit, just above the 0-10 scale
RED_FLAG_Y = 11.1  # red-flag checks that found a sign: a row above those
PAIN_TOP = 11.7
#: A red-flag check's mark by its grade: stars, unlike any other mark on the chart, told
#: apart by size and fill, not by colour alone (colour-blind readers, greyscale prints):
#: emergency, large and filled dark red; same day, filled orange; soon, hollow, its thick
#: outline a dark amber (Okabe-Ito's yellow fill was faint on white). Colour, size, filled.
RED_FLAG_MARKS: dict[Urgency, tuple[QColor, int, bool]] = {
    Urgency.EMERGENCY: (QColor("#B2182B"), 20, True),
    Urgency.SAME_DAY: (style.ORANGE, 17, True),
    Urgency.SOON: (style.AMBER, 16, False),
}
#: The legend's glyph for a filled and a hollow star.
STAR_GLYPHS = {True: "★", False: "☆"}
TREATMENT_Y, MEDICATION_Y = 0.25, 0.7
#: Beyond this many days (or weeks) the pain lines go without their markers: these
#: then overlap into a band (ten years by week put them 2 px apart), and placing them
#: was most of a redraw. Dashes and colours still tell leg and back pain apart.
MARKED_POINTS = 150


class TimelineChart(BaseChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": DateAxis()})
        plot = self.getPlotItem()
        plot.setLabel("left", "Walking (minutes)")
        plot.showAxis("right")
        plot.setLabel("right", "Pain (0-10)")
        plot.vb.setMouseEnabled(x=True, y=False)  # zoom and pan along time only

        # Pain has its own fixed 0-10 view box sharing the time axis.
        self.pain_box = pg.ViewBox(enableMouse=False, enableMenu=False)
        # Drawn over the bars, but the mouse still reaches the time axis' view box below.
        self.pain_box.setZValue(plot.zValue() + 10)
        self.pain_box.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.pain_box.setAcceptHoverEvents(False)
        plot.scene().addItem(self.pain_box)
        plot.getAxis("right").linkToView(self.pain_box)
        self.pain_box.setXLink(plot)
        self.pain_box.setYRange(0, PAIN_TOP, padding=0)
        # The scale stays 0-10: above it sit the rows of marks.
        plot.getAxis("right").setTicks([[(value, str(value)) for value in range(0, 11, 2)]])
        plot.vb.sigResized.connect(self._align_pain_box)

        palette = self.palette()
        self.bars = pg.BarGraphItem(x=[], height=[], width=DAY, brush=style.bar_brush(palette))
        self.bars.setOpts(pen=pg.mkPen(style.SKY.darker(130)))
        plot.addItem(self.bars)
        self.leg_max = pg.ErrorBarItem(pen=style.pen(style.VERMILLION, 1))
        back_colour = style.back_colour(palette)
        self.back_max = pg.ErrorBarItem(pen=style.pen(back_colour, 1, dashed=True))
        self.leg_line = self._line(style.LEG)
        self.back_line = self._line({**style.BACK, "colour": back_colour})
        self._symbols = {self.leg_line: style.LEG["symbol"], self.back_line: style.BACK["symbol"]}
        self.flags = pg.ScatterPlotItem(
            symbol="t",
            size=12,
            brush=pg.mkBrush(style.VERMILLION),
            pen=pg.mkPen(style.foreground(palette)),
        )
        self.treatments = pg.ScatterPlotItem(
            symbol="d", size=7, brush=pg.mkBrush(style.GREEN), pen=None
        )
        self.medications = pg.ScatterPlotItem(
            symbol="+", size=9, pen=pg.mkPen(style.foreground(palette)), brush=None
        )
        self.red_flags = {grade: self._red_flag_marks(grade) for grade in RED_FLAG_MARKS}
        for item in (self.leg_max, self.back_max, self.leg_line, self.back_line,
                     self.flags, self.treatments, self.medications,
                     *reversed(self.red_flags.values())):  # fmt: skip  # emergency on top
            self.pain_box.addItem(item)
        self.data = TimelineData(by_week=False)
        #: The x values each row of marks shows, so that a redraw leaves unchanged rows be.
        self._marks_shown: dict[pg.ScatterPlotItem, list[float]] = {}

    def _red_flag_marks(self, grade: Urgency) -> pg.ScatterPlotItem:
        colour, size, filled = RED_FLAG_MARKS[grade]
        palette = self.palette()
        if filled:  # a dark outline: an orange fill alone is faint on white
            brush, edge = pg.mkBrush(colour), pg.mkPen(style.foreground(palette), width=1.3)
        else:  # the chart's background inside: the star reads as hollow
            outline = style.legible(colour, style.background(palette))
            brush, edge = pg.mkBrush(style.background(palette)), pg.mkPen(outline, width=2.4)
        return pg.ScatterPlotItem(symbol="star", size=size, brush=brush, pen=edge)

    def _line(self, look: dict[str, object]) -> pg.PlotDataItem:
        colour = look["colour"]
        return pg.PlotDataItem(
            pen=style.pen(colour, 2.2, dashed=bool(look["dashed"])),  # type: ignore[arg-type]
            symbol=look["symbol"],
            symbolSize=6,
            symbolBrush=pg.mkBrush(colour),
            symbolPen=None,
            connect="finite",
        )

    def _align_pain_box(self) -> None:
        plot = self.getPlotItem()
        self.pain_box.setGeometry(plot.vb.sceneBoundingRect())
        self.pain_box.linkedViewChanged(plot.vb, self.pain_box.XAxis)

    def show_data(self, data: TimelineData) -> None:
        self.data = data
        x = np.array(data.x, dtype=float)
        self.bars.setOpts(x=x, height=np.array(data.minutes, dtype=float), width=data.bar_width)
        for line, mean, maximum, whiskers in (
            (self.leg_line, data.leg_mean, data.leg_max, self.leg_max),
            (self.back_line, data.back_mean, data.back_max, self.back_max),
        ):
            means = np.array(mean, dtype=float)
            marked = len(data.x) <= MARKED_POINTS
            if marked != (line.opts["symbol"] is not None):
                line.setSymbol(self._symbols[line] if marked else None)
            line.setData(x, means)
            rated = ~np.isnan(means)
            offset = DAY * (0.12 if line is self.leg_line else -0.12) * (7 if data.by_week else 1)
            whiskers.setData(
                x=x[rated] + offset,
                y=means[rated],
                top=np.array(maximum, dtype=float)[rated] - means[rated],
                bottom=np.zeros(int(rated.sum())),
                beam=data.bar_width * 0.25,
            )
        for marks, xs, y in (
            (self.flags, data.flagged_x, FLAG_Y),
            (self.treatments, data.treatment_x, TREATMENT_Y),
            (self.medications, data.medication_x, MEDICATION_Y),
            *((self.red_flags[grade], xs, RED_FLAG_Y) for grade, xs in data.red_flag_x.items()),
        ):
            if self._marks_shown.get(marks) != xs:
                marks.setData(x=xs, y=[y] * len(xs))
                self._marks_shown[marks] = list(xs)
        plot = self.getPlotItem()
        if data.x:
            plot.setXRange(data.x[0] - data.bar_width, data.x[-1] + data.bar_width, padding=0.01)
        top = max(data.minutes, default=0)
        plot.setYRange(0, max(10.0, top * 1.08), padding=0)
        self._align_pain_box()
        self.data_changed()

    def legend_html(self) -> str:
        unit = "week" if self.data.by_week else "day"
        back = style.back_colour(self.palette())
        items: list[tuple[QColor | None, str, str]] = [
            (style.SKY.darker(130), "▮", f"walking minutes per {unit}"),
            (style.VERMILLION, "●—", "leg pain"),
            (back, "■ - -", "back pain (mean; whisker up to the worst rating)"),
            (style.VERMILLION, "▼", "pain continued after a walk"),
            (style.GREEN, "◆", "ice/heat"),
            (None, "+", "medication"),
        ]
        items += [
            (
                RED_FLAG_MARKS[grade][0],
                STAR_GLYPHS[RED_FLAG_MARKS[grade][2]],
                f"red flag found: {WORDING[grade].grade.lower()}",
            )
            for grade, xs in self.data.red_flag_x.items()
            if xs
        ]
        # Shown on the window (the legend under the chart) and on the paper of a saved
        # image: a glyph has no outline, so its colour must stand out from both.
        grounds = (
            self.palette().color(QPalette.ColorRole.Window),
            style.background(self.palette()),
        )

        def nowrap(text: str) -> str:  # a narrow window wraps between items, not inside
            return text.replace(" ", "&nbsp;")

        def item(colour: QColor | None, mark: str, text: str) -> str:
            if colour is not None:
                shade = style.legible(colour, *grounds)
                # The stars larger: a text-sized hollow star is a hairline.
                size = "font-size:x-large;font-weight:bold;" if mark in STAR_GLYPHS.values() else ""
                mark = f'<span style="{size}color:{shade.name()}">{nowrap(mark)}</span>'
            return f"{mark}&nbsp;{nowrap(text)}"

        return " &nbsp; ".join(item(*each) for each in items)

    def keyboard_points(self) -> list[tuple[float, float]]:
        return [(x, 0.0) for x in self.data.x]

    def describe_at(self, x: float, y: float) -> str:
        width = DAY * (3.5 if self.data.by_week else 0.5)
        index = nearest(self.data.x, x, width)
        return "" if index is None else self.data.hover[index]
