"""The report's font, bundled: with no usable system fonts Qt would write PDFs without text."""

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from sciajournal.resource_files import resource_path

FONT_FILES = ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf")


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
