"""The main window: for now a read-only journal list, newest day first."""

from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from sciajournal.storage.journal import Journal
from sciajournal.ui.entry_text import describe


class MainWindow(QMainWindow):
    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.setWindowTitle(f"SciaJournal — {journal.path.name}")
        self.resize(1000, 700)

        self.summary = QLabel()
        self.summary.setAccessibleName("Journal summary")
        self.entry_list = QListWidget()
        self.entry_list.setAccessibleName("Journal entries")
        self.entry_list.setAlternatingRowColors(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(self.entry_list)
        self.setCentralWidget(body)
        self.refresh()

    def refresh(self) -> None:
        entries = self.journal.entries()
        self.entry_list.clear()
        if not entries:
            self.summary.setText(
                "Your journal is empty. Entries you log will appear here, newest first."
            )
            return
        self.summary.setText(f"{len(entries)} entries in {self.journal.path}")
        newest_first = sorted(entries, key=lambda e: (e.when, e.id), reverse=True)
        for day, day_entries in groupby(newest_first, key=lambda e: e.when.date()):
            heading = QListWidgetItem(day.strftime("%A %d %B %Y"))
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a selectable entry
            self.entry_list.addItem(heading)
            for entry in day_entries:
                self.entry_list.addItem(describe(entry))
