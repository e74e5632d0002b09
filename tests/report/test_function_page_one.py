"""Page one's Function block in real PDFs of a 90-day demo journal: after leg symptoms,
the analysis' words, and page one still one page (nothing runs into the footer)."""

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.report.summary_content import summary_content
from sciajournal.storage.journal import Journal
from tests.report.page_images import page_one_words
from tests.report.test_summary_pdf import pdf_pages, squash

CET = timezone(timedelta(hours=1))
END = datetime(2026, 3, 31, 21, 0, tzinfo=CET)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("function") / "journal.sqlite"
    entries = demo_entries(90, seed=1, end=END)
    with Journal.open(path) as journal:
        journal.add_many(entries)
    return path, Entries.of(entries)


def summary(path, out, days):
    first = END.date() - timedelta(days=days - 1)
    result = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(path), "report",
         "--from", str(first), "--to", str(END.date()), "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return first


@pytest.mark.parametrize("days", [90, 30])
def test_the_function_block_follows_leg_symptoms_and_page_one_stays_one_page(demo, tmp_path, days):
    path, entries = demo
    out = tmp_path / f"summary-{days}.pdf"
    first = summary(path, out, days)
    page_one = squash(pdf_pages(out)[0])
    analysis = analyse(entries, first, END.date(), Settings(), today=local_now().date())
    expected = summary_content(analysis, entries, END.date()).function
    assert expected.scores and "not recorded" not in expected.scores[0]  # the demo has them
    for line in expected.scores:
        assert squash(line) in page_one
    assert squash(expected.sleep_latest.split(";")[0]) in page_one or all(
        squash(line) in page_one for line in expected.detail
    )
    order = [page_one.find(block) for block in ("Leg symptoms", "Function", "Walking per")]
    assert -1 not in order and order == sorted(order)

    words = page_one_words(out)
    footer = next(index for index, (text, _, _) in enumerate(words) if text == "Generated")
    footer_top = words[footer][1]
    above = words[:footer]
    assert above and max(bottom for _, _, bottom in above) < footer_top, [
        text for text, _, bottom in above if bottom >= footer_top
    ]
