"""What a device file would bring, as the preview and `import --dry-run` show it: one
classification below the window, and reading that reports progress and can be stopped."""

import zipfile
from datetime import timedelta

import pytest

from sciajournal.core.entities import Walk
from sciajournal.exchange.device_import import (
    add_chosen_walks,
    import_device_file,
    plan_device_import,
    read_device_file,
)
from sciajournal.exchange.device_plan import Standing
from sciajournal.exchange.import_source import ImportCancelled
from tests.exchange.device_files import health_export, tcx, tcx_activity, workout
from tests.exchange.test_device_import_fixes import MORNING, ios16_walk


def walks(journal):
    return [e for e in journal.entries() if isinstance(e, Walk)]


def day_of_everything(tmp_path):
    """A TCX with a new walk, one already imported, one overlapping a hand-logged walk,
    a slow treadmill run, a too-fast outing and a logger's thirteen-hour day."""
    days = [MORNING + timedelta(days=n) for n in range(6)]
    activity = tmp_path / "week.tcx"
    activity.write_text(
        tcx(
            tcx_activity("Other", days[0], 40 * 60, 2_600),
            tcx_activity("Other", days[1], 30 * 60, 2_000),
            tcx_activity("Other", days[2], 50 * 60, 3_500),
            tcx_activity("Running", days[3], 30 * 60, 3_490),
            tcx_activity("Other", days[4], 20 * 60, 4_000),
            tcx_activity("Other", days[5] - timedelta(hours=3), 13 * 3600, 9_000),
        ),
        encoding="utf-8",
    )
    return activity, days


def test_each_walk_found_has_its_standing_and_only_new_ones_are_ticked(journal, tmp_path):
    activity, days = day_of_everything(tmp_path)
    earlier = tmp_path / "earlier.tcx"
    earlier.write_text(tcx(tcx_activity("Other", days[1], 30 * 60, 2_000)), encoding="utf-8")
    import_device_file(journal, earlier)
    journal.add(Walk(start=days[2] + timedelta(minutes=10), minutes=45, notes="by hand"))
    journal.add(Walk(start=days[3] + timedelta(minutes=5), minutes=20, notes="by hand"))

    plan = plan_device_import(journal, activity)
    standings = [(found.standing, found.reason) for found in plan.found]
    assert standings == [
        (Standing.NEW, ""),
        (Standing.ALREADY, ""),
        (Standing.HAND_LOGGED, ""),
        (Standing.LEFT_OUT, "recorded as running, not a walk; you logged a walk then"),
        (Standing.LEFT_OUT, "too fast for a walk (12.0 km/h on average)"),
        (Standing.IMPOSSIBLE, "780 minutes of walking, more than a walk can be "
                              "(720 at most; a logger left running?)"),
    ]  # fmt: skip
    assert [f.ticked_by_default for f in plan.found] == [True, False, False, False, False, False]
    assert [f.takeable for f in plan.found] == [True, False, True, True, True, False]
    assert plan.found[1].status == "already in your journal"
    assert plan.found[2].status == "you logged a walk then"
    assert plan.found[3].status == (
        "left out: recorded as running, not a walk; you logged a walk then"
    )
    # The dry-run table says the same, one row each.
    rows = plan.table().splitlines()[1:]
    assert [row.rsplit(")  ", 1)[1].strip() for row in rows] == [f.status for f in plan.found]


def test_a_run_taken_anyway_comes_in_and_is_then_already_there(journal, tmp_path):
    activity, _days = day_of_everything(tmp_path)
    plan = plan_device_import(journal, activity)
    run = next(f for f in plan.found if f.reason.startswith("recorded as running"))
    assert add_chosen_walks(journal, plan.file_name, [run.walk]) == [run.walk]
    assert [w.minutes for w in walks(journal)] == [30]
    again = plan_device_import(journal, activity)
    assert [f.standing for f in again.found if f.walk.id == run.walk.id] == [Standing.ALREADY]


def test_apple_health_runs_can_be_taken_other_workouts_are_counted(journal, tmp_path):
    export = tmp_path / "export.xml"
    three_km = 'totalDistance="3" totalDistanceUnit="km"'
    run = workout(MORNING, 30, kind="Running", attributes=three_km)
    yoga = workout(MORNING + timedelta(hours=5), 60, kind="Yoga")
    export.write_text(health_export(ios16_walk(MORNING - timedelta(days=1)), run, yoga))
    plan = plan_device_import(journal, export)
    assert [(f.source, f.standing) for f in plan.found] == [
        ("Apple Health walking", Standing.NEW),
        ("Apple Health running", Standing.LEFT_OUT),
    ]
    assert plan.notes == ["Apple Health: 1 yoga workout, not a walk"]


def big_export(tmp_path, workouts: int = 3000):
    export = tmp_path / "export.xml"
    export.write_text(
        health_export(*(ios16_walk(MORNING + timedelta(days=n)) for n in range(workouts)))
    )
    return export


@pytest.mark.parametrize("zipped", [False, True])
def test_reading_an_apple_export_reports_the_bytes_read(tmp_path, zipped):
    path = big_export(tmp_path)
    if zipped:
        archive = tmp_path / "export.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.write(path, "apple_health_export/exportar.xml")
        path = archive
    told: list[tuple[int, int]] = []
    reading = read_device_file(path, lambda done, total: told.append((done, total)))
    assert len(reading.outings) == 3000
    size = path.stat().st_size
    assert len(told) >= 2 and all(total == size for _done, total in told)
    done = [d for d, _total in told]
    assert done == sorted(done) and done[0] < size and done[-1] == size


@pytest.mark.parametrize("name", ["export.xml", "walk.tcx"])
def test_a_progress_that_cancels_stops_reading(journal, tmp_path, name):
    path = big_export(tmp_path) if name == "export.xml" else day_of_everything(tmp_path)[0]
    calls = []

    def cancel(done: int, total: int) -> None:
        calls.append(done)
        raise ImportCancelled

    with pytest.raises(ImportCancelled):
        read_device_file(path, cancel)
    assert len(calls) == 1 and calls[0] < path.stat().st_size  # stopped at the first chunk
    assert walks(journal) == []
