"""Every focusable widget in every window and dialog has a name a screen reader can say.

A name is the widget's accessible name, the text of a button or check box, or a label
whose buddy it is. A spin box's or combo box's own line edit is named by its box.
"""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)

from sciajournal.ui.main_window import MainWindow
from tests.clocks import MACHINE_OFFSET
from tests.ui.every_window import add_walk_awaiting_follow_up, visit_every_window

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=MACHINE_OFFSET)


def spoken_name(widget: QWidget, buddies: set[int]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "")
    if isinstance(widget, QTabBar) and all(
        widget.tabText(i).strip() for i in range(widget.count())
    ):
        return widget.tabText(widget.currentIndex()).replace("&", "")
    if id(widget) in buddies:
        return "(its label)"
    return ""


def part_of_a_named_box(widget: QWidget) -> bool:
    """The line edit inside a spin, date or combo box: the box carries the name."""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def unnamed_in(window: QWidget) -> list[str]:
    labels = window.findChildren(QLabel)
    buddies = {id(label.buddy()) for label in labels if label.buddy() is not None}
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or part_of_a_named_box(widget):
            continue
        if widget.focusProxy() is not None:  # focus goes on to the proxy, checked itself
            continue
        if not spoken_name(widget, buddies):
            parent = widget.parentWidget()
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r}"
                f" in {type(parent).__name__} {parent.objectName() if parent else ''!r}"
            )
    return missing


@pytest.fixture
def window(qtbot, journal):
    add_walk_awaiting_follow_up(journal, NOW)
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_every_focusable_widget_of_every_window_has_a_name(qtbot, window):
    problems: dict[str, list[str]] = {}

    def inspect(name: str, widget: QWidget) -> None:
        missing = unnamed_in(widget.window())
        if missing:
            problems[name] = missing

    seen = visit_every_window(window, inspect, qtbot.wait)
    assert len(seen) >= 16
    assert not problems, "\n".join(f"{name}: {', '.join(m)}" for name, m in problems.items())


def test_a_pain_scale_says_its_name_and_its_value(qtbot, window):
    window.log_pain_action.trigger()
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    form = window.active_form
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert form.back.accessibleName().endswith(", not rated")
    form.back.setFocus()
    qtbot.keyClick(form.back, "4")
    assert form.back.accessibleName() == "Back pain, 4"
    assert QApplication.focusWidget() is form.leg  # the digit moved on, as before
