"""The package-label lists are Settings a user can edit, and restore."""

from PySide6.QtWidgets import QDialogButtonBox

from sciajournal.core.settings import Settings
from sciajournal.ui.dialogs.settings_dialog import SettingsDialog


def test_label_limits_are_edited_and_restored_in_settings(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.medication_limits.clear()
    qtbot.keyClicks(dialog.medication_limits, "ibuprofen 800; paracetamol 3000")
    dialog.label_days.setValue(5)
    chosen = dialog.chosen()
    assert chosen.medication_label_limits_mg == "ibuprofen 800; paracetamol 3000"
    assert chosen.label_days_before_asking == 5
    dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults
    ).click()
    assert dialog.chosen().medication_label_limits_mg == Settings().medication_label_limits_mg
    assert dialog.medication_aliases.accessibleName() == "Names and brands"


def test_settings_survive_the_journal(journal):
    journal.save_settings(Settings(anti_inflammatories="ibuprofen, diclofenac"))
    assert journal.load_settings().anti_inflammatories == "ibuprofen, diclofenac"
