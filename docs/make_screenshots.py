"""Regenerate the screenshots in docs/ from a demo journal, on a real (virtual) screen.

    Xvfb :99 -screen 0 1280x800x24 &  DISPLAY=:99 python docs/make_screenshots.py

Writes docs/screenshot.png (the journal window, with traffic lights), docs/follow-up.png
(the follow-up question), docs/red-flag-notice.png and docs/chart-*.png (the six
charts). Name some of them to write only those: `... make_screenshots.py follow-up`.
"""

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from sciajournal.core.entities import RedFlagCheck, Walk
from sciajournal.core.enums import RedFlag
from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow

DOCS = Path(__file__).parent
# A fixed "now", so the pictures do not change with the day they are made on.
NOW = datetime(2026, 11, 26, 11, 40).astimezone()


def main() -> int:
    app = QApplication(sys.argv)
    wanted = set(sys.argv[1:])

    def save(widget: QWidget, name: str) -> None:
        if not wanted or name in wanted:
            for _ in range(5):
                app.processEvents()
            widget.grab().save(str(DOCS / f"{name}.png"))

    QCoreApplication.setOrganizationName("SciaJournalScreenshots")
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        with Journal.open(Path(folder) / "demo.sqlite") as journal:
            journal.add_many(demo_entries(365, seed=1, end=NOW))
            window = MainWindow(journal, clock=lambda: NOW)
            window.resize(1280, 800)
            window.show()
            save(window, "screenshot")
            latest = max(journal.collection(start=NOW - timedelta(days=3)).walks, key=end_of)
            form = window.ask_follow_up(latest)
            form.back.setValue(3)
            form.leg.setValue(5)
            form.pain_lasted.answer.setCurrentText("It was raised, and settled after")
            form.pain_lasted.hours.setValue(1.5)
            save(form, "follow-up")
            form.reject()
            check = RedFlagCheck(at=NOW, signs=frozenset({RedFlag.SADDLE_NUMBNESS}))
            notice = window.show_red_flag_notice(check)
            save(notice, "red-flag-notice")
            notice.accept()
            charts = window.show_charts()
            names = ("timeline", "weekly", "response", "activities", "bothersomeness", "leg-weeks")
            for index, name in enumerate(names):
                charts.tabs.setCurrentIndex(index)
                save(window, f"chart-{name}")
            window.close()
    print("wrote", *sorted(p.name for p in DOCS.glob("*.png")))
    return 0


def end_of(walk: Walk) -> datetime:
    return walk.end


if __name__ == "__main__":
    sys.exit(main())
