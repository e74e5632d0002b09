"""Run by test_small_screen.py in its own process: the app on a 1280x800 screen at 150 %.

Prints one JSON line per window: its geometry and that of each visible button, in
logical pixels of the screen, which is 853x533 at that scale.
"""

import json
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.every_window import add_walk_awaiting_follow_up, visit_every_window

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=MACHINE_OFFSET)


def on_screen(widget: QWidget) -> list[int]:
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def scrolled(widget: QWidget) -> bool:
    """Inside a scrolling area: the user scrolls to it, so it need not be in view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def report(name: str, widget: QWidget) -> None:
    window = widget.window()
    buttons = [
        {"text": b.text() or b.accessibleName(), "rect": on_screen(b)}
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and b.window() is window and not scrolled(b)
    ]
    screen = window.screen().availableGeometry()
    print(
        json.dumps(
            {
                "name": name,
                "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
                "window": [window.x(), window.y(), window.width(), window.height()],
                "buttons": buttons,
            }
        ),
        flush=True,
    )


def main() -> int:
    app = QApplication(sys.argv)
    with Journal.open(Path(sys.argv[1])) as journal:
        add_walk_awaiting_follow_up(journal, NOW)
        window = MainWindow(journal, clock=lambda: NOW)
        window.show()
        QTest.qWaitForWindowExposed(window)
        visit_every_window(window, report, QTest.qWait)
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
