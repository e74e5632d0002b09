"""Saving the visible chart as PNG or SVG (atomically, owner-only), as a picture that
explains itself to a doctor.

The saved image has the chart's title and period (with years: the axis shows "09 Mar")
above the plot, and below it what the window shows under the chart: the legend and any
notes (the response chart's pain by walk length and next-day correlation). The keyboard
cursor line is not data: it is hidden while the plot is drawn into the file and shown
again afterwards, so the window's chart stays as it was.

SVG goes through QSvgGenerator and QPainter rather than pyqtgraph's SVGExporter, which
raises with current Qt (pyqtgraph issue #3485). Both render the whole scene, so the pain
axis (a second view box) is included. Text is drawn as text, so an SVG can be searched.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator

from sciajournal.safe_files import atomic_output
from sciajournal.ui.charts import style
from sciajournal.ui.charts.base_chart import BaseChart

PNG_SCALE = 2  # sharper than the screen, for documents
MARGIN = 12.0


def period_text(first: date, last: date) -> str:
    """ "1 Sep 2026 – 27 Nov 2026"."""
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


@dataclass(frozen=True)
class Caption:
    """What the saved image says around the plot."""

    title: str
    period: str
    #: The legend as shown under the chart (HTML); may be empty.
    legend_html: str = ""
    #: Plain text shown under the legend (lines apart); may be empty.
    notes: str = ""


class Layout:
    """Where the heading, the plot and the legend go in the saved image."""

    def __init__(self, chart: BaseChart, caption: Caption) -> None:
        self.chart = chart
        self.caption = caption
        self.plot_size = QSizeF(chart.viewport().size())
        width = self.plot_size.width()
        self.title_font = QFont(chart.font())
        self.title_font.setBold(True)
        self.title_font.setPointSizeF(chart.font().pointSizeF() * 1.3)
        self.title_height = QFontMetricsF(self.title_font).height()
        self.period_height = QFontMetricsF(chart.font()).height()
        self.heading = MARGIN + self.title_height + self.period_height + MARGIN / 2
        # The legend's items flow in rows, each kept whole; plain spaces inside them
        # (the window's legend has no-break spaces) so that a saved SVG can be searched.
        self.legend: list[tuple[QPointF, QTextDocument]] = []
        x = y = row_height = 0.0
        for item in caption.legend_html.split(" &nbsp; ") if caption.legend_html else []:
            document = QTextDocument()
            document.setDefaultFont(chart.font())
            document.setDocumentMargin(0)
            document.setHtml(item.replace("&nbsp;", " "))
            document.setTextWidth(width - 2 * MARGIN)  # a long item wraps within the page
            item_size = QSizeF(document.idealWidth(), document.size().height())
            if x > 0 and x + item_size.width() > width - 2 * MARGIN:
                x, y = 0.0, y + row_height
            self.legend.append((QPointF(x, y), document))
            x += item_size.width() + 2 * MARGIN
            row_height = max(row_height, item_size.height())
        legend_height = y + row_height + MARGIN / 2 if self.legend else 0.0
        self.notes: tuple[QPointF, QTextDocument] | None = None
        if caption.notes:
            document = QTextDocument()
            document.setDefaultFont(chart.font())
            document.setDocumentMargin(0)
            document.setPlainText(caption.notes)
            document.setTextWidth(width - 2 * MARGIN)
            self.notes = (QPointF(0, legend_height), document)
            legend_height += document.size().height() + MARGIN / 2
        below = legend_height + MARGIN / 2 if legend_height else 0.0
        self.size = QSizeF(width, self.heading + self.plot_size.height() + below)

    def paint(self, painter: QPainter) -> None:
        chart = self.chart
        palette = chart.palette()
        ink = style.foreground(palette)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, self.size.width(), self.size.height()), _paper(chart))
        painter.setPen(ink)
        painter.setFont(self.title_font)
        inner = self.size.width() - 2 * MARGIN
        painter.drawText(
            QRectF(MARGIN, MARGIN, inner, self.title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.caption.title,
        )
        painter.setFont(chart.font())
        painter.drawText(
            QRectF(MARGIN, MARGIN + self.title_height, inner, self.period_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.caption.period,
        )
        target = QRectF(0, self.heading, self.plot_size.width(), self.plot_size.height())
        cursor_shown = chart.cursor_line.isVisible()
        chart.cursor_line.setVisible(False)  # where the keyboard is, not data
        try:
            chart.render(painter, target, chart.viewport().rect())
        finally:
            chart.cursor_line.setVisible(cursor_shown)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, ink)
        for at, document in [*self.legend, *([self.notes] if self.notes else [])]:
            painter.save()
            painter.translate(at + QPointF(MARGIN, target.bottom() + MARGIN / 2))
            document.documentLayout().draw(painter, context)
            painter.restore()


def _paper(chart: BaseChart) -> QColor:
    brush = chart.backgroundBrush()
    if brush.style() != Qt.BrushStyle.NoBrush:
        return brush.color()
    return style.background(chart.palette())


def export_png(chart: BaseChart, path: Path, caption: Caption) -> None:
    layout = Layout(chart, caption)
    size = (layout.size * PNG_SCALE).toSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(_paper(chart))
    # Scaled by the pixel ratio, not the painter: pyqtgraph draws a plot's legend ignoring
    # the painter's transformations (ItemIgnoresTransformations), and painter.scale left
    # it at half the size of every other text in the file.
    image.setDevicePixelRatio(PNG_SCALE)
    painter = QPainter(image)
    try:
        layout.paint(painter)
    finally:
        painter.end()
    with atomic_output(path) as temporary:
        if not image.save(str(temporary), "PNG"):  # type: ignore[call-overload]  # stub wants bytes; PySide6 takes str
            raise OSError(f"could not write {path}")


def export_svg(chart: BaseChart, path: Path, caption: Caption) -> None:
    layout = Layout(chart, caption)
    size: QSize = layout.size.toSize()
    with atomic_output(path) as temporary:
        generator = QSvgGenerator()
        generator.setFileName(str(temporary))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(f"{caption.title}, {caption.period}")
        generator.setDescription("Exported from SciaJournal")
        painter = QPainter(generator)
        try:
            layout.paint(painter)
        finally:
            painter.end()
        if temporary.stat().st_size == 0:
            raise OSError(f"could not write {path}")
