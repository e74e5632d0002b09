"""Regenerate the summary page images in docs/ from demo journals.

    QT_QPA_PLATFORM=offscreen python docs/make_summary_pages.py

Needs pdftoppm (poppler-utils). Writes docs/summary-page-1.png and -2.png (90 days),
docs/summary-30-days-page-1.png, and docs/summary-red-flag-page-1.png (a journal with an
emergency sign, an earlier red flag and a check that found none).
"""

import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from sciajournal.core.entities import PainRating, RedFlagCheck
from sciajournal.core.enums import Reach, RedFlag, Side
from sciajournal.demo import demo_entries
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import write_pdf
from sciajournal.storage.journal import Journal

DOCS = Path(__file__).parent
# A fixed "now", so the pictures do not change with the day they are made on.
NOW = datetime(2026, 11, 26, 21, 30).astimezone()


def pages(journal: Journal, days: int, stem: str, folder: Path, keep: int) -> None:
    last = NOW.date()
    first = last - timedelta(days=days - 1)
    pdf = folder / f"{stem}.pdf"
    write_pdf(str(pdf), summary_for(journal, first, last, last), "a4")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-l", str(keep), str(pdf), str(folder / stem)],
        check=True,
    )
    for number in range(1, keep + 1):
        made = sorted(folder.glob(f"{stem}-*{number}.png"))
        if made:
            made[-1].replace(DOCS / f"{stem}-page-{number}.png")


def red_flag_case(journal: Journal) -> None:
    """An earlier red flag, a negative check, then an emergency sign with notes."""
    journal.add_many(
        [
            RedFlagCheck(at=NOW - timedelta(days=75), signs=frozenset({RedFlag.FEVER})),
            RedFlagCheck(at=NOW - timedelta(days=20), notes="asked by the physiotherapist"),
            PainRating(
                at=NOW - timedelta(days=2, hours=4),
                back=5,
                leg=7,
                side=Side.BOTH,
                reach=Reach.CALF,
                weakness=True,
            ),
            RedFlagCheck(
                at=NOW - timedelta(days=2, hours=3),
                signs=frozenset({RedFlag.DIFFICULTY_PASSING_URINE, RedFlag.BOTH_LEGS}),
                notes="started this morning",
            ),
        ]
    )


def main() -> int:
    application = QGuiApplication(sys.argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with Journal.open(folder / "demo.sqlite") as journal:
            journal.add_many(demo_entries(365, seed=1, end=NOW))
            journal.set_settings({"patient_name": "Ada Example"})
            pages(journal, 90, "summary", folder, 2)
            pages(journal, 30, "summary-30-days", folder, 1)
        with Journal.open(folder / "red-flag.sqlite") as journal:
            journal.add_many(demo_entries(120, seed=4, end=NOW))
            red_flag_case(journal)
            pages(journal, 30, "summary-red-flag", folder, 1)
    print("wrote", *sorted(p.name for p in DOCS.glob("summary*.png")))
    assert application is not None
    return 0


if __name__ == "__main__":
    sys.exit(main())
