"""The notice shown when a red flag is logged: unmistakable, and not closed by accident.

Escape and Enter do nothing here, and the acknowledgement button never has the focus
when the notice opens (the message has), so the Space or Enter of "digit, digit, Enter"
cannot dismiss it unread: only a click, Tab to the button, or its own Alt+I closes it.
"""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from sciajournal.analysis.red_flags import (
    WORDING,
    Urgency,
    most_urgent,
    ordered_signs,
    signs_text,
)
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RED_FLAG_LABELS
from sciajournal.ui.widgets.colours import error_colour


class RedFlagNotice(QDialog):
    """Worded by the most urgent sign ticked (analysis/red_flags.py grades them)."""

    def __init__(self, check: RedFlagCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        urgency = most_urgent(check.signs) or Urgency.SOON
        wording = WORDING[urgency]
        self.urgency = urgency
        self.setWindowTitle(wording.heading)
        self.setAccessibleName(wording.heading)
        self.setModal(True)
        signs = "".join(f"<li>{RED_FLAG_LABELS[sign]}</li>" for sign in ordered_signs(check.signs))
        heading = QLabel(f"<h2>{escape(wording.heading)}</h2>")
        heading.setAccessibleName(wording.heading)
        palette = heading.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        heading.setPalette(palette)
        body = QLabel(
            f"<p><b>Urgency: {escape(wording.grade)}</b> ({escape(wording.where)}).</p>"
            f"You reported:<ul>{signs}</ul>{escape(wording.advice, quote=False)}<br><br>"
            "This has been recorded in your journal."
        )
        body.setAccessibleName(
            f"Urgency: {wording.grade}. You reported: {signs_text(check.signs)}. {wording.advice}"
        )
        self.body = body
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        # The message takes the focus on opening: it reads first, and swallows stray keys.
        # Selectable by mouse only: keyboard selection drew a text caret in the message,
        # which looked like a field to type in.
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.acknowledge = QPushButton("&I understand, I will seek medical care")
        self.acknowledge.setAutoDefault(False)
        self.acknowledge.setDefault(False)
        self.acknowledge.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # never by opening or a click
        self.acknowledge.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(self.acknowledge)
        self.setMinimumWidth(480)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # swallowed: only the button closes this notice
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """The window's close button still works, but Escape never reaches here."""
        super().reject()
