"""Settings: the thresholds from domain.md, follow-up delay, units and the patient's name.

They are stored in the journal, so they travel with it to another computer.
"""

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.settings import Settings
from sciajournal.ui.reminders_settings import ReminderSettingsBox
from sciajournal.ui.widgets.scrolling_body import ScrollingBody, fit_to_screen


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        show_backups: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._original = settings
        self.patient_name = QLineEdit(settings.patient_name)
        self.patient_name.setPlaceholderText("optional, printed on the summary")
        self.distance_unit = QComboBox()
        self.distance_unit.addItem("Kilometres (km)", "km")
        self.distance_unit.addItem("Miles (mi)", "mi")
        self.distance_unit.setCurrentIndex(0 if settings.distance_unit == "km" else 1)
        self.follow_up_hours = self._hours(settings.follow_up_hours)
        self.pain_change = self._points(settings.pain_change_points, 1, 10)
        self.pain_lasted = self._hours(settings.pain_lasted_hours)
        self.baseline = self._hours(settings.baseline_window_hours)
        self.weekly = self._percent(settings.weekly_increase_percent)
        self.two_week = self._percent(settings.two_week_increase_percent)
        self.amber = self._points(settings.amber_from, 1, 10)
        self.red = self._points(settings.red_from, 1, 10)
        # Walk judgments and progression (issue 12).
        self.painkiller_window = self._hours(settings.painkiller_window_hours)
        self.restart = self._percent(settings.restart_percent)
        self.restart.setRange(10, 100)
        # Each guide's Settings field and its box: one list for restoring and for reading.
        self._guides: dict[str, QSpinBox | QDoubleSpinBox] = {
            "follow_up_hours": self.follow_up_hours,
            "pain_change_points": self.pain_change,
            "pain_lasted_hours": self.pain_lasted,
            "baseline_window_hours": self.baseline,
            "weekly_increase_percent": self.weekly,
            "two_week_increase_percent": self.two_week,
            "amber_from": self.amber,
            "red_from": self.red,
            "painkiller_window_hours": self.painkiller_window,
            "restart_percent": self.restart,
        }
        # What each box showed on opening: a box shows 1.25 h as "1.3 h", so an untouched
        # box gives back the stored value itself, not its rounding (saving unchanged
        # Settings changes nothing).
        self._shown = {name: box.value() for name, box in self._guides.items()}

        you = QGroupBox("You")
        you_form = QFormLayout(you)
        you_form.addRow("&Name on the summary", self.patient_name)
        you_form.addRow("&Distance unit", self.distance_unit)

        rules = QGroupBox("Guides (defaults from common physiotherapy advice)")
        rules_form = QFormLayout(rules)
        rules_form.addRow("Ask for a &follow-up after", self.follow_up_hours)
        rules_form.addRow("A &meaningful pain change is", self.pain_change)
        rules_form.addRow("Flag a walk when pain &lasted", self.pain_lasted)
        rules_form.addRow("Use a rating up to this long &before a walk", self.baseline)
        rules_form.addRow("Weekly walking may &rise by", self.weekly)
        rules_form.addRow("Stronger warning above, over &two weeks", self.two_week)
        rules_form.addRow("During a walk, &amber from", self.amber)
        rules_form.addRow("During a walk, r&ed from", self.red)
        rules_form.addRow("Link a &painkiller taken before a walk within", self.painkiller_window)
        rules_form.addRow("After a week off, resume at this share of the l&ast week", self.restart)
        note = QLabel(
            "These are guides, not diagnoses. Change them only as your doctor or "
            "physiotherapist advises."
        )
        note.setWordWrap(True)
        rules_form.addRow(note)

        medication = self._medication_box(settings)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        if show_backups is not None:
            backups = buttons.addButton("&Backups…", QDialogButtonBox.ButtonRole.ActionRole)
            backups.clicked.connect(lambda _checked=False: show_backups())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(you)
        column.addWidget(rules)
        self.reminders = ReminderSettingsBox(settings)
        column.addWidget(self.reminders)
        column.addWidget(medication)
        layout = QVBoxLayout(self)
        layout.addWidget(ScrollingBody(body), 1)  # the buttons stay in view on small screens
        layout.addWidget(buttons)
        medication_form = medication.layout()
        assert isinstance(medication_form, QFormLayout)
        for label_owner in (you_form, rules_form, medication_form):
            for row in range(label_owner.rowCount()):
                item = label_owner.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = label_owner.itemAt(row, QFormLayout.ItemRole.FieldRole)
                label = item.widget() if item else None
                control = field.widget() if field else None
                if isinstance(label, QLabel) and control is not None:
                    control.setAccessibleName(label.text().replace("&", ""))
        fit_to_screen(self)

    def _medication_box(self, settings: Settings) -> QGroupBox:
        """Package-label limits (domain.md): the alias list, the limits, the NSAIDs."""
        self.medication_aliases = QLineEdit(settings.medication_aliases)
        self.medication_limits = QLineEdit(settings.medication_label_limits_mg)
        self.anti_inflammatories = QLineEdit(settings.anti_inflammatories)
        self.label_days = QSpinBox()
        self.label_days.setRange(1, 60)
        self.label_days.setSuffix(" days")
        self.label_days.setValue(settings.label_days_before_asking)
        box = QGroupBox("Medication: package-label limits (adult, over the counter)")
        form = QFormLayout(box)
        form.addRow("Names and &brands", self.medication_aliases)
        form.addRow("Label maximum in 24 h (&mg)", self.medication_limits)
        form.addRow("Anti-&inflammatories", self.anti_inflammatories)
        form.addRow("Labels say ask a doctor &after", self.label_days)
        note = QLabel(
            'Written as "medicine: brand, brand; ..." and "medicine mg; ...". A name or brand '
            'is found as whole words in what you log ("Motrin IB 200mg" is Motrin), whatever '
            "the case or accents. Only doses taken as needed are compared with a label; the "
            "summary reports, it never doses."
        )
        note.setWordWrap(True)
        form.addRow(note)
        return box

    @staticmethod
    def _hours(value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.5, 48)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setSuffix(" h")
        box.setValue(value)
        return box

    @staticmethod
    def _points(value: int, low: int, high: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSuffix(" points")
        box.setValue(value)
        return box

    @staticmethod
    def _percent(value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(1, 200)
        box.setDecimals(0)
        box.setSuffix(" %")
        box.setValue(value)
        return box

    def _restore_defaults(self) -> None:
        defaults = Settings()
        for name, box in self._guides.items():
            box.setValue(getattr(defaults, name))
        self.medication_aliases.setText(defaults.medication_aliases)
        self.medication_limits.setText(defaults.medication_label_limits_mg)
        self.anti_inflammatories.setText(defaults.anti_inflammatories)
        self.label_days.setValue(defaults.label_days_before_asking)

    def chosen(self) -> Settings:
        guides: dict[str, Any] = {
            name: getattr(self._original, name) if box.value() == self._shown[name] else box.value()
            for name, box in self._guides.items()
        }
        # Amber must start below red, whichever box the user changed.
        guides["amber_from"], guides["red_from"] = sorted((self.amber.value(), self.red.value()))
        return dataclasses.replace(
            self._original,
            patient_name=self.patient_name.text().strip(),
            distance_unit=self.distance_unit.currentData(),
            **self.reminders.chosen(),
            medication_aliases=self.medication_aliases.text().strip(),
            medication_label_limits_mg=self.medication_limits.text().strip(),
            anti_inflammatories=self.anti_inflammatories.text().strip(),
            label_days_before_asking=self.label_days.value(),
            **guides,
        )
