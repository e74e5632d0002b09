"""Colours shared by the journal's rows, the forms and the red-flag notice.

Its own module so that the journal list can use it without importing the forms (and
their date editors), which are only needed when one is first opened (issue 14).
"""

from PySide6.QtGui import QColor, QPalette


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on the current light or dark background."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")
