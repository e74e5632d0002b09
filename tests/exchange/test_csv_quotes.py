"""A quote left open in a CSV file is named by the file and the line it opens on."""

import zipfile

import pytest

from sciajournal.cli import main
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.import_source import ImportFileError

HEADER = "date,time,back,leg,notes\r\n"
#: Line 2 holds a note over two lines (2 and 3), so the rows and the lines differ.
GOOD_ROWS = (
    '2026-03-02,08:00,4,6,"woke up stiff\r\nthen better"\r\n'
    "2026-03-02,11:30,4,5,\r\n"
    "2026-03-03,08:10,3,6,\r\n"
    "2026-03-03,20:00,5,7,\r\n"
)
#: Line 7: the note's quote opens and nothing closes it.
OPEN_ROW = '2026-03-04,08:00,4,6,"he said ""rest"" \r\n2026-03-04,20:00,3,5,\r\n'


@pytest.fixture
def pain_csv(tmp_path):
    path = tmp_path / "pain.csv"
    path.write_bytes((HEADER + GOOD_ROWS + OPEN_ROW).encode())
    return path


def test_the_message_names_the_file_and_the_line_the_quote_opens_on(journal, pain_csv):
    with pytest.raises(ImportFileError) as raised:
        import_csv(journal, pain_csv)
    assert str(raised.value).startswith('pain.csv, line 7: a quote (") opened here is never closed')
    assert journal.is_empty()


def test_a_quote_opening_a_later_value_of_a_row_is_found_on_its_own_line(journal, tmp_path):
    # The row starts on line 2 with a note over two lines; the open quote is on line 3.
    path = tmp_path / "walks.csv"
    path.write_text('date,time,minutes,notes,surface\n2026-03-02,09:15,20,"a\nb","flat\n')
    with pytest.raises(ImportFileError, match=r'^walks.csv, line 3: a quote \("\) opened here'):
        import_csv(journal, path)


def test_semicolon_files_and_zips_are_named_too(journal, tmp_path):
    text = 'date;time;minutes;notes\r\n2026-03-02;09:15;20;ok\r\n2026-03-03;09:15;20;"zu\r\n'
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("walks.csv", text)
    with pytest.raises(ImportFileError, match=r'^export.zip/walks.csv, line 3: a quote \("\)'):
        import_csv(journal, archive)


def test_text_after_a_closing_quote_is_named_too(journal, tmp_path):
    path = tmp_path / "walks.csv"
    path.write_text('date,time,minutes,notes\n2026-03-02,09:15,20,"a" b\n')
    with pytest.raises(ImportFileError) as raised:
        import_csv(journal, path)
    assert str(raised.value).startswith("walks.csv, line 2: ")
    assert 'write a quote inside a value as two: ""' in str(raised.value)


def test_the_cli_prints_it_as_one_line(journal_path, pain_csv, capsys):
    assert main(["--db", str(journal_path), "import", str(pain_csv)]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        'sciajournal: pain.csv, line 7: a quote (") opened here is never closed '
        '(end the value with a quote; write a quote inside a value as two: "")'
    )


def test_the_first_problem_is_named_when_there_are_two(journal, tmp_path):
    path = tmp_path / "walks.csv"
    path.write_text('date,time,minutes,notes\n2026-03-02,09:15,20,"a" b\n2026-03-03,09:15,20,"c\n')
    with pytest.raises(ImportFileError, match=r"^walks.csv, line 2: text after the quote"):
        import_csv(journal, path)
