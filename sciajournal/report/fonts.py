"""The report's font, bundled: with no usable system fonts Qt would write PDFs without text."""

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QPainter

from sciajournal.resource_files import resource_path

FONT_FILES = ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf")
LOGICAL_DPI = 96  # the report is drawn in 1/96 inch, whatever the device's resolution


@cache
def report_font_family() -> str:
    """Register the bundled fonts (once; needs a QGuiApplication) and return their family."""
    family = "DejaVu Sans"
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(name)))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def report_font(point_size: float = 9.5) -> QFont:
    """The report font without ligatures: text copied from the PDF reads "first", not "ﬁrst"."""
    font = QFont(report_font_family())
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def painter_font(painter: QPainter, point_size: float) -> QFont:
    """The report font for `painter`'s own drawText, sized in the report's logical units.

    Qt sizes a point-size font for the device's resolution (7.5 pt is 125 pixels on a
    1200-dpi printer) and the painter's scale to logical units then enlarges it again,
    12.5 times. Sized as if the device were 96 dpi, the text and painter.fontMetrics()
    are in logical units on every device, and the printout matches the PDF.
    """
    return report_font(point_size * LOGICAL_DPI / painter.device().logicalDpiY())
