"""The summary's rich text: its style sheet, and documents laid out in 1/96 inch.

Shared by page one (summary_document) and the pages after it (detail_pages), so a block
measured while paginating is laid out exactly as it is drawn.
"""

from functools import cache

from PySide6.QtGui import QImage, QTextDocument

from sciajournal.report.fonts import LOGICAL_DPI, report_font

STYLE = """
h1 { font-size: 15pt; font-weight: bold; margin: 0; }
h2, .head { font-size: 11pt; font-weight: bold; margin-top: 7px; margin-bottom: 2px; }
p { margin: 0 0 3px 0; }
td, th { padding: 2px 5px; }
th { font-weight: bold; text-align: left; border-bottom: 1px solid black; }
.small { font-size: 8pt; }
"""

BODY_POINTS = 9.5


@cache
def _layout_device() -> QImage:
    """A 96-dpi paint device to lay text out on, whatever screen (or none) this runs on.

    Kept for the life of the process: the document layout holds a raw pointer to it.
    """
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(LOGICAL_DPI / 0.0254))
    device.setDotsPerMeterY(round(LOGICAL_DPI / 0.0254))
    return device


def document(html: str, width: float, size: float = BODY_POINTS) -> QTextDocument:
    """`html` laid out `width` logical units wide (words longer than that are broken)."""
    laid_out = QTextDocument()
    laid_out.documentLayout().setPaintDevice(_layout_device())
    laid_out.setDefaultFont(report_font(size))
    laid_out.setDefaultStyleSheet(STYLE)
    laid_out.setDocumentMargin(0)
    laid_out.setHtml(html)
    laid_out.setTextWidth(width)
    return laid_out


def height(html: str, width: float, size: float = BODY_POINTS) -> float:
    return document(html, width, size).size().height()
