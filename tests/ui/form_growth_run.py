"""Run by test_form_growth.py in its own process, on the screen it configures: each
logging form saved with problems, as a user would, then one JSON line per form saying
where the window is and which problem messages and fields the patient can see."""

import json
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.scrolling_body import ScrollingBody
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import button, menu_action

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=MACHINE_OFFSET)


def in_view(widget: QWidget, viewport: QWidget) -> bool:
    """Wholly inside the scrolling body's visible part: readable without scrolling."""
    corner = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(corner, widget.size()))


def problem_labels(form: QWidget) -> list[QLabel]:
    return [
        label
        for label in form.findChildren(QLabel)
        if label.accessibleName().endswith(" problem") and label.isVisible()
    ]


def typed(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClicks(widget, text)


def morning_with_bad_sleep(form) -> None:
    """A morning rating, back and leg left unrated, 1.5 times woken and 25 hours slept."""
    form.context.setFocus()
    QTest.keyClick(form.context, Qt.Key.Key_Down)
    typed(form.times_woken, "1.5")
    typed(form.hours_slept, "25")


def walk_with_a_pasted_essay(form) -> None:
    """Notes, the last field, too long: its message is below the fold on a small screen."""
    QApplication.clipboard().setText("and then " * 1200)
    form.notes.setFocus()
    QTest.keyClick(form.notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


FORMS = {
    "Log walk": walk_with_a_pasted_essay,
    "Log pain": morning_with_bad_sleep,
    "Log medication": lambda form: None,
    "Sciatica bothersomeness (weekly)": lambda form: None,
    "Activities I find hard (PSFS)": lambda form: None,
}


def report(name: str, form) -> dict:
    (body,) = form.findChildren(ScrollingBody)
    viewport = body.viewport()
    screen = form.screen().availableGeometry()
    focused = form.focusWidget()
    shown = problem_labels(form)
    return {
        "name": name,
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "window": [form.x(), form.y(), form.width(), form.height()],
        "problems": [
            {"text": label.text(), "in_view": in_view(label, viewport)} for label in shown
        ],
        "notes_in_view": in_view(form.notes, viewport),
        "focused_problem_in_view": [
            in_view(label, viewport)
            for label in shown
            if focused is not None and label.parentWidget().isAncestorOf(focused)
        ],
    }


def settled(form, timeout_ms: int = 15000) -> None:
    """Wait until the form has shown its problems and stopped growing.

    The form grows after its layout settles; a fixed 200 ms was too short on a loaded
    machine (the run printed the form as it was mid-growth). Its geometry must be the
    same over three checks 100 ms apart."""
    last, same, waited = None, 0, 0
    while waited < timeout_ms and same < 3:
        QTest.qWait(100)
        waited += 100
        now = (form.geometry().getRect(), len(problem_labels(form)))
        same = same + 1 if now == last and now[1] > 0 else 0
        last = now


def main() -> int:
    app = QApplication(sys.argv)
    with Journal.open(Path(sys.argv[1])) as journal:
        window = MainWindow(journal, clock=lambda: NOW)
        window.show()
        QTest.qWaitForWindowExposed(window)
        for title, fill in FORMS.items():
            menu_action(window, "Log", title).trigger()
            QTest.qWait(100)
            form = window.active_form
            assert form is not None and form.isVisible(), title
            fill(form)
            button(form, "Save").click()
            settled(form)
            print(json.dumps(report(title, form)), flush=True)
            form.reject()
            QTest.qWait(50)
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
