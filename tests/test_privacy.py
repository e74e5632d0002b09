"""The app opens no network connection, ever: every user-facing path runs with sockets forbidden.

A sitecustomize module installs an audit hook in each child process that refuses the
creation of any socket and any address look-up, so a library that tried would fail loudly.
"""

import os
import subprocess
import sys
import textwrap

import pytest

FORBID_SOCKETS = textwrap.dedent(
    """
    import sys

    def _no_network(event, args):
        if event in ("socket.__new__", "socket.getaddrinfo", "socket.connect",
                     "socket.gethostbyname", "urllib.Request"):
            raise PermissionError(f"SciaJournal privacy test: {event} is forbidden")

    sys.addaudithook(_no_network)
    """
)

GUI_START = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    def use_the_window():
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "main-window")
        if not window.is_open():  # shown first, the journal opened into it just after
            QTimer.singleShot(100, use_the_window)
            return
        for open_form in (window.log_walk, window.log_pain, window.log_treatment,
                          window.log_medication, window.log_red_flag, window.add_note):
            open_form().reject()
        window.refresh()
        print("window shown with", window.view.model.rowCount(), "rows", flush=True)
        app.quit()
    QTimer.singleShot(300, use_the_window)
    from sciajournal.app import run_app
    sys.exit(run_app(Path(sys.argv[1])))
    """
)


@pytest.fixture
def offline_env(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(FORBID_SOCKETS)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hooks), env.get("PYTHONPATH")]))
    env.pop("SCIAJOURNAL_DB", None)
    return env


def run(env, *args, code=None):
    command = (
        [sys.executable, "-c", code, *args]
        if code
        else [sys.executable, "-m", "sciajournal", *args]
    )
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_the_guard_works(offline_env):
    attempt = run(offline_env, code="import socket; socket.socket()")
    assert attempt.returncode != 0 and "forbidden" in attempt.stderr


def test_no_socket_in_cli_demo_report_export_import_backup(offline_env, tmp_path):
    journal = str(tmp_path / "j.sqlite")
    exported = str(tmp_path / "export.json")
    for args in (
        ("demo", "--days", "60"),
        ("export", "--format", "json", "-o", exported),
        ("report", "--json"),
        ("backup",),
        ("--version",),
    ):
        result = run(offline_env, "--db", journal, *args)
        assert result.returncode == 0, (args, result.stderr)
    copy = str(tmp_path / "copy.sqlite")
    assert run(offline_env, "--db", copy, "import", exported).returncode == 0


def test_no_socket_when_the_window_starts_and_forms_open(offline_env, tmp_path):
    journal = str(tmp_path / "j.sqlite")
    assert run(offline_env, "--db", journal, "demo", "--days", "20").returncode == 0
    result = run(offline_env, journal, code=GUI_START)
    assert result.returncode == 0, result.stderr
    assert "window shown with" in result.stdout
