"""Walks from real device files that this project did not write (tests/fixtures/samples)."""

import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sciajournal.core.entities import Walk
from sciajournal.core.enums import Surface
from sciajournal.exchange.device_import import import_device_file
from sciajournal.exchange.json_format import ImportFileError

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"


def walks(journal):
    return [e for e in journal.entries() if isinstance(e, Walk)]


def test_apple_health_export_gives_its_walking_workout_only(journal):
    result = import_device_file(journal, SAMPLES / "apple-health" / "export.xml")
    (walk,) = walks(journal)
    assert walk.start == datetime(2024, 1, 16, 13, 15, tzinfo=UTC)
    assert walk.start.utcoffset() == timedelta(0)  # Europe/London in January
    assert (walk.minutes, walk.distance_km) == (45, 3.1)
    assert "Apple Health walking" in walk.notes
    assert result.added == 1
    assert "Apple Health running: recorded as running, not a walk (2 of these)" in result.summary()
    assert "Apple Health cycling: recorded as cycling, not a walk;" not in result.summary()
    assert result.summary().endswith("Apple Health cycling: recorded as cycling, not a walk")
    again = import_device_file(journal, SAMPLES / "apple-health" / "export.xml")
    assert (again.added, again.skipped) == (0, 1)


def test_apple_health_zip_and_the_recorded_time_zone(journal, tmp_path):
    summer = (
        (SAMPLES / "apple-health" / "export.xml").read_text().replace("2024-01-16", "2024-07-16")
    )
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("apple_health_export/export.xml", summer)
    import_device_file(journal, archive)
    (walk,) = walks(journal)
    assert walk.start.utcoffset() == timedelta(hours=1)  # London summer time, from HKTimeZone
    assert walk.start.hour == 14


def test_gpx_pieces_of_one_outing_are_one_walk(journal):
    result = import_device_file(journal, SAMPLES / "gpx" / "cerknicko-jezero.gpx")
    (walk,) = walks(journal)
    assert walk.start == datetime(2010, 8, 5, 14, 23, 59, tzinfo=UTC)
    # Seven timed pieces between 14:23:59 and 16:23:49; the gaps between them do not count.
    assert walk.minutes == 70.7
    assert walk.distance_km == pytest.approx(4.58, abs=0.01)
    assert walk.surface is Surface.HILLS
    assert result.left_out == []


def test_gpx_track_without_times_is_left_out_and_named(journal):
    result = import_device_file(journal, SAMPLES / "gpx" / "korita-zbevnica.gpx")
    # A 34-minute gap inside the segment 'ACTIVE LOG #2' is a pause: two outings.
    assert [(w.start.astimezone(UTC).strftime("%H:%M"), w.minutes) for w in walks(journal)] == [
        ("09:36", 112.8),
        ("12:08", 71.3),
    ]
    assert result.left_out == [
        "GPX track '03-OCT-10 #2' (358 points, 0 with a time): "
        "too few times recorded to know when and how long"
    ]


def test_gpx_with_a_byte_order_mark_and_no_tracks(journal):
    result = import_device_file(journal, SAMPLES / "gpx" / "unicode_with_bom.gpx")
    assert result.added == 0 and "no tracks" in result.summary()


def test_tcx_run_is_not_a_walk_but_a_slow_other_activity_is(journal):
    run = import_device_file(journal, SAMPLES / "tcx" / "test.tcx")
    assert run.added == 0
    assert run.left_out == ["TCX activity 1 (Running): recorded as running, not a walk"]
    other = import_device_file(journal, SAMPLES / "tcx" / "sup_activity_1.tcx")
    assert other.added == 1
    assert walks(journal)[0].minutes == 18.5


def test_the_same_walk_from_two_sources_is_added_once(journal):
    import_device_file(journal, SAMPLES / "apple-health" / "export.xml")
    route = import_device_file(
        journal, SAMPLES / "apple-health" / "workout-routes" / "route_2024-01-16_1.15pm.gpx"
    )
    assert (route.added, route.skipped) == (0, 1)


def test_a_broken_file_is_named_and_nothing_is_written(journal, tmp_path):
    broken = tmp_path / "broken.gpx"
    broken.write_bytes((SAMPLES / "gpx" / "cerknicko-jezero.gpx").read_bytes()[:5000])
    before = list(sqlite3.connect(journal.path).iterdump())
    with pytest.raises(ImportFileError, match=r"broken\.gpx: not a readable GPX file"):
        import_device_file(journal, broken)
    assert list(sqlite3.connect(journal.path).iterdump()) == before


def test_cli_imports_a_device_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(tmp_path / "j.sqlite"), "import",
         str(SAMPLES / "tcx" / "test.tcx")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 0 walks") and "recorded as running" in result.stdout


def test_window_imports_a_device_file_after_its_preview(qtbot, journal):
    from sciajournal.ui.main_window import MainWindow

    window = MainWindow(journal, clock=lambda: datetime(2010, 10, 4, 9, 0, tzinfo=UTC))
    qtbot.addWidget(window)
    assert window.files.import_path(SAMPLES / "gpx" / "korita-zbevnica.gpx") is None
    preview = window.files.device_preview
    qtbot.waitUntil(lambda: preview.import_button.isEnabled(), timeout=30_000)
    assert preview.import_button.text() == "Import 2 walks"
    preview.import_button.click()
    qtbot.wait(200)
    texts = [window.view.model.row_at(i).text for i in range(window.view.model.rowCount())]
    assert any("Walk 112.8 min, hills" in text for text in texts)
