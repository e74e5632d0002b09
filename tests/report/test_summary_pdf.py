"""The doctor-visit summary as a real PDF, read back with poppler's pdftotext."""

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.report.summary_content import summary_content
from sciajournal.storage.journal import Journal

CET = timezone(timedelta(hours=1))
END = datetime(2026, 3, 31, 21, 0, tzinfo=CET)


def poppler(tool):
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is missing: .ci/run should install it")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def pdf_pages(path):
    """The text of each page (pdftotext separates pages with form feeds)."""
    text = subprocess.run(
        [poppler("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1]


def squash(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory):
    path = tmp_path_factory.mktemp("summary") / "journal.sqlite"
    entries = demo_entries(200, seed=3, end=END)
    entries.append(RedFlagCheck(at=END - timedelta(days=3), signs=frozenset({RedFlag.BOTH_LEGS})))
    with Journal.open(path) as journal:
        journal.add_many(entries)
        journal.set_settings({"patient_name": "Ada Example"})
    return path, Entries.of(entries)


def write_summary(journal_path, out, days, *extra):
    first = END.date() - timedelta(days=days - 1)
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "report",
         "--from", str(first), "--to", str(END.date()), "-o", str(out), *extra],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return first


#: Page one's blocks, in the order a clinician reads them (issue 13).
PAGE_ONE_ORDER = [
    "RED-FLAG SYMPTOMS LOGGED",
    "Pain (0-10)",
    "Leg symptoms",
    "Function",
    "Walking per",
    "Medication",
    "What helped: ice and heat",
]


@pytest.mark.parametrize(("days", "pages"), [(30, 2), (90, 2)])
def test_page_one_carries_the_analysis_numbers(demo_journal, tmp_path, days, pages):
    journal_path, entries = demo_journal
    out = tmp_path / f"summary-{days}.pdf"
    first = write_summary(journal_path, out, days)
    text = pdf_pages(out)
    assert len(text) == pages
    page_one = squash(text[0])

    settings = Settings(patient_name="Ada Example")
    analysis = analyse(entries, first, END.date(), settings, today=local_now().date())
    expected = summary_content(analysis, entries, END.date())
    assert "Patient: Ada Example" in page_one
    assert "first 7 days" in page_one  # no "ﬁ" ligature in copied text
    assert f"{first:%d %B %Y} to {END.date():%d %B %Y} ({days} days)" in page_one
    assert (
        f"{expected.walks} walks, {expected.walk_minutes:g} minutes in all: "
        f"{expected.settled} settled, {expected.pain_continued} pain continued afterwards, "
        f"{expected.not_judged} not judged (no rating before the walk), "
        f"{expected.awaiting} awaiting follow-up"
    ) in page_one
    for trend, worst in zip(expected.trends, expected.worst, strict=True):
        assert f"{trend.site} {trend.start:.1f} (worst {worst.first})" in page_one
        assert f"{trend.end:.1f} (worst {worst.last})" in page_one
        assert " ".join(trend.verdict(2).split()[:2]) in page_one  # the cell wraps
    for line in expected.leg_lines + expected.progression_lines + expected.tolerance_lines:
        assert squash(line) in page_one
    assert "RED-FLAG SYMPTOMS LOGGED (1); most urgent: SAME DAY (a doctor today)" in page_one
    assert "Symptoms in both legs (same day)" in page_one
    assert f"Page 1 of {pages}" in page_one
    positions = [page_one.find(block) for block in PAGE_ONE_ORDER]
    assert -1 not in positions and positions == sorted(positions), positions

    detail = squash(" ".join(text[1:]))
    assert f"Walks after which pain continued ({expected.pain_continued})" in detail
    for row in expected.flagged_walks:
        assert squash(row[0]).split()[1] in detail  # the day of each flagged walk
        assert " ".join(row[-1].split()[:3]) in detail  # a wrapped cell interleaves with others


def test_empty_range_is_one_page_that_says_so(demo_journal, tmp_path):
    journal_path, _ = demo_journal
    out = tmp_path / "empty.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "report",
         "--from", "2020-01-01", "--to", "2020-01-31", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (page,) = pdf_pages(out)
    assert "Nothing to show" in page and "Nothing was logged in this period" in page
    assert "Page 1 of 1" in page


def test_paper_size_and_embedded_font(demo_journal, tmp_path):
    journal_path, _ = demo_journal
    letter, a4 = tmp_path / "letter.pdf", tmp_path / "a4.pdf"
    write_summary(journal_path, letter, 14, "--paper", "letter")
    write_summary(journal_path, a4, 14, "--paper", "a4")

    def info(path):
        return subprocess.run(
            [poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True
        ).stdout

    assert "612 x 792 pts (letter)" in info(letter)
    assert "595 x 842 pts (A4)" in info(a4)
    fonts = subprocess.run([poppler("pdffonts"), str(a4)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts
    images = subprocess.run(
        [poppler("pdfimages"), "-list", str(a4)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(images) == 2, images  # only the table header: the chart is vector, not a picture
    assert os.stat(a4).st_mode & 0o077 == 0  # owner-only, like everything we write


def test_summary_from_the_window(qtbot, journal, tmp_path):
    from sciajournal.ui.main_window import MainWindow

    journal.add_many(demo_entries(30, seed=2, end=END))
    window = MainWindow(journal, clock=lambda: END)
    qtbot.addWidget(window)
    dialog = window.files.save_summary()
    assert dialog.chosen()[:2] == (END.date() - timedelta(days=29), END.date())
    dialog.reject()
    out = tmp_path / "from-window.pdf"
    assert window.files.write_summary(out, date(2026, 3, 18), END.date(), "a4") >= 1
    assert "Sciatica: walking and pain summary" in pdf_pages(out)[0]
    preview = window.files.preview_summary(date(2026, 3, 18), END.date(), "a4")
    assert preview.isVisible()
    preview.reject()


def test_a_summary_without_dates_covers_the_30_days_up_to_to(demo_journal, tmp_path):
    journal_path, _ = demo_journal
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "report",
         "--to", "2026-03-31", "-o", str(tmp_path / "default.pdf")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "for 2026-03-02 to 2026-03-31" in result.stderr
