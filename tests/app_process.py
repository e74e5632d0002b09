"""The environment for starting the app in a child process, as the command does, kept
apart from the user's own settings and saved window geometry."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def app_environment(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """os.environ with this checkout first on the path, an offscreen Qt, and HOME and
    the settings folder in `tmp_path`; `overrides` last."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=path,
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.update(overrides)
    return env
