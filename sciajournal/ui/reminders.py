"""Showing reminders: a tray message where the desktop has a tray, and a bar in the window.

What is due when is decided in reminder_schedule (pure Python); this module only shows
it. Each reminder is announced once (tray message or, without a tray, a window alert);
morning and bedtime reminders also stay in the window's reminder bar until answered,
dismissed or stale. Follow-ups have their own line in the status area already.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from sciajournal.resource_files import resource_path
from sciajournal.ui.reminder_schedule import Reminder, ReminderKind, not_yet_shown


def make_tray(parent: QObject) -> QSystemTrayIcon | None:
    """The tray icon, or None on a desktop without a tray (reminders then wait in the window)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return QSystemTrayIcon(QIcon(str(resource_path("sciajournal.svg"))), parent)


class ReminderBar(QFrame):
    """Daily reminders waiting in the window, each with Rate now and Not now."""

    answerRequested = Signal(object)  # Reminder
    dismissed = Signal(object)  # Reminder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Reminders")
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(6, 4, 6, 4)
        self.reminders: list[Reminder] = []
        self.setVisible(False)

    def show_reminders(self, reminders: list[Reminder]) -> None:
        if [r.key for r in reminders] == [r.key for r in self.reminders]:
            return  # unchanged: keep the buttons (and the keyboard focus) where they are
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.reminders = list(reminders)
        for reminder in reminders:
            self._rows.addWidget(self._row(reminder))
        self.setVisible(bool(reminders))

    def _row(self, reminder: Reminder) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = f"{reminder.text} (reminder at {reminder.due.strftime('%H:%M')})"
        label = QLabel(f"<b>{reminder.title}</b>: {text}")
        label.setWordWrap(True)
        label.setAccessibleName(f"{reminder.title}: {text}")
        rate = QPushButton("Rate &now")
        rate.setAccessibleName(f"Rate now: {reminder.title}")
        rate.clicked.connect(lambda _checked=False: self.answerRequested.emit(reminder))
        later = QPushButton("Not now")
        later.setAccessibleName(f"Not now: {reminder.title}")
        later.clicked.connect(lambda _checked=False: self.dismissed.emit(reminder))
        layout.addWidget(label, 1)
        layout.addWidget(rate)
        layout.addWidget(later)
        return row


class Reminders(QObject):
    """Announces due reminders once each, and keeps the tray icon and its menu."""

    answerRequested = Signal(object)  # Reminder
    openRequested = Signal()
    quitRequested = Signal()

    def __init__(self, tray: QSystemTrayIcon | None, bar: ReminderBar, window: QWidget) -> None:
        super().__init__(window)
        self.tray = tray
        self.bar = bar
        self.window = window
        self.shown: set[str] = set()
        self.dismissed: set[str] = set()
        self.latest: Reminder | None = None
        bar.answerRequested.connect(self.answerRequested)
        bar.dismissed.connect(self._dismiss)
        if tray is not None:
            menu = QMenu(window)
            self.open_action = QAction("&Open SciaJournal", menu)
            self.open_action.triggered.connect(lambda _checked=False: self.openRequested.emit())
            self.quit_action = QAction("&Quit SciaJournal", menu)
            self.quit_action.triggered.connect(lambda _checked=False: self.quitRequested.emit())
            menu.addActions([self.open_action, self.quit_action])
            self.menu = menu
            tray.setContextMenu(menu)
            tray.setToolTip("SciaJournal")
            tray.messageClicked.connect(self._message_clicked)
            tray.activated.connect(self._activated)
            tray.show()

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def update(self, due: list[Reminder]) -> list[Reminder]:
        """Show what is due; returns the reminders announced just now."""
        fresh = not_yet_shown(due, self.shown)
        for reminder in fresh:
            self.announce(reminder.title, reminder.text)
            self.latest = reminder
        self.bar.show_reminders(
            [r for r in due if r.kind is not ReminderKind.FOLLOW_UP and r.key not in self.dismissed]
        )
        return fresh

    def announce(self, title: str, text: str) -> None:
        """A tray message, or (no tray, or one without messages) the window asks for attention."""
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            QApplication.alert(self.window)

    def _dismiss(self, reminder: Reminder) -> None:
        self.dismissed.add(reminder.key)
        self.bar.show_reminders([r for r in self.bar.reminders if r.key != reminder.key])

    def _message_clicked(self) -> None:
        if self.latest is not None:
            self.answerRequested.emit(self.latest)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def hide_tray(self) -> None:
        if self.tray is not None:
            self.tray.hide()
