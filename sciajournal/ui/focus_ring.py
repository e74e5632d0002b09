"""A clearly visible ring around whatever has the keyboard focus, in any palette.

Fusion marks focus with a faint one-pixel tint that many people cannot see (four Tab
presses in the journal window looked like nothing happened). One QFocusFrame for the
whole application follows the focus and draws a 2-px ring in the highlight colour,
strengthened where the highlight is too close to the window colour (some dark themes).
A widget that shows focus itself sets the property OWN_FOCUS_INDICATOR.
"""

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

OWN_FOCUS_INDICATOR = "ownFocusIndicator"
RING_WIDTH = 2
#: WCAG 2.1 asks 3:1 against the background for a focus indicator.
MINIMUM_CONTRAST = 3.0


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour, made lighter or darker until it stands out from the window."""
    background = palette.color(QPalette.ColorRole.Window)
    colour = palette.color(QPalette.ColorRole.Highlight)
    dark_background = background.lightness() < 128
    for _ in range(8):
        if contrast(colour, background) >= MINIMUM_CONTRAST:
            break
        colour = colour.lighter(130) if dark_background else colour.darker(130)
    return colour


class FocusRing(QFocusFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if self.widget() is not None and watched is self.widget():
            # Fusion stacks a focus frame under its widget and masks it to the margin
            # outside it; where the ring has to sit on the widget's edge (see
            # visible_rect) it must be on top and unmasked to be seen.
            self.clearMask()
            self.raise_()
        return handled

    def visible_rect(self) -> QRect:
        """Where the ring is drawn: around the widget, or on its edge where an ancestor
        would cut the outside off (a field flush with the top of its bar)."""
        rect = self.rect()
        ancestor = self.parentWidget()
        while ancestor is not None:
            rect = rect.intersected(QRect(self.mapFrom(ancestor, QPoint(0, 0)), ancestor.size()))
            if ancestor.isWindow():
                break
            ancestor = ancestor.parentWidget()
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.widget() is None:
            return
        painter = QPainter(self)
        colour = ring_colour(self.widget().palette())
        # Two filled bands per side: exact pixels, whatever the painter's pen rules.
        rect = self.visible_rect()
        x, y, w, h, t = rect.x(), rect.y(), rect.width(), rect.height(), RING_WIDTH
        for band in (QRect(x, y, w, t), QRect(x, y + h - t, w, t)):
            painter.fillRect(band, colour)
        for band in (QRect(x, y, t, h), QRect(x + w - t, y, t, h)):
            painter.fillRect(band, colour)


def wants_ring(widget: QWidget | None) -> bool:
    if widget is None or widget.property(OWN_FOCUS_INDICATOR):
        return False
    # Popups (a combo box's list, the calendar) show their current item themselves.
    return widget.window().windowType() != Qt.WindowType.Popup


class FocusRingFollower(QObject):
    """Moves the one ring to each newly focused widget."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)

    @property
    def ring(self) -> FocusRing:
        # The frame lives beside the widget it rings (as its sibling), so closing a dialog
        # deletes it with the dialog: then a new one is made.
        if self._ring is None or not shiboken6.isValid(self._ring):
            self._ring = FocusRing()
        return self._ring

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self.ring
        if new is not None and wants_ring(new):
            ring.setWidget(new)
            ring.show()
            ring.clearMask()
            ring.raise_()
        else:
            ring.setWidget(None)  # type: ignore[arg-type]
            ring.hide()


def install_focus_ring() -> FocusRingFollower | None:
    """Once per application; later calls return the one already installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    existing = app.findChild(FocusRingFollower)
    return existing if existing is not None else FocusRingFollower(app)
