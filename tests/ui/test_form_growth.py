"""A form saved with problems grows to show every message and the fields below it, within
the screen, rather than hiding them in a scrolling area; where the screen is too small
for all of it, the first problem's message is scrolled into view.

Each screen runs the app in its own process (offscreen, a configured screen size)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app_process import ROOT, app_environment
from tests.ui.test_small_screen import inside

#: A common laptop at 100 %, and the small-screen test's 1280x800 at 150 % (853x533).
LAPTOP = (1366, 768, "1")
SMALL = (1280, 800, "1.5")


def forms_saved_with_problems(tmp_path: Path, width: int, height: int, scale: str) -> list[dict]:
    screen = {"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen))
    env = app_environment(
        tmp_path, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale
    )
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.form_growth_run", str(tmp_path / "j.sqlite")],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=ROOT,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    forms = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert len(forms) == 5
    for form in forms:
        assert form["problems"], f"{form['name']}: Save showed no problem"
        assert inside(form["window"], form["screen"]), form
    return forms


def test_on_a_laptop_every_message_and_the_notes_show_without_scrolling(tmp_path):
    for form in forms_saved_with_problems(tmp_path, *LAPTOP):
        hidden = [problem["text"] for problem in form["problems"] if not problem["in_view"]]
        assert not hidden, f"{form['name']}: hidden {hidden}"
        assert form["notes_in_view"], f"{form['name']}: Notes hidden"


@pytest.mark.parametrize("size", [LAPTOP, SMALL], ids=["1366x768", "1280x800 at 150 %"])
def test_the_first_problem_is_in_view_with_the_focus_on_its_field(tmp_path, size):
    for form in forms_saved_with_problems(tmp_path, *size):
        assert form["focused_problem_in_view"] == [True], form
