"""Dialogs that fit small screens: the body scrolls, the buttons stay in view.

At 150 % scaling a 1280x800 screen is 853x533 logical pixels; the walk form alone is
taller than that. A dialog puts its fields in a ScrollingBody and its buttons below it,
and calls fit_to_screen once built. When its body grows later (a problem shown under a
field, rows shown for a choice), grow_to_show makes the window taller, within the screen,
so that nothing the patient must read is hidden below the fold.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

from sciajournal.ui.widgets.screen_room import available_size

#: The body never asks to be shorter than this, so a few rows always show.
MINIMUM_BODY_HEIGHT = 120


class ScrollingBody(QScrollArea):
    """Shows `content` whole when there is room, and scrolls it when there is not."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The area itself is not a Tab stop: Tab goes straight to the fields, and
        # QScrollArea scrolls each focused field into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _scroll_bar_width(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:
        # QScrollArea caps its hint at 24 lines; a form should open whole where it fits.
        content = self.content.sizeHint()
        return QSize(content.width() + self._scroll_bar_width(), content.height())

    def minimumSizeHint(self) -> QSize:
        content = self.content.minimumSizeHint()
        height = min(content.height(), MINIMUM_BODY_HEIGHT)
        return QSize(content.width() + self._scroll_bar_width(), height)


def grow_to_show(window: QWidget, body: ScrollingBody) -> None:
    """Make `window` as much taller as `body`'s content now needs, within the screen,
    moving it up if its bottom would leave the screen; it never shrinks (the patient may
    have made it bigger). Where the screen is too small, the body scrolls as before."""
    content = body.content
    width = body.viewport().width()
    needed = content.heightForWidth(width) if content.hasHeightForWidth() else -1
    needed = max(needed, content.minimumSizeHint().height(), content.sizeHint().height())
    extra = needed - body.viewport().height()
    room = available_size(window)
    height = min(window.height() + extra, room.height())
    if extra <= 0 or height <= window.height():
        return
    window.resize(window.width(), height)
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.bottom() > screen.bottom():
        window.move(frame.x(), max(screen.top(), frame.y() - (frame.bottom() - screen.bottom())))


def fit_to_screen(window: QWidget) -> None:
    """Size a window to its contents, but no larger than the screen it opens on."""
    room = available_size(window)
    wanted = window.sizeHint().expandedTo(window.minimumSizeHint())
    window.resize(wanted.boundedTo(room))
