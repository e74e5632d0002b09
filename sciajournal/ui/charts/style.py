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
#: A darker amber than Okabe-Ito's yellow, which is faint on white (1.3:1).
AMBER = QColor("#9A6700")
#: WCAG's least contrast for a mark that must be seen (success criterion 1.4.11).
MARK_CONTRAST = 3.0


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


def blend(colour: QColor, over: QColor, alpha: float | None = None) -> QColor:
    """`colour` at `alpha` (0-1; else its own) over `over`, as one opaque colour.

    The charts draw opaque colours only: with Qt's software painter a translucent fill
    or line cost ten times an opaque one (a 10-year chart's bars took 50 ms to paint).
    """
    share = colour.alphaF() if alpha is None else alpha
    mixed = QColor()
    mixed.setRgbF(
        colour.redF() * share + over.redF() * (1 - share),
        colour.greenF() * share + over.greenF() * (1 - share),
        colour.blueF() * share + over.blueF() * (1 - share),
    )
    return mixed


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance, 0 (black) to 1 (white)."""

    def linear(part: float) -> float:
        return part / 12.92 if part <= 0.04045 else ((part + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(p) for p in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(colour: QColor, *backgrounds: QColor) -> QColor:
    """`colour`, or the nearest shade of it that stands out from each of `backgrounds` by
    MARK_CONTRAST: darkened on light backgrounds, lightened on dark ones. For marks and
    legend glyphs, which have no outline of their own."""
    shade = QColor(colour)
    for background in backgrounds:
        towards = QColor("black") if luminance(background) > 0.18 else QColor("white")
        share = 1.0
        while contrast(shade, background) < MARK_CONTRAST and share > 0:
            share = round(share - 0.05, 2)
            shade = blend(colour, towards, share)
    return shade


def bar_brush(palette: QPalette) -> QBrush:
    return QBrush(blend(SKY, background(palette), 0.43 if is_dark(palette) else 0.67))


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
