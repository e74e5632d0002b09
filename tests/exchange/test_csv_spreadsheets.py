"""CSV files as spreadsheets save them import; bad ones are refused by file, line and column."""

import csv
import io
import re
import sqlite3
import zipfile

import pytest

from sciajournal.cli import main
from sciajournal.core.entities import MedicationDose, PainRating, RedFlagCheck, Walk
from sciajournal.core.enums import PainContext, RedFlag, Side, Surface
from sciajournal.exchange.csv_export import write_csv_export
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.import_source import ImportFileError
from tests.factories import one_of_each

WALK_ID = "1b8e6f02-6c1d-4d1e-9a7b-2f0c5d9e8a11"
# What LibreOffice and Excel save in a German locale: a byte-order mark, ";" between cells,
# decimal commas, WAHR/FALSCH, CRLF, columns in the user's order, some left out, and the
# empty ";;;;" rows left where cells were once formatted.
GERMAN_WALKS = (
    "\ufeffstart;id;minutes;distance_km;steps;surface;stopped_early;notes\r\n"
    f'2026-03-02T09:15:00+01:00;{WALK_ID};22,5;1,6;2300;Flat;WAHR;"Runde; am See"\r\n'
    "2026-03-03T17:30:00+01:00;5c9e1d33-0b8a-4c57-8f41-6e2a7d3b9c04;12;;;uneven;FALSCH;\r\n"
    ";;;;;;;\r\n"
    ";;;;;;;\r\n"
)
GERMAN_PAIN = (
    "\ufeffID;At;Back;Leg;Context;Walk_ID;Side\r\n"
    f"0d3f7a9e-1c2b-4e5f-8a6d-9b0c1e2f3a4b;2026-03-02T09:10:00+01:00;4;6;before_walk;{WALK_ID};"
    "right\r\n"
    "7e6d5c4b-3a29-4817-9f0e-1d2c3b4a5968;2026-03-02T20:00:00+01:00;3;5;;;\r\n"
    ";;;;;;\r\n"
)


def content(path):
    """Every row of every table: what "nothing was written" means."""
    connection = sqlite3.connect(path)
    try:
        return [line for line in connection.iterdump() if "INSERT" in line]
    finally:
        connection.close()


def write(folder, name, text, encoding="utf-8"):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_german_spreadsheet_folder_imports(journal, tmp_path):
    write(tmp_path / "de", "walks.csv", GERMAN_WALKS)
    write(tmp_path / "de", "pain.csv", GERMAN_PAIN)
    result = import_csv(journal, tmp_path / "de")
    assert (result.added, result.skipped) == (4, 0)
    walk = journal.get(WALK_ID)
    assert isinstance(walk, Walk)
    assert (walk.minutes, walk.distance_km, walk.steps) == (22.5, 1.6, 2300)
    assert (walk.surface, walk.stopped_early, walk.notes) == (Surface.FLAT, True, "Runde; am See")
    assert walk.start.isoformat() == "2026-03-02T09:15:00+01:00"
    assert walk.trekking_poles is False  # a column left out: the default
    ratings = journal.collection().pain
    assert [(r.back, r.leg, r.context, r.walk_id, r.side) for r in ratings] == [
        (4, 6, PainContext.BEFORE_WALK, WALK_ID, Side.RIGHT),
        (3, 5, PainContext.STANDALONE, None, None),  # empty cells: default and not recorded
    ]
    again = import_csv(journal, tmp_path / "de")
    assert (again.added, again.skipped) == (0, 4)


def test_tabs_and_unix_line_ends_import_too(journal, tmp_path):
    text = GERMAN_WALKS.replace(";", "\t").replace("\r\n", "\n").replace("22,5", "22.5")
    text = text.replace("1,6", "1.6")
    import_csv(journal, write(tmp_path, "walks.csv", text))
    assert journal.get(WALK_ID).minutes == 22.5


def test_an_excel_separator_line_and_blank_lines_above_the_header_are_read(journal, tmp_path):
    text = "sep=;\r\n\r\n" + GERMAN_WALKS.removeprefix("\ufeff")
    assert import_csv(journal, write(tmp_path, "walks.csv", text)).added == 2
    assert journal.get(WALK_ID).distance_km == 1.6


def test_a_zip_of_csv_files_imports_through_the_cli(journal_path, tmp_path, capsys):
    archive = tmp_path / "diary.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("export/walks.csv", GERMAN_WALKS)
        zipped.writestr("export/daily.csv", "date,walks\r\n2026-03-02,1\r\n")  # left out
        zipped.writestr("__MACOSX/export/._walks.csv", "\x00\x05junk")
    assert main(["--db", str(journal_path), "import", str(archive)]) == 0
    assert "Imported 2 entries (0 already in the journal) from diary.zip/export/walks.csv" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "walks.csv",
            f"id;start;minutes\r\n{WALK_ID};2026-03-02T09:15:00+01:00;zwanzig\r\n",
            "walks.csv, line 2, column C (minutes): 'zwanzig' is not a number",
        ),
        (
            "walks.csv",
            f"id,start,minutes\n{WALK_ID},2026-03-02T09:15:00+01:00,1,5\n",
            "walks.csv, line 2, column D: a value ('5') in a column without a name",
        ),
        (
            "pain.csv",
            "id,at,back,leg\n"
            "0d3f7a9e-1c2b-4e5f-8a6d-9b0c1e2f3a4b,2026-03-02T09:10:00+01:00,4,6\n"
            "\n"
            "7e6d5c4b-3a29-4817-9f0e-1d2c3b4a5968,2026-03-02T20:00:00+01:00,11,5\n",
            "pain.csv, line 4, column C (back): 11 is greater than the maximum of 10",
        ),
        (
            "pain.csv",
            "id,at,back,leg,context\n"
            "0d3f7a9e-1c2b-4e5f-8a6d-9b0c1e2f3a4b,2026-03-02T09:10:00+01:00,4,6,follow_up\n",
            "pain.csv, line 2: walk_id: is required for a follow_up rating",
        ),
        (
            "walks.csv",
            f'id,start,minutes,notes\n{WALK_ID},2026-03-02 09:15,20,"a\nb"\n',
            "walks.csv, line 2, column B (start): '2026-03-02 09:15' is not valid",
        ),
        (
            "walks.csv",
            f"id,start,minutes,colour\n{WALK_ID},2026-03-02T09:15:00+01:00,20,red\n",
            "walks.csv, line 1, column D: unknown column 'colour'",
        ),
        (
            "walks.csv",
            f"id,start\n{WALK_ID},2026-03-02T09:15:00+01:00\n",
            "walks.csv, line 1: no column 'minutes'",
        ),
        (
            "walks.csv",
            f"id,start,minutes,stopped_early\n{WALK_ID},2026-03-02T09:15:00+01:00,20,maybe\n",
            "walks.csv, line 2, column D (stopped_early): 'maybe' is not true or false",
        ),
        (
            "walks.csv",
            "id,start,minutes\n6a0e2b4c-8d1f-4a3e-b5c7-9e0d1f2a3b4c,2026-03-02T09:15:00+01:00,20\n"
            "6A0E2B4C8D1F4A3EB5C79E0D1F2A3B4C,2026-03-03T09:15:00+01:00,25\n",
            "walks.csv, line 3: id appears more than once (walks.csv, line 2 has it too)",
        ),
        (
            "walks.csv",
            f'id,start,minutes,notes\n{WALK_ID},2026-03-02T09:15:00+01:00,20,"unclosed\n',
            'walks.csv, line 2: a quote (") opened here is never closed',
        ),
        (
            "notizen.csv",
            "id,at,colour\n",
            "notizen.csv: cannot tell which kind of entry it holds",
        ),
    ],
)
def test_errors_name_file_line_and_column_and_nothing_is_written(
    journal, tmp_path, name, text, message
):
    journal.add_many(one_of_each())
    before = content(journal.path)
    folder = tmp_path / "in"
    write(folder, "a_walks_first.csv", GERMAN_WALKS)  # a good file beside the bad one
    write(folder, name, text)
    with pytest.raises(ImportFileError) as raised:
        import_csv(journal, folder)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert content(journal.path) == before


def test_a_file_a_spreadsheet_saved_in_its_code_page_is_refused_by_line(journal, tmp_path):
    text = f"id,start,minutes,notes\n{WALK_ID},2026-03-02T09:15:00+01:00,20,Müde\n"
    path = write(tmp_path, "walks.csv", text, encoding="cp1252")
    with pytest.raises(ImportFileError, match=r"walks.csv, line 2: not UTF-8 text.*CSV UTF-8"):
        import_csv(journal, path)
    assert journal.is_empty()


def test_the_cli_says_what_is_wrong_and_exits_1(journal_path, tmp_path, capsys):
    path = write(tmp_path, "walks.csv", "id;start;minutes\r\nx;2026-03-02T09:15:00+01:00;-3\r\n")
    assert main(["--db", str(journal_path), "import", str(path)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("sciajournal: walks.csv, line 2, column ")
    assert len(error.splitlines()) == 1


def test_daily_csv_is_not_imported_on_its_own(journal, tmp_path):
    write_csv_export(journal, tmp_path / "out")
    with pytest.raises(ImportFileError, match="daily summary"):
        import_csv(journal, tmp_path / "out" / "daily.csv")


def test_every_kind_survives_a_spreadsheet_resave(journal, tmp_path):
    """Exported files re-saved by a German spreadsheet (";" and decimal commas) import."""
    journal.add_many(one_of_each())
    write_csv_export(journal, tmp_path / "out")
    resaved = tmp_path / "resaved"
    for path in (tmp_path / "out").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        german = io.StringIO()
        writer = csv.writer(german, delimiter=";", lineterminator="\r\n")
        for row in rows:
            writer.writerow([re.sub(r"^(\d+)\.(\d+)$", r"\1,\2", cell) for cell in row])
        write(resaved, path.name, "\ufeff" + german.getvalue() + ";;;\r\n")
    with_copy = tmp_path / "copy.sqlite"
    from sciajournal.storage.journal import Journal

    with Journal.open(with_copy) as copy:
        import_csv(copy, resaved)
        assert copy.collection().walks == journal.collection().walks
        check = copy.collection().red_flags[0]
        assert isinstance(check, RedFlagCheck)
        assert check.signs == {RedFlag.BOTH_LEGS, RedFlag.SADDLE_NUMBNESS}
        dose = copy.collection().medications[0]
        assert isinstance(dose, MedicationDose) and dose.quantity == 1.5
        assert [type(e) for e in copy.collection()] == [type(e) for e in journal.collection()]
        assert isinstance(copy.collection().pain[0], PainRating)


def test_ratings_without_their_walks_name_the_row_to_fix(journal, tmp_path):
    import_csv(journal, write(tmp_path / "de", "walks.csv", GERMAN_WALKS))
    missing = GERMAN_PAIN.replace(WALK_ID, "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
    with pytest.raises(ImportFileError) as raised:
        import_csv(journal, write(tmp_path / "de", "pain.csv", missing))
    assert str(raised.value).startswith(
        "pain.csv, line 2, column F (walk_id): no walk with this id in the files or the journal"
    )
    assert journal.collection().pain == []
    # With its walk already in the journal, the ratings' file alone imports.
    assert import_csv(journal, write(tmp_path / "de", "pain.csv", GERMAN_PAIN)).added == 2
