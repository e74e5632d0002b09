"""Start-up through the journal's first screen (issue 14): its rows and Today panel read
with the sqlite3 module before the journal is open, then the journal itself.

Driven through run_app as the `sciajournal` command starts it. What the patient sees
must never be a blank list that could be taken for an empty journal, nothing can change
the journal before it is open, and the paths that open the journal first are unchanged:
one to migrate is migrated, a damaged value is reported with the offer of a backup. A
journal in use is refused as its lock is taken, right after its rows are shown.
"""

import shutil
import signal
import sqlite3
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sciajournal.app import run_app
from sciajournal.core.entities import Note, PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.storage.backups import list_backups, make_backup
from sciajournal.storage.first_screen import FirstScreenReader
from sciajournal.storage.journal import Journal
from sciajournal.storage.lock_holder import Holder, read_holder
from sciajournal.storage.migrate import head_revision
from sciajournal.storage.writable_file import check_for_writing
from sciajournal.ui.main_window import MainWindow
from tests.factories import one_of_each
from tests.ui.menu_driving import menu_action

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def a_journal_with_a_rating(path):
    with Journal.open(path) as journal:
        journal.add(PainRating(at=local_now() - timedelta(minutes=5), back=3, leg=6))
        make_backup(path, "manual")  # no daily backup due: the start alone is watched
    return path


def the_window():
    """run_app's window."""
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return found[0] if found else None


def texts(window):
    model = window.view.model
    return [model.row_at(i).text for i in range(model.rowCount())]


def run(path, step):
    """run_app(path), calling step(window) every few ms until it returns True (then the
    window closes); never hangs the test run."""

    def watch() -> None:
        window = the_window()
        if window is not None and step(window):
            window.close()
            return
        QTimer.singleShot(2, watch)

    previous = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(0, watch)
    never_hang = QTimer()
    never_hang.setSingleShot(True)
    never_hang.timeout.connect(lambda: QApplication.instance().exit(99))
    never_hang.start(30_000)
    try:
        return run_app(path)
    finally:
        never_hang.stop()
        signal.signal(signal.SIGINT, previous)
        for window in QApplication.topLevelWidgets():  # a refused one stays, as it would
            if isinstance(window, MainWindow):  # while its process ends
                window.close()
                window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def painted_something(widget):
    """Whether `widget`, painted now, shows more than its background (rows of text)."""
    image = widget.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    return len(colours) > 2


def test_rows_first_then_the_journal_opens_and_a_rating_logged_from_the_menu_is_saved(
    qapp, qtbot, tmp_path
):
    path = a_journal_with_a_rating(tmp_path / "journal.sqlite")
    seen: dict[str, object] = {}

    def step(window) -> bool:
        if not hasattr(window, "view"):
            return False
        if not window.is_open():
            seen.setdefault(
                "first screen",
                {
                    "rows": texts(window),
                    "menus": window.menuBar().isEnabled(),
                    "toolbar": window.log_toolbar.isEnabled(),
                    "log pain": window.log_pain_action.isEnabled(),
                    "charts tab": window.tabs.isTabEnabled(1),
                },
            )
            window.log_pain_action.trigger()  # even triggered, nothing opens yet
            seen["form while opening"] = window.active_form
            return False
        if "open" not in seen:
            seen["open"] = {
                "rows": texts(window),
                "menus": window.menuBar().isEnabled(),
                "toolbar": window.log_toolbar.isEnabled(),
                "log pain": window.log_pain_action.isEnabled(),
                "charts tab": window.tabs.isTabEnabled(1),
            }
            menu_action(window, "Log", "Log pain").trigger()
            form = window.active_form
            for key in (Qt.Key.Key_2, Qt.Key.Key_7, Qt.Key.Key_Return):  # back 2, leg 7
                qtbot.keyClick(form.focusWidget() or form, key)
            return False
        seen["after saving"] = texts(window)
        return True

    assert run(path, step) == 0
    first = seen["first screen"]
    assert any("back 3, leg 6" in text for text in first["rows"])  # the journal's rows
    assert first["menus"] is first["toolbar"] is first["log pain"] is first["charts tab"] is False
    assert seen["form while opening"] is None
    opened = seen["open"]
    assert opened["rows"] == first["rows"]  # the switch to the journal changes no row
    assert opened["menus"] is opened["toolbar"] is opened["log pain"] is opened["charts tab"]
    assert opened["menus"] is True
    assert any("back 2, leg 7" in text for text in seen["after saving"])
    with Journal.open(path, read_only=True) as journal:  # saved to the file
        ratings = journal.collection(kinds=[PainRating]).pain
    assert sorted((r.back, r.leg) for r in ratings) == [(2, 7), (3, 6)]


def test_the_first_screen_list_is_painted_with_its_rows_at_once(qtbot, journal_path):
    """Qt lays out a list's rows in the event-loop turn after they are set; a paint before
    then showed a blank list under a filled Today panel."""
    with Journal.open(journal_path) as journal:  # more rows than Qt lays out in a batch
        now = local_now()
        journal.add_many(
            [PainRating(at=now - timedelta(hours=5 * i + 1), back=3, leg=6) for i in range(140)]
        )
    window = MainWindow(None, path=journal_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    checked = check_for_writing(journal_path)
    reader = FirstScreenReader(checked)
    try:
        window.show_first_screen(reader)
        assert window.view.model.rowCount() > 140
        assert painted_something(window.view.list.viewport())  # no event-loop turn between
        journal = Journal.open_checked(checked)
        window.open_journal(journal)
        assert painted_something(window.view.list.viewport())
        window.close()
        journal.close()
    finally:
        reader.close()


def test_a_journal_in_use_is_refused_right_after_its_rows_and_nothing_is_changed(qapp, tmp_path):
    # The lock is taken once the first screen is shown (filelock's import cost the rows
    # ~40 ms): the refusal comes then, as before, over the rows, with nothing usable.
    path = a_journal_with_a_rating(tmp_path / "journal.sqlite")
    refused: list[dict[str, object]] = []

    def press_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, press_close)
            return
        window = the_window()
        assert window is not None
        refused.append(
            {
                "text": box.text(),
                "rows": texts(window),
                "open": window.is_open(),
                "menus": window.menuBar().isEnabled(),
                "log pain": window.log_pain_action.isEnabled(),
            }
        )
        next(b for b in box.buttons() if b.text().startswith("Close")).click()

    with Journal.open(path, holder=Holder.WINDOW) as journal:  # another window has it
        QTimer.singleShot(0, press_close)
        assert run(path, lambda _window: False) == 1
        assert read_holder(path) is Holder.WINDOW  # its note is left as it was
        journal.add(PainRating(at=local_now() - timedelta(minutes=1), back=1, leg=1))  # still its
    (seen,) = refused
    assert "is open in a SciaJournal window; close it there first" in seen["text"]
    assert any("back 3, leg 6" in text for text in seen["rows"])  # the rows, behind it
    assert seen["open"] is seen["menus"] is seen["log pain"] is False


def test_a_journal_to_migrate_is_migrated_then_shown(qapp, tmp_path):
    path = tmp_path / "journal.sqlite"
    shutil.copy(FIXTURES / "journal-0003.sqlite", path)
    seen: list[bool] = []

    def step(window) -> bool:
        if hasattr(window, "view"):
            seen.append(window.is_open())
        return window.is_open()

    assert run(path, step) == 0
    assert seen[0] is True  # no first screen from a file of an older schema: opened first
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    assert revision == head_revision()
    assert [backup.reason for backup in list_backups(path)] == ["before-migration"]


def refused_as_damaged(path, capsys):
    """Damage the notes' times, start the app, close the offer of a backup: the app ends
    having said what is damaged, without a traceback, and gives up the lock."""
    connection = sqlite3.connect(path)
    connection.execute("UPDATE notes SET at_utc = '2026-13-45T99:00:00'")
    connection.commit()
    connection.close()
    said: list[str] = []

    def press_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, press_close)
            return
        said.append(box.text())
        next(b for b in box.buttons() if b.text().startswith("Close")).click()

    QTimer.singleShot(0, press_close)
    assert run(path, lambda _window: False) == 1
    (text,) = said
    assert "is damaged (entry 1 of the notes table cannot be read" in text
    assert "Traceback" not in capsys.readouterr().err
    check_for_writing(path).release()  # the lock was given up


def test_a_damaged_value_is_reported_with_the_offer_of_a_backup(qapp, tmp_path, capsys):
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.add_many([*one_of_each(), Note(at=local_now() - timedelta(hours=1), text="x")])
        make_backup(path, "manual")
    refused_as_damaged(path, capsys)


def test_a_damaged_value_in_a_journal_opened_first_is_offered_its_backup_too(
    qapp, tmp_path, capsys
):
    # A journal to migrate has no first screen: it is opened first, then shown. A damaged
    # value met while showing it ended the app with a traceback (rows helper's report).
    path = tmp_path / "journal.sqlite"
    shutil.copy(FIXTURES / "journal-0003.sqlite", path)
    refused_as_damaged(path, capsys)
