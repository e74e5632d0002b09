"""PySide6's per-import check gives the same answers without keeping every source in memory.

In a fresh interpreter: the app installs the check once per process, and PySide6's own
function is needed beside it for comparison.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_BOTH = """
import json, linecache, sys
import PySide6.QtCore
from sciajournal.ui.pyside_source_check import spare_module_sources

feature = sys.modules["shibokensupport.feature"]
pyside_own = feature._mod_uses_pyside
installed = spare_module_sources()
import launch_check_with_qt, launch_check_without_qt  # through PySide6's import hook
seen = {
    "installed": installed,
    "judged": [feature.pyside_feature_dict.get(name)
               for name in ("launch_check_with_qt", "launch_check_without_qt")],
    "kept after import": [m.__file__ in linecache.cache
                          for m in (launch_check_with_qt, launch_check_without_qt)],
    "built in": feature._mod_uses_pyside(sys),
    "pyside6 itself": [pyside_own(launch_check_with_qt), pyside_own(launch_check_without_qt)],
    "kept by pyside6 itself": [m.__file__ in linecache.cache
                               for m in (launch_check_with_qt, launch_check_without_qt)],
}
print(json.dumps(seen))
"""


def test_modules_are_judged_as_pyside6_judges_them_and_their_sources_let_go(tmp_path):
    (tmp_path / "launch_check_with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "launch_check_without_qt.py").write_text("VALUE = 1\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(tmp_path)]))
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_BOTH],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["installed"] is True
    # As PySide6 itself decides: 0 for a module using PySide6, -1 (ignored) otherwise.
    assert seen["judged"] == [0, -1]
    assert seen["pyside6 itself"] == [True, False]
    assert seen["built in"] is False  # no file: PySide6 says False too
    # The sources were read and let go, where PySide6's own check keeps them for good.
    assert seen["kept after import"] == [False, False]
    assert seen["kept by pyside6 itself"] == [True, True]
