"""Inputs that once ended in "internal error" (exit 70) get one line naming the file (or
option) and the problem, exit 1, and leave the journal as it was (issue 10)."""

import hashlib
import zipfile
from pathlib import Path

import pytest

from sciajournal.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
EXPORT = (SAMPLES / "apple-health" / "export.xml").read_text(encoding="utf-8")
WALKING = 'workoutActivityType="HKWorkoutActivityTypeWalking"'
WALKING_START = 'startDate="2024-01-16 13:15:00 +0000"'


def with_walk_changed(start=WALKING_START, child=""):
    """The sample export with its one walking workout's start (or a child element) changed."""
    head, walking, rest = EXPORT.partition(WALKING)
    rest = rest.replace(WALKING_START, start, 1).replace(">", ">" + child, 1)
    return head + walking + rest


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def journal_file(tmp_path, capsys):
    path = tmp_path / "journal.sqlite"
    assert main(["--db", str(path), "demo", "--days", "3"]) == 0
    capsys.readouterr()
    return path


def one_line_refusal(capsys, journal_file, *argv):
    before = sha256(journal_file)
    code = main(["--db", str(journal_file), *map(str, argv)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith("sciajournal: ") and err.count("\n") == 1, err
    assert "internal error" not in err
    assert sha256(journal_file) == before
    return err.removeprefix("sciajournal: ").strip()


def test_the_sample_has_the_walk_these_tests_damage(capsys, tmp_path, journal_file):
    export = tmp_path / "export.xml"
    export.write_text(with_walk_changed(child=steps_element("4200")), encoding="utf-8")
    assert main(["--db", str(journal_file), "import", str(export)]) == 0
    assert capsys.readouterr().out.startswith("Imported 1 walk")


def steps_element(count):
    return f'<WorkoutStatistics type="HKQuantityTypeIdentifierStepCount" sum="{count}"/>'


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_json_nested_deeply(capsys, tmp_path, journal_file, depth):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * depth + "]" * depth)
    message = one_line_refusal(capsys, journal_file, "import", deep)
    assert message == "deep.json: not a SciaJournal export (values nested more than 16 deep)"


@pytest.mark.parametrize("year", ["0001", "9999", "1899", "2101"])
def test_an_apple_health_date_out_of_any_journals_years(capsys, tmp_path, journal_file, year):
    export = tmp_path / "export.xml"
    damaged = with_walk_changed(start=f'startDate="{year}-01-16 13:15:00 +0000"')
    export.write_text(damaged, encoding="utf-8")
    message = one_line_refusal(capsys, journal_file, "import", export)
    assert message == (
        f"export.xml: the workout date '{year}-01-16 13:15:00 +0000' is outside the years 1900-2100"
    )


@pytest.mark.parametrize(
    ("steps", "problem"),
    [
        ("inf", "steps 'inf' is not a finite number"),
        ("-inf", "steps '-inf' is not a finite number"),
        ("NaN", "steps 'NaN' is not a finite number"),
        ("1e400", "steps '1e400' is not a finite number"),
        ("many", "steps 'many' is not a finite number"),
        ("-5", "steps: must be from 0 to 200000, not -5"),
        ("1e30", "steps: must be from 0 to 200000, not 1e+30"),
    ],
)
def test_steps_that_cannot_be_true(capsys, tmp_path, journal_file, steps, problem):
    export = tmp_path / "export.xml"
    export.write_text(with_walk_changed(child=steps_element(steps)), encoding="utf-8")
    message = one_line_refusal(capsys, journal_file, "import", export)
    assert message.startswith("export.xml: ") and problem in message


def test_a_corrupt_zip_member(capsys, tmp_path, journal_file):
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", EXPORT)
    data = bytearray(export.read_bytes())
    middle = len(data) // 3  # inside the deflated member
    data[middle : middle + 8] = bytes(b ^ 0x5A for b in data[middle : middle + 8])
    export.write_bytes(bytes(data))
    message = one_line_refusal(capsys, journal_file, "import", export)
    assert message.startswith("export.zip: apple_health_export/export.xml is damaged (")


def test_a_zip_cut_short(capsys, tmp_path, journal_file):
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", EXPORT)
    export.write_bytes(export.read_bytes()[:-30])  # the end of the central directory is gone
    message = one_line_refusal(capsys, journal_file, "import", export)
    assert message.startswith("export.zip: ")


def test_demo_days_beyond_the_maximum(capsys, tmp_path, journal_file):
    message = one_line_refusal(capsys, journal_file, "demo", "--days", "99999999")
    assert message == "--days 99999999: a demo covers 1 to 7300 days (20 years)"
    fresh = tmp_path / "new.sqlite"
    assert main(["--db", str(fresh), "demo", "--days", "99999999"]) == 1
    assert not fresh.exists()  # refused before a journal is created


# Found by tests/exchange/test_import_fuzz.py, kept here as fixed examples.


@pytest.mark.parametrize(
    ("sample", "name"),
    [
        ("tcx/sup_activity_1.tcx", "activity.tcx"),
        ("apple-health/export.xml", "export.xml"),
    ],
)
def test_an_unknown_encoding_in_the_xml_declaration(capsys, tmp_path, journal_file, sample, name):
    # (GPX is decoded as UTF-8 before gpxpy sees it, so its declaration does not matter.)
    source = tmp_path / name
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    source.write_text(text.replace('encoding="UTF-8"', 'encoding="UTF-inf"', 1), encoding="utf-8")
    message = one_line_refusal(capsys, journal_file, "import", source)
    assert message.startswith(f"{name}: not a readable ") and "UTF-inf" in message


def test_a_zip_whose_directory_points_outside_the_file(capsys, tmp_path, journal_file):
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", EXPORT)
    data = bytearray(export.read_bytes())
    ending = data.rindex(b"PK\x05\x06")  # the directory's offset, 16 bytes into its end record
    offset = int.from_bytes(data[ending + 16 : ending + 20], "little")
    data[ending + 16 : ending + 20] = (offset + 5000).to_bytes(4, "little")
    export.write_bytes(bytes(data))
    message = one_line_refusal(capsys, journal_file, "import", export)
    assert message.startswith("export.zip: apple_health_export/export.xml cannot be read (")
