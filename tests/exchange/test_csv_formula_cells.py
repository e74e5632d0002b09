"""Text a spreadsheet would run as a formula (OWASP CSV injection) is exported with a `'`
in front, and the CSV import takes exactly that `'` off again: the round trip stays exact."""

import csv
import io

import pytest

from sciajournal.exchange.csv_export import write_csv_export
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.json_format import export_journal
from sciajournal.storage.journal import Journal
from tests.factories import (
    at,
    full_activity,
    full_medication,
    full_note,
    full_treatment,
    full_walk,
)

#: What OWASP lists as starting a formula: = + - @, a tab and a carriage return.
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]
#: Text that really starts with our quote must come back as it was, too.
QUOTED = ["'=", "''=", "'", "''", "'x", "' =", "'\t"]
PREFIXES = DANGEROUS + QUOTED


def texts(prefix: str) -> str:
    return f'{prefix}HYPERLINK("http://example.com","x")'


def rows(path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")  # not read_text: a "\r" in a cell stays
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def risky(journal):
    entries = []
    for day, prefix in enumerate(PREFIXES, start=1):
        text = texts(prefix)
        entries += [
            full_note(at=at(day=day, hour=16), text=text),
            full_walk(start=at(day=day, hour=9), notes=text),
            full_medication(at=at(day=day, hour=12), name=f"{prefix}cmd", notes=text),
            full_treatment(start=at(day=day, hour=18), body_area=f"{prefix}1+1", notes=text),
            full_activity(added=at(day=day, hour=20), name=f"{prefix}SUM(A1)", notes=text),
        ]
    journal.add_many(entries)
    return journal


def test_every_dangerous_prefix_comes_back_byte_identical(risky, tmp_path):
    before = export_journal(risky)
    write_csv_export(risky, tmp_path / "out")
    with Journal.open(tmp_path / "copy.sqlite") as copy:
        import_csv(copy, tmp_path / "out")
        assert export_journal(copy) == before


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("notes.csv", "text"),
        ("walks.csv", "notes"),
        ("medications.csv", "name"),
        ("medications.csv", "notes"),
        ("treatments.csv", "body_area"),
        ("function_activities.csv", "name"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote(risky, tmp_path, file, column):
    write_csv_export(risky, tmp_path / "out")
    cells = [row[column] for row in rows(tmp_path / "out" / file)]
    for prefix in DANGEROUS:
        escaped = [cell for cell in cells if cell.startswith("'" + prefix)]
        assert escaped, f"no cell of {file}:{column} starts with '{prefix!r}"
    # Nothing a spreadsheet runs is left: every cell starts with something harmless.
    assert not [cell for cell in cells if cell[:1] in DANGEROUS]
    # Text that already began with quotes before a dangerous character gets one more,
    # so the import's rule (take one off) gives it back; other text is left alone.
    assert any(cell.startswith("'''=") for cell in cells)
    assert any(cell.startswith("'x") for cell in cells)


def test_daily_csv_defuses_medicine_names_too(risky, tmp_path):
    write_csv_export(risky, tmp_path / "out")
    daily = rows(tmp_path / "out" / "daily.csv")
    medicines = [row["medicines"] for row in daily if row["medicines"]]
    assert medicines and not [cell for cell in medicines if cell[:1] in DANGEROUS]


def test_numbers_are_not_text_and_keep_their_sign(journal, tmp_path):
    # A negative number is a number, not a formula: it stays as it is.
    from sciajournal.exchange.csv_columns import Column

    number = Column("x", frozenset({"number"}), nullable=False)
    assert number.to_cell(-1.5) == "-1.5"
    assert number.from_cell("-1.5", decimal_comma=False) == -1.5


def test_a_hand_typed_quote_before_ordinary_text_is_kept(journal, tmp_path):
    diary = tmp_path / "notes.csv"
    diary.write_text("date,time,text\n2026-03-02,09:15,'twas a good day\n2026-03-03,09:15,'-5\n")
    import_csv(journal, diary)
    assert sorted(note.text for note in journal.collection().notes) == ["'twas a good day", "-5"]
