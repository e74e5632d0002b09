"""Saving the visible chart as PNG or SVG.

SVG goes through QSvgGenerator and QPainter rather than pyqtgraph's SVGExporter, which
raises with current Qt (pyqtgraph issue #3485). Both render the whole scene, so the pain
axis (a second view box) and the legend are included.
"""

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView

PNG_SCALE = 2  # sharper than the screen, for documents


def _render(view: QGraphicsView, painter: QPainter, target: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    source = QRectF(view.viewport().rect())
    view.render(painter, target, source.toRect())


def export_png(view: QGraphicsView, path: Path) -> None:
    size = view.viewport().size() * PNG_SCALE
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(
        view.backgroundBrush().color()
        if view.backgroundBrush().style() != Qt.BrushStyle.NoBrush
        else Qt.GlobalColor.white
    )
    painter = QPainter(image)
    try:
        _render(view, painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # stub wants bytes; PySide6 takes str
        raise OSError(f"could not write {path}")


def export_svg(view: QGraphicsView, path: Path, title: str = "SciaJournal chart") -> None:
    size: QSize = view.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Exported from SciaJournal")
    painter = QPainter(generator)
    try:
        _render(view, painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
