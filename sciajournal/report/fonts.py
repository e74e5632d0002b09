"""The report's font, bundled: with no usable system fonts Qt would write PDFs without text."""

from functools import cache

from PySide6.QtGui import QFontDatabase

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
