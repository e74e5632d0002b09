"""Pages two on with what a patient may type: a note longer than a page, a long medicine
name, many medicines. Real PDFs read back with pdftotext, page by page."""

import re
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import MedicationDose, Note, PainRating, Walk
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import write_pdf
from tests.report.test_long_summaries import TOP_MARGIN, inked, page_image, pages_words_boxes
from tests.report.test_summary_pdf import poppler

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 30)
#: A long story typed as one note: numbered words, so each can be found exactly once.
STORY = " ".join(f"word{n:04d}" for n in range(1100))  # 9899 characters: at most 10000
LONG_NAME = "Cocodamol-codeine-effervescent-extra-strength-tablets-with-caffeine-500/30"


@pytest.fixture(autouse=True)
def _qt(qapp):
    """Fonts and QPdfWriter need a Qt application."""


@pytest.fixture
def pdf(journal, tmp_path):
    for day in range(1, 30):
        start = datetime(2026, 3, day, 10, 0, tzinfo=CET)
        journal.add(PainRating(at=start - timedelta(hours=1), back=2, leg=3))
        journal.add(Walk(start=start, minutes=20))
        journal.add(MedicationDose(at=start + timedelta(hours=2), name=f"medicine {day}", dose=100))
        journal.add(Note(at=start + timedelta(hours=6), text=f"short note {day}"))
    journal.add(MedicationDose(at=datetime(2026, 3, 3, 8, tzinfo=CET), name=LONG_NAME, dose=500))
    journal.add(Note(at=datetime(2026, 3, 15, 20, tzinfo=CET), text=STORY))
    out = tmp_path / "summary.pdf"
    pages = write_pdf(str(out), summary_for(journal, FIRST, LAST, LAST), "a4")
    return out, pages


def page_text(pdf, page, *options):
    return subprocess.run(
        [poppler("pdftotext"), *options, "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_a_note_longer_than_a_page_is_printed_whole_once_and_in_order(pdf):
    path, pages = pdf
    text = " ".join(page_text(path, page) for page in range(2, pages + 1))
    found = re.findall(r"word\d{4}", text)
    assert found == STORY.split(), "a word of the long note is missing, doubled or moved"
    # It goes on over more than one page, each page naming the table and its columns.
    holding = [p for p in range(2, pages + 1) if "word" in page_text(path, p)]
    assert len(holding) >= 2
    for page in holding[1:]:
        lines = [line.strip() for line in page_text(path, page, "-layout").splitlines()]
        heading = next(i for i, line in enumerate(lines) if line.startswith("Notes, continued"))
        assert re.match(r"when\s+note$", lines[heading + 1]), lines[: heading + 2]


def test_a_long_medicine_name_wraps_inside_the_page(pdf):
    path, pages = pdf
    right_margin = 595 - 16 / 25.4 * 72
    for page in range(2, pages + 1):
        for text, _, y_min, x_max, _ in pages_words_boxes(path, page):
            assert x_max <= right_margin + 0.5, f"page {page}: {text!r} beyond the margin"
            assert y_min >= TOP_MARGIN - 0.5, f"page {page}: {text!r} in the top margin"
    # -layout: plain pdftotext joins "codeine-" and "effervescent" across a line, hyphen lost.
    every = "".join(page_text(path, page, "-layout") for page in range(2, pages + 1))
    lines = re.findall(r"^\s*(\S+)", every, flags=re.MULTILINE)  # each line's first cell
    start, name = lines.index("Cocodamol-"), ""
    for line in lines[start:]:
        if len(name) >= len(LONG_NAME):
            break
        name += line
    assert name == LONG_NAME


def test_no_page_is_empty_and_every_word_is_printed(pdf):
    path, pages = pdf
    for page in range(2, pages + 1):
        image = page_image(path, page)
        words = pages_words_boxes(path, page)
        assert len(words) > 20, f"page {page} is (nearly) empty"
        for text, *box in words:
            assert inked(image, box), f"page {page}: {text!r} is in the text but not printed"
