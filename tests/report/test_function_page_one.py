"""Page one's Function block in real PDFs of a 90-day demo journal: after leg symptoms,
the analysis' words, and page one still one page (nothing runs into the footer)."""

import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    PainRating,
)
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_content import summary_content
from sciajournal.report.summary_document import write_pdf
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
    pages = pdf_pages(out)
    page_one, rest = squash(pages[0]), squash(" ".join(pages[1:]))
    analysis = analyse(entries, first, END.date(), Settings(), today=local_now().date())
    expected = summary_content(analysis, entries, END.date()).function
    assert expected.scores and "not recorded" not in expected.scores[0]  # the demo has them
    for line in expected.scores:
        assert squash(line) in page_one
    if all(squash(line) in page_one for line in expected.detail):
        assert "Function, each activity and sleep" not in rest
    else:  # moved on, and page one says so
        assert squash(expected.sleep_on_page_one) in page_one
        named = re.search(r"Each activity's scores: continued on page (\d+)\.", page_one)
        assert named, page_one
        assert "Function, each activity and sleep" in squash(pages[int(named[1]) - 1])
        assert all(squash(line) in rest for line in expected.detail)
    order = [page_one.find(block) for block in ("Leg symptoms", "Function", "Walking per")]
    assert -1 not in order and order == sorted(order)

    words = page_one_words(out)
    footer = next(index for index, (text, _, _) in enumerate(words) if text == "Generated")
    footer_top = words[footer][1]
    above = words[:footer]
    assert above and max(bottom for _, _, bottom in above) < footer_top, [
        text for text, _, bottom in above if bottom >= footer_top
    ]


def test_a_quiet_month_keeps_each_activity_and_both_sleep_weeks_on_page_one(
    qapp, journal, tmp_path
):
    def at(day, hour):
        return datetime(2026, 3, day, hour, tzinfo=CET)

    shop = FunctionActivity(at(2, 8), "walk to the shop")
    socks = FunctionActivity(at(2, 8), "put on socks")
    journal.add_many(
        [
            shop,
            socks,
            FunctionRating(at(3, 20), (ActivityScore(shop.id, 2), ActivityScore(socks.id, 3))),
            FunctionRating(at(24, 20), (ActivityScore(shop.id, 6), ActivityScore(socks.id, 5))),
            BothersomenessCheck(at(3, 20), 4, 3, 2, 5),
            BothersomenessCheck(at(24, 20), 2, 2, 1, 3),
            PainRating(at(3, 7), 3, 5, PainContext.MORNING, times_woken=2, hours_slept=6),
            PainRating(at(24, 7), 2, 3, PainContext.MORNING, times_woken=0, hours_slept=7.5),
        ]
    )
    out = tmp_path / "quiet.pdf"
    write_pdf(str(out), summary_for(journal, END.date() - timedelta(days=29), END.date(),
                                    END.date()), "a4")  # fmt: skip
    pages = pdf_pages(out)
    page_one = squash(pages[0])
    assert "Activities, first → last: put on socks 3 → 5; walk to the shop 2 → 6." in page_one
    assert (
        "Own activities (PSFS mean, 0-10, higher is better): 2.5 on 03 Mar → 5.5 on 24 Mar "
        "(2 activities), change +3.0: meaningfully better (2 points or more)."
    ) in page_one
    assert (
        "Sleep and sitting, week of 02 Mar → week of 23 Mar: woken 2.0 → 0.0×/night, "
        "6.0 → 7.5 h slept (1 night → 1 night)"
    ) in page_one
    assert "* shown without a verdict: no threshold for a meaningful change" in page_one
    assert "continued on page 2" not in page_one
    assert "Function, each activity" not in " ".join(pages[1:])
