"""Start-up as the patient sees it: the window first, saying it is opening the journal;
then the journal's rows (its first screen, read before the journal is open); then the
journal itself; then, off the UI thread, the daily backup (issue 14)."""

import signal
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sciajournal.app import run_app
from sciajournal.core.entities import PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.storage.backups import list_backups
from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow


def journal_with_a_rating(path):
    with Journal.open(path) as journal:
        journal.add(PainRating(at=local_now() - timedelta(minutes=5), back=3, leg=6))


def test_before_the_journal_is_open_the_window_says_so_and_offers_nothing(qtbot, journal):
    window = MainWindow(None, path=journal.path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.opening.isVisible()
    assert window.opening.accessibleName() == "Opening your journal…"
    assert "Opening your journal…" in window.opening.text()
    assert not hasattr(window, "view")  # no list yet that could look like an empty journal
    assert not window.menuBar().isEnabled()
    assert not window.log_toolbar.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # typed ahead
    qtbot.wait(200)
    assert window.active_form is None  # no form for a journal that is not open yet

    journal.add(PainRating(at=local_now() - timedelta(minutes=5), back=3, leg=6))
    window.open_journal(journal)
    assert window.menuBar().isEnabled()
    assert window.view.list.isVisible()
    assert not window.view.empty.isVisible()
    texts = [window.view.model.row_at(i).text for i in range(window.view.model.rowCount())]
    assert any("back 3, leg 6" in text for text in texts)


def test_run_app_shows_the_window_then_the_rows_then_makes_the_daily_backup(qapp, tmp_path):
    path = tmp_path / "journal.sqlite"
    journal_with_a_rating(path)
    assert list_backups(path) == []  # so a daily backup is due
    seen: list[tuple[str, bool, int]] = []

    def watch() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if windows and windows[0].isVisible():
            window = windows[0]
            if hasattr(window, "view"):  # the first screen, then the journal
                rows = window.view.model.rowCount()
                seen.append((window.view.empty.text(), window.is_open(), rows))
            else:
                seen.append((window.opening.accessibleName(), False, 0))
            if window.is_open() and list_backups(path):
                window.close()  # the last window: run_app returns
                return
        QTimer.singleShot(5, watch)

    previous = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(0, watch)
    try:
        status = run_app(path)
    finally:
        signal.signal(signal.SIGINT, previous)

    assert status == 0
    assert seen[0] == ("Opening your journal…", False, 0)  # shown before the journal opened
    shown = [moment for moment in seen if moment[0] != "Opening your journal…"]
    assert shown[0][1:] == (False, 2)  # its first screen: the day heading and the rating
    assert shown[-1][1:] == (True, 2)  # then the journal, showing the same
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].reason == ""  # the daily backup, made after
