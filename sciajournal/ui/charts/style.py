"""Colours and marks for the charts: colour-blind safe (Okabe-Ito), and told apart in
greyscale print by line style, marker shape and fill pattern, not by colour alone."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QPen

BLUE = QColor("#0072B2")
VERMILLION = QColor("#D55E00")
ORANGE = QColor("#E69F00")
SKY = QColor("#56B4E9")
GREEN = QColor("#009E73")
GREY = QColor("#888888")
YELLOW = QColor("#F0E442")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def foreground(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.WindowText)


def background(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Base)


def back_colour(palette: QPalette) -> QColor:
    """Back pain's line: Okabe-Ito blue on a light palette; on a dark one the blue vanishes
    over the sky-blue bars, so yellow (still told apart by its dashes and squares)."""
    return YELLOW if is_dark(palette) else BLUE


def bar_brush(palette: QPalette) -> QBrush:
    colour = QColor(SKY)
    colour.setAlpha(110 if is_dark(palette) else 170)
    return QBrush(colour)


def exceeded_brush() -> QBrush:
    """Hatched, so a bar above the guide stands out on a black-and-white printout too."""
    brush = QBrush(ORANGE, Qt.BrushStyle.BDiagPattern)
    return brush


def pen(colour: QColor, width: float = 2.0, dashed: bool = False) -> QPen:
    line = QPen(colour)
    line.setWidthF(width)
    line.setCosmetic(True)
    if dashed:
        line.setStyle(Qt.PenStyle.DashLine)
    return line


#: Leg pain: solid vermillion with circles; back pain: dashed blue with squares.
LEG = {"colour": VERMILLION, "dashed": False, "symbol": "o"}
BACK = {"colour": BLUE, "dashed": True, "symbol": "s"}
#: Outcome marks in the dose-response chart.
OUTCOME_MARKS = {
    "settled": {"colour": BLUE, "symbol": "o", "filled": True},
    "pain_continued": {"colour": VERMILLION, "symbol": "t", "filled": True},
    "awaiting_follow_up": {"colour": GREY, "symbol": "s", "filled": False},
    "not_judged": {"colour": ORANGE, "symbol": "d", "filled": False},
}
