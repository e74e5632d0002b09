"""Driving the window as a user does: menu actions by their visible text, buttons by label."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QWidget,
)


def menu_action(window, menu_title: str, action_title: str, *submenu_path: str) -> QAction:
    """The action under a menu, found by the text the user reads (ampersands ignored);
    further titles go down submenus: menu_action(w, "File", "Export", "Journal file")."""

    def plain(text: str) -> str:
        return text.replace("&", "").rstrip("…").strip()

    def under(menu, title: str) -> QAction:
        for action in menu.actions():
            if plain(action.text()).startswith(plain(title)):
                return action
        raise AssertionError(f"no {title} under {plain(menu.title())} in the menu bar")

    for menu_action_ in window.menuBar().actions():
        if plain(menu_action_.text()) == plain(menu_title):
            found = under(menu_action_.menu(), action_title)
            for title in submenu_path:
                assert found.menu() is not None, f"{found.text()} is not a submenu"
                found = under(found.menu(), title)
            return found
    raise AssertionError(f"no {menu_title} menu in the menu bar")


def button(dialog: QWidget, label: str) -> QAbstractButton:
    """The dialog's button whose visible text starts with `label`."""
    for candidate in dialog.findChildren(QAbstractButton):
        if candidate.text().replace("&", "").startswith(label) and candidate.isVisible():
            return candidate
    for box in dialog.findChildren(QDialogButtonBox):
        for candidate in box.buttons():
            if candidate.text().replace("&", "").startswith(label):
                return candidate
    raise AssertionError(f"no button {label!r} in {dialog.windowTitle()!r}")


def click(qtbot, dialog: QWidget, label: str) -> None:
    qtbot.mouseClick(button(dialog, label), Qt.MouseButton.LeftButton)


def answer_file_dialog_later(monkeypatch, path) -> list[str]:
    """Answer the next native save/open dialog with `path`, recording its title."""
    asked: list[str] = []

    def answer(_parent, title, *_args, **_kwargs):
        asked.append(title)
        return (str(path), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return asked


def press_in_modal_later(label: str, delay_ms: int = 200) -> list[str]:
    """Click `label` in whatever modal dialog is open after `delay_ms`; records its text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        seen.append(getattr(box, "text", box.windowTitle)())
        button(box, label).click()

    QTimer.singleShot(delay_ms, press)
    return seen


def visible_problems(form) -> dict[str, str]:
    """The inline problem texts the user can see, by the field they are under."""
    return {
        label.accessibleName().removesuffix(" problem"): label.text()
        for label in form.findChildren(QLabel)
        if label.accessibleName().endswith(" problem") and label.isVisible()
    }


def modal(qtbot) -> QWidget:
    """The modal dialog the last action opened, once it is up."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def shown_window_with_a_note(qtbot, journal, now):
    """The main window on `journal`, with one note two hours before `now` (so the File
    menu's exports and summaries have something in them), shown and exposed."""
    from datetime import timedelta

    from sciajournal.ui.main_window import MainWindow
    from tests.factories import full_note

    journal.add(full_note(at=now - timedelta(hours=2)))
    shown = MainWindow(journal, clock=lambda: now)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown
