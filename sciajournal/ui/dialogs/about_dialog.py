"""About SciaJournal: what it is, and that the data never leaves the computer."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sciajournal import __version__


def show_about(parent: QWidget | None, journal_path: Path) -> None:
    QMessageBox.about(
        parent,
        "About SciaJournal",
        f"<h3>SciaJournal {__version__}</h3>"
        "<p>A pain-and-walking journal for people with sciatica.</p>"
        "<p><b>Your data never leaves this computer.</b> SciaJournal works offline, "
        "needs no account and opens no network connection. Your journal is only shared "
        "when you export it or print a summary yourself.</p>"
        f"<p>Your journal: <code>{journal_path}</code></p>"
        "<p>SciaJournal records and summarises. It does not diagnose, and it never tells "
        "you that you are fine: ask your doctor or physiotherapist.</p>",
    )
