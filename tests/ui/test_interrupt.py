"""Ctrl+C in the terminal that started SciaJournal ends it cleanly."""

import signal
import subprocess
import sys
import time

from sciajournal.app import INTERRUPTED_EXIT_CODE
from tests.app_process import app_environment


def test_ctrl_c_closes_the_window_without_a_traceback(tmp_path):
    env = app_environment(tmp_path)
    app = subprocess.Popen(
        [sys.executable, "-m", "sciajournal", "--db", str(tmp_path / "j.sqlite")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "j.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # the window is up and its event loop running
    assert app.poll() is None, app.communicate()
    app.send_signal(signal.SIGINT)
    try:
        _out, err = app.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        app.kill()  # still running after Ctrl+C: the defect this test is about
        _out, err = app.communicate()
        raise AssertionError(f"still running after Ctrl+C:\n{err}") from None
    assert app.returncode == INTERRUPTED_EXIT_CODE, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
