"""CSV export: one file per kind with the JSON names, a folder or a zip, and back losslessly."""

import csv
import io
import stat
import zipfile

import pytest

from sciajournal.cli import main
from sciajournal.core.entities import Note
from sciajournal.demo import demo_entries
from sciajournal.exchange.csv_columns import kinds
from sciajournal.exchange.csv_export import DAILY_FILE, write_csv_export
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.json_format import export_journal, to_document
from sciajournal.safe_files import OutputNotWritten
from sciajournal.storage.errors import OutputIsProtected
from sciajournal.storage.journal import Journal
from tests.factories import at, full_note, one_of_each

KIND_FILES = [f"{kind.key}.csv" for kind in kinds()]


@pytest.fixture
def filled(journal):
    journal.add_many(one_of_each())
    # Text a spreadsheet must keep as it is: separators, quotes, line breaks, spaces, umlauts.
    journal.add(full_note(at=at(day=2), text=' Knie; "schlimm",\nMüdigkeit\r\nzweite Zeile  '))
    journal.add_many(demo_entries(60, seed=5, end=at(day=28, hour=22)))
    return journal


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_every_kind_of_the_exchange_format_has_its_file(filled, tmp_path):
    written = write_csv_export(filled, tmp_path / "out")
    assert sorted(written) == sorted([*KIND_FILES, DAILY_FILE])
    document = to_document(filled.collection())
    for kind in kinds():
        text = (tmp_path / "out" / f"{kind.key}.csv").read_text(encoding="utf-8")
        records = rows(text)
        assert len(records) == len(document[kind.key])
        # The JSON names in the JSON order, the entries in the JSON order.
        assert list(records[0]) == list(document[kind.key][0]) if records else True
        assert [r["id"] for r in records] == [r["id"] for r in document[kind.key]]


def test_values_are_written_as_the_json_format_spells_them(filled, tmp_path):
    write_csv_export(filled, tmp_path / "out")
    walks = rows((tmp_path / "out" / "walks.csv").read_text(encoding="utf-8"))
    ours = next(w for w in walks if w["notes"] == "Park loop, windy")
    assert ours["start"] == "2026-03-01T09:15:00+01:00"
    assert (ours["minutes"], ours["distance_km"], ours["steps"]) == ("22.5", "1.6", "2300")
    assert (ours["trekking_poles"], ours["stretched_after"]) == ("true", "false")
    flags = rows((tmp_path / "out" / "red_flags.csv").read_text(encoding="utf-8"))
    assert next(f for f in flags if f["notes"] == "called the GP")["signs"] == (
        "both_legs, saddle_numbness"
    )
    pain = rows((tmp_path / "out" / "pain.csv").read_text(encoding="utf-8"))
    assert (
        next(p for p in pain if p["context"] == "standalone" and p["notes"] == "stiff")["reach"]
        == ""
    )  # not recorded: an empty cell, as null in JSON


def test_round_trip_through_a_folder_is_lossless(filled, tmp_path):
    before = export_journal(filled)
    write_csv_export(filled, tmp_path / "out")
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        result = import_csv(copy, tmp_path / "out")
        assert export_journal(copy) == before
        assert (result.added, result.skipped) == (filled.count(), 0)
        again = import_csv(copy, tmp_path / "out")  # the same files again: nothing added
        assert (again.added, again.skipped) == (0, filled.count())
        assert export_journal(copy) == before


def test_round_trip_through_a_zip_is_lossless(filled, tmp_path):
    target = tmp_path / "journal.zip"
    write_csv_export(filled, target)
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted([*KIND_FILES, DAILY_FILE])
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        import_csv(copy, target)
        assert export_journal(copy) == export_journal(filled)


def test_the_cli_round_trip_of_the_demo_journal_is_identical(tmp_path, capsys):
    demo, fresh = tmp_path / "demo.sqlite", tmp_path / "fresh.sqlite"
    assert main(["--db", str(demo), "demo", "--days", "120"]) == 0
    assert main(["--db", str(demo), "export", "-o", str(tmp_path / "before.json")]) == 0
    assert main(["--db", str(demo), "export", "--format", "csv", "-o", str(tmp_path / "c")]) == 0
    assert main(["--db", str(fresh), "import", str(tmp_path / "c")]) == 0
    assert main(["--db", str(fresh), "export", "-o", str(tmp_path / "after.json")]) == 0
    before = (tmp_path / "before.json").read_bytes()
    assert (tmp_path / "after.json").read_bytes() == before
    # Every kind had rows to carry, nested scores included (their JSON text in one cell).
    for kind in kinds():
        assert rows((tmp_path / "c" / f"{kind.key}.csv").read_text(encoding="utf-8")), kind.key
    scores = rows((tmp_path / "c" / "function_ratings.csv").read_text(encoding="utf-8"))[0]
    assert scores["scores"].startswith('[{"activity_id": "')
    told = capsys.readouterr().out
    assert f"(0 already in the journal) from {len(kinds())} CSV files in c\n" in told


def test_files_and_folder_are_owner_only(filled, tmp_path):
    write_csv_export(filled, tmp_path / "out")
    write_csv_export(filled, tmp_path / "out.zip")
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700
    for path in [*(tmp_path / "out").iterdir(), tmp_path / "out.zip"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert not list(tmp_path.glob(".*.tmp")) and not list((tmp_path / "out").glob(".*"))


def test_an_export_into_an_existing_folder_replaces_only_its_own_files(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    (folder / "walks.csv").write_text("old")
    write_csv_export(filled, folder)
    assert (folder / "mine.txt").read_text() == "keep me"
    assert (folder / "walks.csv").read_text(encoding="utf-8").startswith("\ufeffid,start,")


def test_an_empty_journal_exports_headers_only(journal, tmp_path):
    write_csv_export(journal, tmp_path / "out")
    walks = (tmp_path / "out" / "walks.csv").read_bytes()
    assert walks.startswith(b"\xef\xbb\xbfid,start,minutes,") and walks.count(b"\r\n") == 1
    assert (tmp_path / "out" / DAILY_FILE).read_bytes().count(b"\n") == 1


def test_never_onto_the_journal_or_into_its_backups(filled, tmp_path):
    with pytest.raises(OutputIsProtected):
        write_csv_export(filled, filled.path)
    with pytest.raises(OutputIsProtected):
        write_csv_export(filled, filled.path.parent / "backups")
    with Journal.open(tmp_path / "walks.csv") as odd:  # a journal named like an export's file
        odd.add(Note(at=at(), text="x"))
        with pytest.raises(OutputIsProtected):
            write_csv_export(odd, tmp_path)
        assert odd.count() == 1
    assert filled.count() > 0


def test_a_file_where_the_folder_should_be_is_refused(filled, tmp_path):
    (tmp_path / "taken").write_text("a file")
    with pytest.raises(OutputNotWritten, match="it is a file"):
        write_csv_export(filled, tmp_path / "taken")
    assert (tmp_path / "taken").read_text() == "a file"


def test_the_cli_needs_an_output_for_csv(filled, capsys):
    assert main(["--db", str(filled.path), "export", "--format", "csv"]) == 1
    assert "needs -o FOLDER" in capsys.readouterr().err
