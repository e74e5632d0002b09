"""Every window and dialog fits a 1280x800 screen at 150 % scaling, buttons in view.

The app runs in its own process on an offscreen screen of that size, with
QT_SCALE_FACTOR=1.5 (853x533 logical pixels), and reports each window's geometry.
"""

import json
import subprocess
import sys
from pathlib import Path

from tests.app_process import ROOT, app_environment

SCREEN = {
    "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}]
}


def windows_on_a_small_screen(tmp_path: Path) -> list[dict]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = app_environment(
        tmp_path, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="1.5"
    )
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.small_screen_run", str(tmp_path / "j.sqlite")],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=ROOT,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    return [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]


def inside(rect: list[int], screen: list[int]) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


def test_every_window_and_its_buttons_fit_1280x800_at_150_percent(tmp_path):
    windows = windows_on_a_small_screen(tmp_path)
    names = [w["name"] for w in windows]
    assert {"Journal window", "Log walk", "Follow-up", "Settings", "Print preview"} <= set(names)
    assert len(windows) >= 16
    problems = []
    for window in windows:
        assert window["screen"] == [0, 0, 853, 533]
        if not inside(window["window"], window["screen"]):
            problems.append(f"{window['name']}: window {window['window']}")
        for button in window["buttons"]:
            if not inside(button["rect"], window["screen"]):
                problems.append(f"{window['name']}: button {button['text']!r} {button['rect']}")
    assert not problems, "\n".join(problems)


if __name__ == "__main__":  # python -m tests.ui.test_small_screen: print the sizes
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for shown in windows_on_a_small_screen(Path(folder)):
            print(shown["name"], shown["window"], len(shown["buttons"]), "buttons")
