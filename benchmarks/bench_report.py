"""The doctor-visit summary PDF for 90 days and for 10 years (targets: 1 s and 5 s).

    python benchmarks/bench_report.py

Each figure is the whole job after the journal is open: reading the range from SQLite,
the analysis, the layout and writing the PDF. Baseline from the same run: the JSON
report of the same range (the same reading and analysis, no layout).
"""

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtGui import QGuiApplication
from timing import best_of, print_table

from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.report.json_report import report_json
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import write_pdf
from sciajournal.service.journal_analysis_service import analyse_journal
from sciajournal.storage.journal import Journal


def main() -> None:
    application = QGuiApplication(sys.argv)
    end = local_now()
    last = end.date()
    rows = []
    with (
        tempfile.TemporaryDirectory() as folder,
        Journal.open(Path(folder) / "b.sqlite") as journal,
    ):
        journal.add_many(demo_entries(3650, seed=1, end=end))
        for label, days, target in (("90 days", 90, "1"), ("10 years", 3650, "5")):
            first = last - timedelta(days=days - 1)
            pdf = Path(folder) / f"{days}.pdf"

            def summary(first=first, pdf=pdf):
                return write_pdf(str(pdf), summary_for(journal, first, last), "a4")

            seconds = best_of(3, summary)
            json_seconds = best_of(
                3, lambda first=first: report_json(analyse_journal(journal, first, last))
            )
            pages = summary()
            rows.append(
                (
                    f"summary PDF, {label} ({pages} pages)",
                    seconds,
                    target,
                    f"JSON report {json_seconds:.3f} s",
                )
            )
    print_table(rows)
    assert application is not None


if __name__ == "__main__":
    main()
