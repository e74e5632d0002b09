"""Page one's medication block, read back from real PDFs with pdftotext."""

from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import MedicationDose, PainRating, Walk
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import write_pdf
from tests.report.test_summary_pdf import pdf_pages, squash

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 30)


@pytest.fixture(autouse=True)
def _qt(qapp):
    """Fonts and QPdfWriter need a Qt application."""


def at(day, hour):
    return datetime(2026, 3, day, hour, 0, tzinfo=CET)


def pages(journal, tmp_path):
    out = tmp_path / "summary.pdf"
    write_pdf(str(out), summary_for(journal, FIRST, LAST, LAST), "a4")
    return [squash(page) for page in pdf_pages(out)]


def a_few_days_of_walking(journal):
    for day in range(1, 29, 2):
        journal.add(Walk(start=at(day, 10), minutes=20))
        journal.add(PainRating(at=at(day, 9), back=3, leg=4))


def test_ibuprofen_above_the_label_limit_shows_its_day_count_on_page_one(journal, tmp_path):
    a_few_days_of_walking(journal)
    for day in (3, 4, 5, 9):  # 4 x 400 mg = 1600 mg > 1200 mg on four days
        for hour in (7, 12, 17, 22):
            journal.add(MedicationDose(at=at(day, hour), name="Nurofen", dose=400))
    journal.add(MedicationDose(at=at(10, 8), name="ibuprofen", dose=400))
    page_one = pages(journal, tmp_path)[0]
    assert "ibuprofen (Nurofen)" in page_one
    assert "4 (limit 1200 mg)" in page_one
    assert "ibuprofen: 4 days above the usual label limit: ask your doctor or pharmacist." in (
        page_one
    )
    assert "Longest run on an anti-inflammatory: 3 days in a row, to 05 Mar." in page_one


def test_eight_medicines_move_the_detail_to_page_two_and_say_so(journal, tmp_path):
    a_few_days_of_walking(journal)
    names = ["ibuprofen", "naproxen", "paracetamol", "aspirin", "gabapentin", "amitriptyline",
             "codeine", "diazepam"]  # fmt: skip
    for index, name in enumerate(names):
        for day in range(1, 9 - index):  # the first used most
            journal.add(MedicationDose(at=at(day, 8 + index), name=name, dose=100))
    text = pages(journal, tmp_path)
    assert len(text) >= 2
    page_one, rest = text[0], " ".join(text[1:])
    assert "more medicines, continued on page 2" in page_one
    assert "Some tables are continued on page 2." in page_one
    assert "diazepam" not in page_one and "diazepam" in rest
    assert "Medication, every medicine" in rest
    assert all(name in rest for name in names)
