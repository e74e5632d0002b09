"""The notice shown when a red flag is logged: unmistakable, and not closed by accident.

Escape and Enter do nothing here; only the explicit acknowledgement button (which is
not the default button) closes it, so a stray key press cannot dismiss it.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RED_FLAG_LABELS
from sciajournal.ui.forms.entry_form import error_colour


class RedFlagNotice(QDialog):
    def __init__(self, check: RedFlagCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Seek medical care now")
        self.setAccessibleName("Seek medical care now")
        self.setModal(True)
        signs = "".join(f"<li>{RED_FLAG_LABELS[sign]}</li>" for sign in sorted(check.signs))
        heading = QLabel("<h2>Seek medical care now</h2>")
        heading.setAccessibleName("Seek medical care now")
        palette = heading.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        heading.setPalette(palette)
        body = QLabel(
            f"You reported:<ul>{signs}</ul>"
            "These signs can mean a nerve is seriously compressed and need a doctor "
            "<b>today</b>. Stop exercising. Contact your doctor or an emergency service "
            "now; with loss of bladder or bowel control or numbness in the saddle area, "
            "go to an emergency department.<br><br>"
            "This has been recorded in your journal."
        )
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        self.acknowledge = QPushButton("I understand, I will seek medical care")
        self.acknowledge.setAutoDefault(False)
        self.acknowledge.setDefault(False)
        self.acknowledge.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(self.acknowledge)
        self.setMinimumWidth(480)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # swallowed: only the button closes this notice
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """The window's close button still works, but Escape never reaches here."""
        super().reject()
