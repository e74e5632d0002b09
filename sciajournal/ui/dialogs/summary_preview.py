"""The print preview of the summary, which owns the printer it previews on.

QPrintPreviewDialog only borrows its QPrinter (a plain C++ object, not a QObject): a
printer held in a local variable is freed when the opening function returns and the
preview then paints on freed memory. This dialog keeps it as an attribute instead.
"""

from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QWidget

from sciajournal.report.summary_document import page_layout


class SummaryPreview(QPrintPreviewDialog):
    def __init__(
        self,
        paper: str,
        render: Callable[[QPagedPaintDevice], object],
        parent: QWidget | None = None,
    ) -> None:
        self.owned_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.owned_printer.setPageLayout(page_layout(paper))
        self.owned_printer.setDocName("SciaJournal summary")
        super().__init__(self.owned_printer, parent)
        self.setWindowTitle("Summary for your clinician: preview")
        self.paintRequested.connect(render)
        name_preview_controls(self)


def name_preview_controls(preview: QPrintPreviewDialog) -> None:
    """Qt's zoom box, page field and page view have no names a screen reader could say."""
    for widget in preview.findChildren(QWidget):
        if widget.accessibleName():
            continue
        if isinstance(widget, QComboBox):
            widget.setAccessibleName("Zoom")
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QComboBox):
            widget.setAccessibleName("Page number")
        elif isinstance(widget, QGraphicsView):
            widget.setAccessibleName("Summary pages")
