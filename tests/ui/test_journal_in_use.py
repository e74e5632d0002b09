"""A journal open in one SciaJournal process is refused by a second, as two real
processes: the second shows the journal's rows (read before its lock is taken, issue
14), then says the journal is in use and ends with status 1, having changed nothing."""

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from sciajournal.core.entities import PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.storage.errors import JournalLocked
from sciajournal.storage.journal import Journal
from sciajournal.storage.lock_holder import Holder, read_holder
from sciajournal.storage.writable_file import check_for_writing
from tests.app_process import app_environment

HOLD = """
import sys
from pathlib import Path
from sciajournal.storage.journal import Journal
from sciajournal.storage.lock_holder import Holder
with Journal.open(Path(sys.argv[1]), holder=Holder.WINDOW):
    print("holding", flush=True)
    sys.stdin.readline()  # until the test says so
"""

#: The app as the command starts it; what it painted and said is printed as JSON.
START_AND_ANSWER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
import sciajournal.ui.startup_trace as trace
from sciajournal.cli import main

seen = {"events": []}
trace.mark = seen["events"].append

def press_close():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(5, press_close)
        return
    seen["events"].append("refused")
    seen["text"] = box.text()
    next(b for b in box.buttons() if b.text().startswith("Close")).click()

app = QApplication(sys.argv)
QTimer.singleShot(0, press_close)
QTimer.singleShot(60_000, lambda: app.exit(3))  # never hang the test run
status = main(["--db", sys.argv[1]])
print(json.dumps(seen))
sys.exit(status)
"""


def test_a_second_process_shows_the_rows_then_refuses_the_journal_in_use(tmp_path: Path):
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.add(PainRating(at=local_now() - timedelta(minutes=5), back=3, leg=6))
    env = app_environment(tmp_path, SCIAJOURNAL_STARTUP_TRACE="1")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        second = subprocess.run(
            [sys.executable, "-c", START_AND_ANSWER, str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert second.returncode == 1, second.stderr
        seen = json.loads(second.stdout.strip().splitlines()[-1])
        assert seen["events"] == ["rows", "refused"]  # its rows first, then the refusal
        told = "is open in a SciaJournal window; close it there first"
        assert told in seen["text"]
        assert told in second.stderr and "Traceback" not in second.stderr
        # The first process keeps its lock and its note: the second changed nothing.
        assert read_holder(path) is Holder.WINDOW
        with pytest.raises(JournalLocked):
            check_for_writing(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)
    assert holder.returncode == 0
    with Journal.open(path, read_only=True) as journal:
        assert [(r.back, r.leg) for r in journal.collection(kinds=[PainRating]).pain] == [(3, 6)]
