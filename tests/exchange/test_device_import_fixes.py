"""Device import against files shaped like today's real ones: iOS 16+ Apple Health
exports, renamed exports, a workout and its route, pauses inside a segment, an impossible
outing in a good file, mixed GPX times and explicit sports."""

import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import Walk
from sciajournal.core.enums import Pace
from sciajournal.exchange.device_import import import_device_file
from sciajournal.exchange.import_source import ImportFileError
from tests.exchange.device_files import (
    gpx,
    gpx_points,
    health_export,
    statistics,
    tcx,
    tcx_activity,
    workout,
)

MADRID = timezone(timedelta(hours=2))
MORNING = datetime(2024, 6, 3, 9, 59, 30, tzinfo=MADRID)  # 07:59:30 UTC


def walks(journal):
    return [e for e in journal.entries() if isinstance(e, Walk)]


def ios16_walk(start=MORNING, minutes=48.0, miles=2.0) -> str:
    """A walk as iOS 16+ writes it: no totalDistance attribute, totals as children."""
    return workout(
        start,
        minutes,
        children=statistics("DistanceWalkingRunning", miles, "mi", start, minutes)
        + statistics("StepCount", 4321, "count", start, minutes)
        + statistics("ActiveEnergyBurned", 180, "Cal", start, minutes),
    )


# -- 1. Apple Health: iOS 16+ totals and exports found by content ---------------------------


def test_ios16_distance_and_steps_come_from_workout_statistics(journal, tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(health_export(ios16_walk()), encoding="utf-8")
    assert import_device_file(journal, export).added == 1
    (walk,) = walks(journal)
    assert walk.distance_km == 3.219  # 2 mi
    assert walk.steps == 4321
    assert walk.pace is Pace.MODERATE  # 4.0 km/h: judged from the distance, not "slow"


@pytest.mark.parametrize(("unit", "km"), [("km", 3.2), ("m", 3.2), ("mi", 5.15)])
def test_the_old_total_distance_attribute_still_counts(journal, tmp_path, unit, km):
    value = {"km": 3.2, "m": 3200, "mi": 3.2}[unit]
    export = tmp_path / "export.xml"
    attributes = f'totalDistance="{value}" totalDistanceUnit="{unit}"'
    export.write_text(health_export(workout(MORNING, 50, attributes=attributes)), "utf-8")
    import_device_file(journal, export)
    assert walks(journal)[0].distance_km == pytest.approx(km, abs=0.001)


@pytest.mark.parametrize(
    "member", ["exportar.xml", "apple_health_export/导出.xml", "Health/vienti.xml"]
)
def test_the_export_in_a_zip_is_found_by_what_it_holds(journal, tmp_path, member):
    archive = tmp_path / "Exportar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        # Listed first and also XML: the clinical document export is not the one.
        bundle.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")
        bundle.writestr("apple_health_export/workout-routes/route.gpx", gpx(gpx_points(MORNING, 5)))
        bundle.writestr(member, health_export(ios16_walk()))
    assert import_device_file(journal, archive).added == 1


def test_a_zip_without_a_health_export_says_so(journal, tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("apple_health_export/export.xml", "<ClinicalDocument/>")
        bundle.writestr("notes.txt", "hello")
    with pytest.raises(ImportFileError) as refused:
        import_device_file(journal, archive)
    assert (
        str(refused.value) == "export.zip: no Apple Health export (export.xml) inside this zip file"
    )
    assert walks(journal) == []


# -- 2. One walk recorded twice is one walk; a hand-logged walk is never replaced -----------


def workout_and_route(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(health_export(ios16_walk(minutes=48)), encoding="utf-8")
    route = tmp_path / "route_2024-06-03_10.00am.gpx"
    # The route starts 34 s after the workout, in the next minute, and ends a little early.
    route.write_text(gpx(gpx_points(MORNING + timedelta(seconds=34), 47)), encoding="utf-8")
    return export, route


@pytest.mark.parametrize("order", ["workout first", "route first"])
def test_a_workout_and_its_route_are_one_walk(journal, tmp_path, order):
    files = list(workout_and_route(tmp_path))
    if order == "route first":
        files.reverse()
    first = import_device_file(journal, files[0])
    second = import_device_file(journal, files[1])
    assert (first.added, second.added, second.skipped) == (1, 0, 1)
    assert len(walks(journal)) == 1
    again = [import_device_file(journal, path) for path in files]  # re-import is idempotent
    assert [(r.added, r.skipped) for r in again] == [(0, 1), (0, 1)]
    assert len(walks(journal)) == 1


def test_walks_overlapping_less_than_half_are_two(journal, tmp_path):
    route = tmp_path / "two.gpx"
    # 40 minutes, then 40 minutes starting 25 minutes after the first began (15 min overlap).
    first = gpx_points(MORNING, 40)
    second = gpx_points(MORNING + timedelta(minutes=25), 40)
    route.write_text(gpx(first, name="a") + "", encoding="utf-8")
    other = tmp_path / "other.gpx"
    other.write_text(gpx(second, name="b"), encoding="utf-8")
    assert import_device_file(journal, route).added == 1
    assert import_device_file(journal, other).added == 1


def test_the_same_walk_twice_in_one_file_is_one_walk(journal, tmp_path):
    export = tmp_path / "export.xml"
    watch = ios16_walk(minutes=48)
    phone = ios16_walk(start=MORNING + timedelta(minutes=2), minutes=40)
    export.write_text(health_export(watch, phone), encoding="utf-8")
    result = import_device_file(journal, export)
    assert (result.added, result.skipped) == (1, 0)
    assert walks(journal)[0].minutes == 48  # the recording of the whole walk is kept


def test_a_walk_logged_by_hand_is_never_replaced(journal, tmp_path):
    mine = journal.add(Walk(start=MORNING + timedelta(minutes=5), minutes=40, notes="with Ana"))
    export, route = workout_and_route(tmp_path)
    notes = []
    for path in (export, route):
        result = import_device_file(journal, path)
        assert result.added == 0
        notes += result.left_out
    # (The route has no time zone: it is shown in this computer's zone, the test's is free.)
    assert notes[0] == "Apple Health walking of 2024-06-03 09:59: you logged a walk then"
    assert notes[1].startswith("GPX track 'Morning walk' of 2024-06-03 ")
    assert notes[1].endswith(": you logged a walk then") and len(notes) == 2
    assert walks(journal) == [mine]


# -- 3. A long pause inside one GPX segment is not walking -----------------------------------


def test_a_pause_inside_a_segment_splits_it_like_a_pause_between_segments(journal, tmp_path):
    points = gpx_points(MORNING, 60)
    after_lunch = gpx_points(points[-1][0] + timedelta(minutes=31), 45)
    inside = tmp_path / "inside.gpx"
    inside.write_text(gpx(points + after_lunch), encoding="utf-8")
    between = tmp_path / "between.gpx"
    between.write_text(gpx(points, after_lunch), encoding="utf-8")
    import_device_file(journal, inside)
    assert [w.minutes for w in walks(journal)] == [60, 45]  # not one walk of 136 minutes
    result = import_device_file(journal, between)
    assert (result.added, result.skipped) == (0, 2)  # the same two walks


def test_a_short_gap_inside_a_segment_stays_one_walk(journal, tmp_path):
    points = gpx_points(MORNING, 30)
    rest = gpx_points(points[-1][0] + timedelta(minutes=29), 30)
    track = tmp_path / "walk.gpx"
    track.write_text(gpx(points + rest), encoding="utf-8")
    import_device_file(journal, track)
    assert [w.minutes for w in walks(journal)] == [89]


# -- 4. One impossible outing does not block the file; notes name what was left out ---------


def test_a_thirteen_hour_outing_is_left_out_and_the_good_walk_comes_in(journal, tmp_path):
    day = tmp_path / "logger.tcx"
    long_day = datetime(2024, 6, 4, 6, 0, tzinfo=UTC)
    day.write_text(
        tcx(
            tcx_activity("Other", long_day, 13 * 3600, 9_000),
            tcx_activity("Other", MORNING, 40 * 60, 2_600),
            tcx_activity("Other", long_day + timedelta(days=1), 20 * 60, 4_000),  # 12 km/h
        ),
        encoding="utf-8",
    )
    result = import_device_file(journal, day)
    assert result.added == 1 and walks(journal)[0].minutes == 40
    assert sorted(result.left_out) == [
        "TCX activity 1 (Other): 780 minutes of walking, more than a walk can be "
        "(720 at most; a logger left running?)",
        "TCX activity 3 (Other): too fast for a walk (12.0 km/h on average)",
    ]


def test_a_one_point_segment_is_named_as_that_segment(journal, tmp_path):
    track = tmp_path / "walk.gpx"
    track.write_text(gpx(gpx_points(MORNING, 30), gpx_points(MORNING + timedelta(hours=1), 0)))
    result = import_device_file(journal, track)
    assert result.added == 1
    assert result.left_out == [
        "GPX track 'Morning walk', segment 2 of 2 (1 point, 1 with a time): "
        "too few times recorded to know when and how long"
    ]


# -- 5. Mixed GPX times, whitespace before a TCX declaration ---------------------------------


def test_gpx_times_without_an_offset_are_utc_as_gpx_says(journal, tmp_path):
    points = gpx_points(MORNING, 20)
    naive = [(time.astimezone(UTC).replace(tzinfo=None), lat, lon) for time, lat, lon in points]
    offset = gpx(points[:60], time_format="%Y-%m-%dT%H:%M:%S%z")
    without = gpx(naive[60:], time_format="%Y-%m-%dT%H:%M:%S")
    mixed = offset.split("  </trk>")[0] + without.split("<trk><name>Morning walk</name>")[1]
    track = tmp_path / "mixed.gpx"
    track.write_text(mixed, encoding="utf-8")
    import_device_file(journal, track)
    (walk,) = walks(journal)
    assert walk.start.astimezone(UTC) == MORNING.astimezone(UTC)
    assert walk.minutes == 19.8  # the 10 s between the two segments is not walking


def test_a_tcx_with_a_line_break_before_its_declaration_imports(journal, tmp_path):
    activity = tmp_path / "activity.tcx"
    activity.write_text("\n  " + tcx(tcx_activity("Other", MORNING, 1800, 2000)), encoding="utf-8")
    assert import_device_file(journal, activity).added == 1


# -- 6. An explicit sport is trusted -----------------------------------------------------------


def test_a_slow_treadmill_run_and_a_slow_ride_are_not_walks(journal, tmp_path):
    treadmill = tmp_path / "treadmill.tcx"
    treadmill.write_text(
        tcx(
            tcx_activity("Running", MORNING, 1800, 3490),  # 6.98 km/h
            tcx_activity("Biking", MORNING + timedelta(hours=3), 3600, 3000),
        ),
        encoding="utf-8",
    )
    result = import_device_file(journal, treadmill)
    assert result.added == 0
    assert result.left_out == [
        "TCX activity 1 (Running): recorded as running, not a walk",
        "TCX activity 2 (Biking): recorded as a bike ride, not a walk",
    ]


def test_apple_running_and_cycling_are_not_walks_even_slow(journal, tmp_path):
    export = tmp_path / "export.xml"
    slow_run = workout(
        MORNING, 60, kind="Running", attributes='totalDistance="4" totalDistanceUnit="km"'
    )
    ride = workout(MORNING + timedelta(hours=3), 60, kind="Cycling")
    export.write_text(health_export(slow_run, ride), encoding="utf-8")
    result = import_device_file(journal, export)
    assert result.added == 0
    assert result.left_out == [
        "Apple Health running: recorded as running, not a walk",
        "Apple Health cycling: recorded as cycling, not a walk",
    ]


# -- import --dry-run ---------------------------------------------------------------------------


def test_dry_run_lists_what_would_come_in_and_writes_nothing(capsys, journal_path, tmp_path):
    from sciajournal.cli import main
    from sciajournal.storage.journal import Journal

    export, route = workout_and_route(tmp_path)
    assert main(["--db", str(journal_path), "import", str(export)]) == 0
    day = tmp_path / "day.tcx"
    day.write_text(
        tcx(
            tcx_activity("Other", MORNING + timedelta(days=1), 40 * 60, 2_600),
            tcx_activity("Running", MORNING + timedelta(days=2), 1800, 3490),
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    before = journal_path.read_bytes()
    for path in (route, day):
        assert main(["--db", str(journal_path), "import", "--dry-run", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert journal_path.read_bytes() == before
    assert lines[0].split() == ["when", "min", "km", "surface", "pace", "source"]
    # (Files without a time zone are shown in this computer's zone: the hours are not fixed.)
    assert lines[1].split()[2:6] == ["47", "3.14", "flat", "moderate"]
    assert lines[1].endswith("route_2024-06-03_10.00am.gpx (GPX track 'Morning walk')  "
                             "already in your journal")  # fmt: skip
    assert lines[2].split() == lines[0].split()  # the second file's table
    assert lines[3].split()[2:] == ["40", "2.60", "flat", "slow", "day.tcx", "(TCX",
                                    "activity", "1", "(Other))", "new"]  # fmt: skip
    # A run is listed with its reason: the preview offers to take it anyway.
    assert lines[4].split()[2:5] == ["30", "3.49", "flat"]
    assert lines[4].endswith("(Running))  left out: recorded as running, not a walk")
    assert len(lines) == 5
    with Journal.open(journal_path) as journal:
        assert len(walks(journal)) == 1
