"""The red-flag line of the printed summary, read back from real PDFs with pdftotext."""

from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.analysis.red_flags import URGENCY_OF, WORDING, Urgency, signs_of
from sciajournal.core.entities import PainRating, RedFlagCheck
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import write_pdf
from tests.report.test_summary_pdf import pdf_pages, squash

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)


def at(month, day, hour=9):
    return datetime(2026, month, day, hour, 0, tzinfo=CET)


@pytest.fixture(autouse=True)
def _qt(qapp):
    """Fonts and QPdfWriter need a Qt application."""


def page_one(journal, tmp_path, name="summary.pdf"):
    out = tmp_path / name
    write_pdf(str(out), summary_for(journal, FIRST, LAST, LAST), "a4")
    return squash(pdf_pages(out)[0])


@pytest.mark.parametrize("urgency", list(Urgency))
def test_each_sign_prints_its_grades_wording(journal, tmp_path, urgency):
    journal.add(PainRating(at=at(3, 2), back=3, leg=4))
    for day, sign in enumerate(signs_of(urgency), start=10):
        journal.add(RedFlagCheck(at=at(3, day), signs=frozenset({sign})))
    text = page_one(journal, tmp_path)
    wording = WORDING[urgency]
    assert f"most urgent: {wording.grade.upper()} ({wording.where})" in text
    for sign in signs_of(urgency):
        assert f"{RED_FLAG_LABELS[sign]} ({wording.grade.lower()})" in text
    for other in Urgency:
        if other is not urgency:
            assert f"most urgent: {WORDING[other].grade.upper()}" not in text
    assert {URGENCY_OF[s] for s in signs_of(urgency)} == {urgency}


def test_a_negative_check_is_printed_as_last_screened(journal, tmp_path):
    journal.add(PainRating(at=at(3, 2), back=3, leg=4))
    journal.add(RedFlagCheck(at=at(3, 20), notes="asked by the physio"))
    text = page_one(journal, tmp_path)
    assert "Red flags: none recorded; last screened 20 Mar 2026 (found none)" in text
    assert "Notes: asked by the physio" in text
    assert "RED-FLAG SYMPTOMS LOGGED" not in text


def test_never_screened_is_said_so(journal, tmp_path):
    journal.add(PainRating(at=at(3, 2), back=3, leg=4))
    text = page_one(journal, tmp_path)
    assert "Red flags: not screened: no red-flag check in this period or the 6 months" in text


def test_a_red_flag_two_months_before_the_range_is_mentioned(journal, tmp_path):
    journal.add(PainRating(at=at(3, 2), back=3, leg=4))
    journal.add(RedFlagCheck(at=at(1, 2), signs=frozenset({RedFlag.SADDLE_NUMBNESS})))
    journal.add(RedFlagCheck(at=at(3, 5)))
    text = page_one(journal, tmp_path)
    # As heavy as one in the period, and never under "none recorded" (outside review).
    assert (
        "RED-FLAG SYMPTOMS LOGGED BEFORE THIS PERIOD (1); most urgent: EMERGENCY NOW "
        "(emergency department)"
    ) in text
    assert (
        "before this period: 02 Jan 2026, Numbness in the saddle area (groin, buttocks, "
        "inner thighs) (emergency now)"
    ) in text
    assert "Red flags: none in this period; last screened 05 Mar 2026 (found none)" in text
    assert "none recorded" not in text
    assert text.index("BEFORE THIS PERIOD") < text.index("none in this period")


def test_notes_on_a_red_flag_check_are_printed(journal, tmp_path):
    journal.add(PainRating(at=at(3, 2), back=3, leg=4))
    journal.add(
        RedFlagCheck(at=at(3, 12), signs=frozenset({RedFlag.FEVER}), notes="38.6 C, GP called")
    )
    text = page_one(journal, tmp_path)
    assert "Fever together with back pain (same day). Notes: 38.6 C, GP called" in text
    assert "1 check in this period, 0 found none; last screened 12 Mar 2026" in text
