"""How much of the screen a window may take: for the main window's first size and dialogs.

Apart from scrolling_body because the main window needs it before its first paint, and
scrolling_body's Qt namespace and QStyle cost PySide6 tens of milliseconds to set up.
"""

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Left for the window frame and title bar, which the window manager adds outside.
FRAME_ROOM = QSize(16, 40)


def available_size(widget: QWidget) -> QSize:
    """The screen area a window of `widget` can use, less the window frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() - FRAME_ROOM
