"""Guards against a Qt binding that breaks us: PySide6 6.12.0 crashes Python 3.11 processes.

Its void QPainter methods release a reference to None they never took; on Python 3.11
None is not immortal, so a few thousand calls (one chart redraw, one summary PDF) abort
the process with "Fatal Python error: none_dealloc". pyproject.toml excludes it; this
test fails on any binding that still does it.
"""

import subprocess
import sys
import textwrap

PAINT_LOOP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    app = QGuiApplication([])
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    for _ in range(20000):
        painter = QPainter(image)
        painter.save()
        painter.restore()
        painter.end()
    print("painted")
    """
)


def test_many_void_painter_calls_do_not_crash_the_process():
    result = subprocess.run(
        [sys.executable, "-c", PAINT_LOOP], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "painted" in result.stdout
    assert "none_dealloc" not in result.stderr
