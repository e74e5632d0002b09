"""The diary template: date, time and a few numbers, imported as walks and ratings."""

from datetime import date, datetime, time
from pathlib import Path

import pytest

from sciajournal.core.entities import PainRating
from sciajournal.core.enums import PainContext, Surface
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.csv_template import template_clock, template_date
from sciajournal.exchange.import_source import ImportFileError

EXAMPLES = Path(__file__).parent.parent.parent / "docs" / "examples"


def local(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock).astimezone()


def test_the_shipped_templates_import_as_walks_and_ratings(journal):
    walks = import_csv(journal, EXAMPLES / "walks-template.csv")
    ratings = import_csv(journal, EXAMPLES / "pain-template.csv")
    assert (walks.added, ratings.added) == (3, 4)
    imported = journal.collection()
    assert [(w.start, w.minutes) for w in imported.walks] == [
        (local(date(2026, 3, 2), time(9, 15)), 10),
        (local(date(2026, 3, 3), time(17, 30)), 12),
        (local(date(2026, 3, 5), time(10, 0)), 15),
    ]
    assert all(w.surface is Surface.FLAT and w.notes == "" for w in imported.walks)
    assert [(r.back, r.leg) for r in imported.pain] == [(4, 6), (4, 5), (3, 6), (5, 7)]
    assert all(r.context is PainContext.STANDALONE for r in imported.pain)


def test_the_docs_show_the_shipped_templates(journal):
    """What a user copies from docs/csv-format.md is what the example files hold."""
    text = (EXAMPLES.parent / "csv-format.md").read_text(encoding="utf-8")
    for name in ("walks-template.csv", "pain-template.csv"):
        shipped = (EXAMPLES / name).read_text(encoding="utf-8").replace("\r\n", "\n")
        assert f"```\n{shipped}```" in text, name


def test_importing_the_diary_again_adds_only_new_rows(journal, tmp_path):
    diary = tmp_path / "Tagebuch.csv"  # any name: the columns say it holds walks
    diary.write_text("date,time,minutes\n2026-03-02,09:15,10\n2026-03-03,17:30,12\n")
    assert import_csv(journal, diary).added == 2
    first_ids = [w.id for w in journal.collection().walks]
    # Two weeks later: a row added at the end, and one changed after it was imported.
    diary.write_text(
        "date,time,minutes\n2026-03-02,09:15,11\n2026-03-03,17:30,12\n2026-03-16,10:00,20\n"
    )
    again = import_csv(journal, diary)
    assert (again.added, again.skipped) == (1, 2)
    walks = journal.collection().walks
    assert [w.id for w in walks][:2] == first_ids
    assert [w.minutes for w in walks] == [10, 12, 20]  # the changed row is not changed


def test_a_german_diary_with_more_columns_imports(journal, tmp_path):
    diary = tmp_path / "schmerz.csv"
    diary.write_bytes(
        "\ufeffdate;time;back;leg;notes;reach\r\n29.03.2026;7:05;3;4;Müde, steif;Knee\r\n"
        "30.03.2026;21:30;2;5;;\r\n;;;;;\r\n".encode()
    )
    result = import_csv(journal, diary)
    assert result.added == 2
    first = journal.collection().pain[0]
    assert isinstance(first, PainRating)
    assert (first.at, first.notes, first.reach) == (
        local(date(2026, 3, 29), time(7, 5)),
        "Müde, steif",
        "knee",
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("03/04/2026,09:15,10", "line 2, column A (date): '03/04/2026' could be day/month"),
        ("2026-02-30,09:15,10", "line 2, column A (date): '2026-02-30' is not a real date"),
        ("2026-03-02,25:00,10", "line 2, column B (time): '25:00' is not a time"),
        ("2026-03-02,,10", "line 2, column B (time): empty, but every row needs it"),
        ("2026-03-02,09:15,", "line 2, column C (minutes): empty, but every walks row needs it"),
        (
            "2026-03-02,09:15,10\n2026-03-03,09:15,10\n2026-03-02,09:15,12",
            "diary.csv, line 4: a second walks row at 2026-03-02 09:15:00 "
            "(diary.csv, line 2 has one)",
        ),
        ("2026-03-02,09:15,800", "line 2, column C (minutes): 800 is greater than the maximum"),
    ],
)
def test_template_mistakes_are_named_and_nothing_is_written(journal, tmp_path, rows, message):
    diary = tmp_path / "diary.csv"
    diary.write_text(f"date,time,minutes\n{rows}\n")
    with pytest.raises(ImportFileError) as raised:
        import_csv(journal, diary)
    assert message in str(raised.value)
    assert journal.is_empty()


def test_a_template_without_a_time_column_is_refused_by_name(journal, tmp_path):
    diary = tmp_path / "walks.csv"
    diary.write_text("date,minutes\n2026-03-02,10\n")
    with pytest.raises(ImportFileError, match=r"walks.csv, line 1: no column 'time'"):
        import_csv(journal, diary)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-29", date(2026, 3, 29)),
        ("2026/3/9", date(2026, 3, 9)),
        ("29.03.2026", date(2026, 3, 29)),
        ("1.4.2026", date(2026, 4, 1)),
        ("2026-03-29 00:00:00", date(2026, 3, 29)),
    ],
)
def test_dates_as_people_and_spreadsheets_write_them(text, expected):
    assert template_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:15", time(9, 15)),
        ("9:15", time(9, 15)),
        ("21:30:10", time(21, 30, 10)),
        ("9:15 PM", time(21, 15)),
        ("12:05 am", time(0, 5)),
    ],
)
def test_times_as_people_and_spreadsheets_write_them(text, expected):
    assert template_clock(text) == expected


def test_a_row_added_by_hand_with_a_blank_id_becomes_a_new_entry(journal, tmp_path):
    """A user adds a line to an exported notes.csv in a spreadsheet and leaves the id empty:
    it is a new entry (known by its time, as a diary row), not "expected Stable UUID"."""
    exported = tmp_path / "notes.csv"
    exported.write_text(
        "id,at,text\r\n"
        "0b0c8a52-41f6-4a55-9d8e-0a3c1f4a7e11,2026-03-02T09:15:00+01:00,Physio\r\n"
        ",2026-03-04T18:00:00+01:00,Added in the spreadsheet\r\n",
        encoding="utf-8",
    )
    assert import_csv(journal, exported).added == 2
    assert import_csv(journal, exported).added == 0  # known by its time the second time
    texts = [note.text for note in journal.collection().notes]
    assert texts == ["Physio", "Added in the spreadsheet"]
