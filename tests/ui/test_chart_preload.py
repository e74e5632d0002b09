"""The chart library loaded in the background after start-up (ui/charts/preload.py).

Each case starts the app as the `sciajournal` command does, in a fresh interpreter (in
this test process pyqtgraph is long imported), opens the Charts tab with Alt+C at one
moment of the preload, checks the chart shows the journal, then quits and looks for the
preload's thread: it must not outlive the window.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from tests.app_process import app_environment

START_AND_OPEN_CHARTS = """
import gc, json, sys, threading
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
import sciajournal.ui.charts.preload as preload
import sciajournal.ui.startup_trace as trace
from sciajournal.cli import main
from sciajournal.ui.main_window import MainWindow

moment = sys.argv[2]
seen = {}
preloads = []
start_preload = preload.preload_chart_library

def remember(window, *args):
    preloads.append(start_preload(window, *args))
    return preloads[-1]

preload.preload_chart_library = remember

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

def when(ready, then):
    def poll():
        if ready():
            then()
        else:
            QTimer.singleShot(1, poll)
    poll()

def open_charts():
    seen["stage at Alt+C"] = preloads[0].stage.name
    seen["thread running at Alt+C"] = preloads[0].is_running()
    seen["frozen at Alt+C"] = gc.get_freeze_count() > 0
    QTest.keyClick(window(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    charts = window().charts
    seen["charts shown"] = charts is not None and window().tabs.currentWidget() is charts
    seen["bars"] = len(charts.timeline.bars.opts["height"]) if charts else 0
    quit()

def quit():
    seen["thread running before quit"] = preloads[0].is_running()
    window().quit()  # File > Quit
    seen["thread running after quit"] = preloads[0].is_running()
    seen["threads"] = sorted(t.name for t in threading.enumerate())
    print(json.dumps(seen))

def rows_painted(event):
    if event != "rows":
        return
    # The rows come first from the journal's first screen; the journal, with the Charts
    # tab and the preload, is open a moment later.
    if moment == "at the rows":
        when(lambda: bool(preloads), open_charts)
    elif moment == "while importing":
        when(lambda: preloads and preloads[0].stage is preload.Stage.IMPORTING, open_charts)
    elif moment == "quit while importing":
        when(lambda: preloads and preloads[0].stage is preload.Stage.IMPORTING, quit)
    else:
        when(lambda: preloads and preloads[0].stage is preload.Stage.DONE, open_charts)

app = QApplication(sys.argv)
trace.mark = rows_painted
QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang the test run
sys.exit(main(["--db", sys.argv[1]]))
"""


@pytest.fixture(scope="module")
def journal_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("preload") / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.add_many(demo_entries(120, seed=3))
    return path


def start_and_watch(journal_path: Path, tmp_path: Path, moment: str) -> dict[str, object]:
    env = app_environment(tmp_path, SCIAJOURNAL_STARTUP_TRACE="1")
    done = subprocess.run(
        [sys.executable, "-c", START_AND_OPEN_CHARTS, str(journal_path), moment],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


@pytest.mark.parametrize(
    ("moment", "stage"),
    [
        ("at the rows", "WAITING"),  # before the preload began: it finds nothing to do
        ("while importing", "IMPORTING"),  # the tab's import waits for the thread's
        ("after the preload", "DONE"),
    ],
)
def test_charts_open_with_alt_c_whatever_the_preload_is_doing(
    journal_path: Path, tmp_path: Path, moment: str, stage: str
) -> None:
    seen = start_and_watch(journal_path, tmp_path, moment)
    assert seen["stage at Alt+C"] == stage
    assert seen["thread running at Alt+C"] is (stage == "IMPORTING")
    # Start-up's objects left out of the cyclic collector's scans once the preload began.
    assert seen["frozen at Alt+C"] is (stage != "WAITING")
    assert seen["charts shown"] is True
    assert seen["bars"] == 91  # the default three months, one bar a day
    assert seen["thread running after quit"] is False
    assert not [name for name in seen["threads"] if "preload" in name]


def test_quitting_while_the_library_loads_waits_for_the_thread(
    journal_path: Path, tmp_path: Path
) -> None:
    seen = start_and_watch(journal_path, tmp_path, "quit while importing")
    assert seen["thread running before quit"] is True  # the check below can fail
    assert seen["thread running after quit"] is False
    assert not [name for name in seen["threads"] if "preload" in name]


def test_a_preload_after_the_charts_were_opened_has_nothing_to_do(qtbot) -> None:
    import pyqtgraph  # noqa: F401 - as the Charts tab opened first has
    from PySide6.QtWidgets import QWidget

    from sciajournal.ui.charts.preload import Stage, preload_chart_library

    window = QWidget()
    qtbot.addWidget(window)
    preload = preload_chart_library(window, after_ms=0)
    qtbot.waitUntil(lambda: preload.stage is Stage.DONE)
    assert preload.importer is None  # nothing was left to load
    window.close()
    assert not preload.is_running()


def test_closing_the_window_before_the_preload_began_stops_it(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from sciajournal.ui.charts.preload import Stage, preload_chart_library

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    preload = preload_chart_library(window, after_ms=50)
    window.close()
    qtbot.wait(200)
    assert preload.stage is Stage.STOPPED and preload.importer is None
