"""Help > Guide (F1): a short offline guide built from the running app.

The shortcut list is read from the menus' own QActions, so it cannot drift from what
the keys really do; the numbers come from the journal's Settings.
"""

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.settings import Settings
from sciajournal.storage.backups import backup_folder
from sciajournal.ui.guide_name import GUIDE_NAME
from sciajournal.ui.help_text import Shortcut, help_html
from sciajournal.ui.widgets.screen_room import available_size


def _plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(menu_bar: QMenuBar) -> list[Shortcut]:
    """Every menu action that has a key, in menu order."""
    found: list[Shortcut] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = action.shortcut()
            if action.isSeparator() or keys.isEmpty():
                continue
            found.append(
                Shortcut(
                    _plain(top.text()),
                    action.property(GUIDE_NAME) or _plain(action.text()),
                    keys.toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
    return found


class HelpDialog(QDialog):
    """Non-modal, so the guide can stay open beside the journal."""

    def __init__(
        self,
        settings: Settings,
        shortcuts: list[Shortcut],
        journal_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("SciaJournal guide")
        self.setAccessibleName("SciaJournal guide")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Guide text")
        self.browser.setOpenLinks(False)  # offline: nothing in the guide leaves the app
        self.browser.setHtml(
            help_html(settings, shortcuts, journal_path, backup_folder(journal_path))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(QSize(640, 620).boundedTo(available_size(self)))
        self.browser.setFocus()  # Page Down and the arrows scroll the guide at once

    def text(self) -> str:
        """What the guide says, as plain text (what a screen reader reads)."""
        return self.browser.toPlainText()
