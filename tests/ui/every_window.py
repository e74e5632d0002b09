"""Open every window and dialog of the app as a user would, for checks that apply to all.

`visit_every_window` hands each one, shown and laid out, to `inspect(name, widget)`
and closes it again. Used by the small-screen test and the accessible-names test.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget

from sciajournal.core.entities import PainRating, RedFlagCheck, Walk
from sciajournal.core.enums import PainContext, RedFlag
from sciajournal.storage.journal import Journal
from tests.ui.menu_driving import button, menu_action

Inspect = Callable[[str, QWidget], None]
Wait = Callable[[int], None]

HEALTH_SAMPLE = Path(__file__).parents[1] / "fixtures" / "samples" / "apple-health" / "export.xml"
LOG_FORMS = ["Log walk", "Log pain", "Log ice/heat", "Log medication", "Red-flag check", "Add note"]


def add_walk_awaiting_follow_up(journal: Journal, now: datetime) -> Walk:
    """A walk whose follow-up is due, so the status area asks for it."""
    walk = Walk(start=now - timedelta(hours=4), minutes=30)
    before = PainRating(
        at=walk.start, back=2, leg=3, context=PainContext.BEFORE_WALK, walk_id=walk.id
    )
    journal.add_many([walk, before])
    return walk


def _modal(wait: Wait) -> QWidget:
    for _ in range(50):
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            return widget
        wait(20)
    raise AssertionError("no dialog opened")


def _through_menu(window, menu: str, title: str, inspect: Inspect, wait: Wait) -> QWidget:
    menu_action(window, menu, title).trigger()
    dialog = _modal(wait)
    wait(50)
    inspect(title, dialog)
    return dialog


def _blocking(action: QAction, name: str, inspect: Inspect, wait: Wait) -> None:
    """A dialog shown with exec(): inspect and close it from inside its own event loop."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, f"{name} did not open"
        inspect(name, dialog)
        dialog.close()

    QTimer.singleShot(300, look)
    action.trigger()
    wait(50)


def _import_preview(window, inspect: Inspect, wait: Wait) -> None:
    """File > Import of a real Apple Health sample: the preview of its walks."""
    original = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(lambda *_args, **_kwargs: (str(HEALTH_SAMPLE), ""))
    try:
        menu_action(window, "File", "Import").trigger()
    finally:
        QFileDialog.getOpenFileName = original
    preview = _modal(wait)
    for _ in range(500):  # read in a worker thread
        if preview.import_button.text() != "Import":
            break
        wait(20)
    inspect("Import preview", preview)
    preview.reject()
    wait(50)


def visit_every_window(window, inspect: Inspect, wait: Wait) -> list[str]:
    """Every window and dialog, in turn; returns their names."""
    seen: list[str] = []

    def look(name: str, widget: QWidget) -> None:
        seen.append(name)
        inspect(name, widget)

    look("Journal window", window)
    for title in LOG_FORMS:
        _through_menu(window, "Log", title, look, wait).reject()
        wait(50)

    follow_up = next(
        b for b in window.status_panel.findChildren(QPushButton) if "follow-up" in b.text()
    )
    follow_up.click()
    form = _modal(wait)
    look("Follow-up", form)
    form.reject()
    wait(50)

    _through_menu(window, "File", "Settings", look, wait).reject()
    wait(50)
    summary = _through_menu(window, "File", "Print summary", look, wait)
    button(summary, "OK").click()
    wait(1500)  # the preview lays out its pages
    preview = _modal(wait)
    look("Print preview", preview)
    preview.reject()
    wait(50)
    _through_menu(window, "File", "Save summary as PDF", look, wait).reject()
    wait(50)
    _through_menu(window, "File", "Backups", look, wait).reject()
    wait(50)
    _import_preview(window, look, wait)

    menu_action(window, "Help", "SciaJournal guide").trigger()
    wait(100)
    look("Guide", window.help_dialog)
    window.help_dialog.close()
    _blocking(menu_action(window, "Help", "About"), "About", look, wait)

    check = RedFlagCheck(at=window.clock() - timedelta(minutes=5), signs=frozenset({RedFlag.FEVER}))
    notice = window.show_red_flag_notice(check)
    wait(100)
    look("Red-flag notice", notice)
    notice.accept()
    wait(50)

    window.show_charts()
    wait(200)
    look("Charts tab", window)
    return seen
