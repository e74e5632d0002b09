"""The menu entry and the AppStream metadata that the packages install: they pass the
validators that distributions and software centres run, say what the app promises, and
name the one version (sciajournal/__init__.py) as the newest release.

The validators come from Debian's desktop-file-utils and appstream packages. Without them
the two validator tests skip, except under CI (CI=true), where .ci/run installs them and a
skip would hide a broken file.
"""

import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

import sciajournal

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.sciajournal.SciaJournal"
DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"


def validator(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{name} is missing under CI: install {package} (see .ci/run)")
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_desktop_entry_passes_desktop_file_validate_without_a_remark() -> None:
    result = subprocess.run(
        [validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [validator("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    remarks = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert remarks == []


def test_the_newest_release_is_the_apps_version_and_releases_run_newest_first() -> None:
    releases = ET.parse(METAINFO).getroot().findall("./releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].attrib["version"] == sciajournal.__version__
    dates = [date.fromisoformat(release.attrib["date"]) for release in releases]
    assert dates == sorted(dates, reverse=True)
    for release in releases:
        assert "".join(release.itertext()).strip(), f"release {release.attrib} says nothing"


def test_metainfo_says_what_the_app_promises() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    description = " ".join("".join(component.findall("description")[0].itertext()).split())
    assert "No network, no account" in description
    assert component.find("content_rating") is not None
    screenshot = component.find("./screenshots/screenshot/image")
    assert screenshot is not None
    assert (ROOT / "docs" / Path(screenshot.text or "").name).exists()  # the picture it shows


def test_desktop_entry_starts_the_installed_command_with_the_installed_icon() -> None:
    entry = desktop_entry()
    with (ROOT / "pyproject.toml").open("rb") as file:
        scripts = tomllib.load(file)["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == APP_ID  # packaging/build-linux installs the icons under this name
    assert entry["Name"] == "SciaJournal"
    assert entry["Terminal"] == "false"
