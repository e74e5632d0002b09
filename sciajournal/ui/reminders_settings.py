"""The Reminders box of the Settings dialog: daily rating times, follow-ups, the tray."""

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSystemTrayIcon,
    QTimeEdit,
    QWidget,
)

from sciajournal.core.settings import Settings
from sciajournal.ui.reminder_schedule import parse_clock_time
from sciajournal.ui.widgets.date_time_edit import TimeEdit

#: Shown in a time box while its reminder is off, so switching it on starts somewhere sensible.
SUGGESTED = {"morning_reminder": QTime(8, 0), "bedtime_reminder": QTime(22, 0)}


class ReminderSettingsBox(QGroupBox):
    def __init__(
        self, settings: Settings, has_tray: bool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Reminders", parent)
        if has_tray is None:
            has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        form = QFormLayout(self)
        self._daily: dict[str, tuple[QCheckBox, QTimeEdit]] = {}
        for field, text in (
            ("morning_reminder", "M&orning pain rating at"),
            ("bedtime_reminder", "Bedt&ime pain rating at"),
        ):
            box = QCheckBox(text)
            edit = TimeEdit()
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(f"{text.replace('&', '')} (time)")
            box.toggled.connect(edit.setEnabled)
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(box)
            line.addWidget(edit)
            line.addStretch()
            form.addRow(row)
            self._daily[field] = (box, edit)
        self.morning, self.morning_time = self._daily["morning_reminder"]
        self.bedtime, self.bedtime_time = self._daily["bedtime_reminder"]
        # No number here: the follow-up delay is set above and may change in this dialog.
        self.follow_up = QCheckBox("Remind me when a &walk's follow-up is due")
        form.addRow(self.follow_up)
        self.bothersomeness = QCheckBox(
            "Remind me of the weekly sciatica bothersomeness &check (a week after the last)"
        )
        form.addRow(self.bothersomeness)
        self.keep_in_tray = QCheckBox("Closing the window keeps SciaJournal in the tra&y")
        if has_tray:
            self.keep_in_tray.setToolTip("Reminders then come while the window is closed.")
        else:
            self.keep_in_tray.setEnabled(False)
            self.keep_in_tray.setText(
                "This desktop has no tray: reminders wait until SciaJournal is opened"
            )
        form.addRow(self.keep_in_tray)
        self.show_settings(settings)

    def show_settings(self, settings: Settings) -> None:
        for field, (box, edit) in self._daily.items():
            at = parse_clock_time(getattr(settings, field))
            box.setChecked(at is not None)
            edit.setEnabled(at is not None)
            edit.setTime(QTime(at.hour, at.minute) if at else SUGGESTED[field])
        self.follow_up.setChecked(settings.follow_up_reminder)
        self.bothersomeness.setChecked(settings.bothersomeness_reminder)
        self.keep_in_tray.setChecked(settings.keep_running_in_tray)

    def chosen(self) -> dict[str, Any]:
        """The reminder fields of Settings, as the user set them here."""
        values: dict[str, Any] = {
            field: edit.time().toString("HH:mm") if box.isChecked() else ""
            for field, (box, edit) in self._daily.items()
        }
        values["follow_up_reminder"] = self.follow_up.isChecked()
        values["bothersomeness_reminder"] = self.bothersomeness.isChecked()
        values["keep_running_in_tray"] = self.keep_in_tray.isChecked()
        return values
