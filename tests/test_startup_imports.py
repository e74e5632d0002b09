"""Nothing heavy is imported on the way to the first window and the journal's rows.

Each of these costs start-up time every day although most starts never use it: Alembic
(only when a migration is due), the exchange formats and their jsonschema and gpxpy
(File > Import/Export), the report (File > Print), pyqtgraph and numpy (the Charts tab),
and SQLAlchemy's ORM (the journal uses Core tables and statements only).
The app is started as the `sciajournal` command starts it, in a fresh interpreter, and
sys.modules is read when the main window is shown and again when its rows are painted.
Nor is SQLAlchemy needed for the rows of an existing journal at the current schema: its
first screen is read with the sqlite3 module, and the journal opened after (issue 14).
The window, which is shown first, needs neither the journal's view, the analysis behind
it, the forms nor the dialogs (built or opened later), which together cost the first
window more than the window itself. Nor do the rows need filelock (the writer lock is
taken after them), or Qt's dialog and style classes, whose enums PySide6 builds in Python.
"""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sciajournal.core.entities import PainRating
from sciajournal.core.enums import PainContext
from sciajournal.core.timestamps import local_now
from sciajournal.storage.journal import Journal
from tests.app_process import app_environment

HEAVY = (
    "alembic",
    "jsonschema",
    "gpxpy",
    "numpy",
    "pyqtgraph",
    "sciajournal.exchange",
    "sciajournal.report",
    "sqlalchemy.orm",
)

START_AND_WATCH = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import sciajournal.ui.startup_trace as trace
from sciajournal.cli import main

seen = {}

class WatchShow(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            seen.setdefault("window shown", sorted(sys.modules))
        return False

def rows_painted(event):
    if event == "rows":
        seen["rows painted"] = sorted(sys.modules)
        print(json.dumps(seen))
        QApplication.instance().exit(0)

app = QApplication(sys.argv)  # the one run_app uses
watcher = WatchShow()
app.installEventFilter(watcher)
trace.mark = rows_painted
QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang the test run
sys.exit(main(["--db", sys.argv[1]]))
"""


#: Not before the rows either: the forms and dialogs are imported when first opened.
OPENED_ON_FIRST_USE = ("sciajournal.ui.forms", "sciajournal.ui.dialogs")

#: The journal itself (SQLAlchemy, and Alembic for migrations): opened after the rows.
AFTER_THE_ROWS = (
    "sqlalchemy",
    "alembic",
    "sciajournal.storage.journal",
    "sciajournal.storage.database",
    # Only once the journal can be used (its Qt classes cost the rows ~40 ms).
    "sciajournal.ui.focus_ring",
    # The writer lock is taken after the rows: filelock brings hashlib, hmac, secrets.
    "filelock",
    # The File menu's actions and their dialogs: once the journal is open.
    "sciajournal.ui.file_actions",
    # The whole analysis: the first screen needs only the walks' outcomes (~40 ms).
    "sciajournal.analysis.journal_analysis",
    "sciajournal.analysis.function_measures",
)

#: Needed for the rows, not for the window saying "Opening your journal…".
AFTER_THE_FIRST_WINDOW = (
    *AFTER_THE_ROWS,
    "sciajournal.storage.first_screen",
    "sciajournal.core.entities",
    "sciajournal.analysis",
    "sciajournal.service",
    "sciajournal.ui.journal_view",
    "sciajournal.ui.status_panel",
)


def heavy_imported(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return [h for h in heavy if any(name == h or name.startswith(h + ".") for name in modules)]


def test_the_start_path_imports_nothing_heavy(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:  # current schema: no migration due
        now = local_now() - timedelta(minutes=5)
        journal.add(PainRating(at=now, back=3, leg=4, context=PainContext.STANDALONE))
    env = app_environment(tmp_path, SCIAJOURNAL_STARTUP_TRACE="1")
    done = subprocess.run(
        [sys.executable, "-c", START_AND_WATCH, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(seen) == {"window shown", "rows painted"}, seen
    # The check can fail: the first screen's modules are there when its rows are.
    assert "sciajournal.storage.first_screen" in seen["rows painted"]
    assert "sciajournal.ui.journal_view" in seen["rows painted"]
    for moment, modules in seen.items():
        assert heavy_imported(modules, HEAVY + OPENED_ON_FIRST_USE) == [], f"by the {moment}"
    # The rows were read without SQLAlchemy: the journal is opened after they are painted.
    assert heavy_imported(seen["rows painted"], AFTER_THE_ROWS) == []
    # The window is shown before the journal is opened, so before SQLAlchemy is imported.
    assert heavy_imported(seen["window shown"], AFTER_THE_FIRST_WINDOW) == []


#: The app's start as above, printing the PySide6 classes created when its rows are
#: painted. PySide6 creates a class, and builds its enums, when it is first imported or
#: met: without an app-wide event filter here, which would meet every widget's class.
START_AND_LIST_QT_CLASSES = """
import json, sys
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import sciajournal.ui.startup_trace as trace
from sciajournal.cli import main

def rows_painted(event):
    if event == "rows":
        created = [n for m in (QtCore, QtGui, QtWidgets) for n in vars(m) if n.startswith("Q")]
        print(json.dumps(sorted(created)))
        QApplication.instance().exit(0)

app = QApplication(sys.argv)
trace.mark = rows_painted
QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang the test run
sys.exit(main(["--db", sys.argv[1]]))
"""

#: Qt classes not needed to paint the rows, each with enums PySide6 builds in Python
#: (274 enum classes at the rows, ~150 ms, before these were kept off the start):
QT_CLASSES_AFTER_THE_ROWS = (
    # the calendar popup of the list's date fields (date_time_edit.open_calendar)
    "QStyle",
    "QStyleOptionComboBox",
    # the dialogs: File menu, warnings
    "QDialog",
    "QMessageBox",
    "QFileDialog",
    # A sentinel for PySide6 building every QWidget class of QtWidgets, which it does to
    # find the type of a widget Qt made, the first time Python gets one (30 ms): the
    # list's viewport() at start-up (journal_view.EntryList.after_next_paint).
    "QMdiArea",
    "QGraphicsView",
)


def test_qt_classes_not_needed_for_the_rows_are_not_created_before_them(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        now = local_now() - timedelta(minutes=5)
        journal.add(PainRating(at=now, back=3, leg=4, context=PainContext.STANDALONE))
    done = subprocess.run(
        [sys.executable, "-c", START_AND_LIST_QT_CLASSES, str(path)],
        env=app_environment(tmp_path, SCIAJOURNAL_STARTUP_TRACE="1"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    created = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"QListView", "QDateEdit"} <= created  # the check can fail: the rows' are there
    assert sorted(created.intersection(QT_CLASSES_AFTER_THE_ROWS)) == []
