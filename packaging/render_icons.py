"""Render resources/sciajournal.svg into the icon files the platforms want, with Qt's own SVG
renderer (no extra tool): hicolor PNGs for Linux, an .ico for Windows, an .icns for macOS.

    python packaging/render_icons.py OUT_DIR

writes OUT_DIR/hicolor/<size>x<size>/apps/sciajournal.png, OUT_DIR/sciajournal.ico and
OUT_DIR/sciajournal.icns (the last two only where Qt has the image plugin to write them).
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "sciajournal.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(out_dir: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    for size in HICOLOR_SIZES:
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / "sciajournal.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
    # Windows and macOS icons: the largest size each format handles well.
    render(renderer, 256).save(str(out_dir / "sciajournal.ico"), "ICO")
    render(renderer, 512).save(str(out_dir / "sciajournal.icns"), "ICNS")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
