"""Regenerate the screenshots in docs/ from a demo journal, on a real (virtual) screen.

    Xvfb :99 -screen 0 1280x800x24 &  DISPLAY=:99 python docs/make_screenshots.py

Writes docs/screenshot.png (the journal window) and docs/chart-*.png (the three charts).
"""

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow

DOCS = Path(__file__).parent
# A fixed "now", so the pictures do not change with the day they are made on.
NOW = datetime(2026, 11, 26, 11, 40).astimezone()


def main() -> int:
    app = QApplication(sys.argv)
    QCoreApplication.setOrganizationName("SciaJournalScreenshots")
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        with Journal.open(Path(folder) / "demo.sqlite") as journal:
            journal.add_many(demo_entries(365, seed=1, end=NOW))
            window = MainWindow(journal, clock=lambda: NOW)
            window.resize(1280, 800)
            window.show()
            app.processEvents()
            window.grab().save(str(DOCS / "screenshot.png"))
            charts = window.show_charts()
            for index, name in enumerate(("timeline", "weekly", "response")):
                charts.tabs.setCurrentIndex(index)
                for _ in range(5):
                    app.processEvents()
                window.grab().save(str(DOCS / f"chart-{name}.png"))
            window.close()
    print("wrote", *sorted(p.name for p in DOCS.glob("*.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
