"""A full redraw of each chart for a 10-year demo journal (target: under 100 ms each).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_charts.py

"Redraw" is what happens when the range changes: plot-ready data from the analysis,
handed to the chart, and the chart painted into an image. The baseline from the same
run is the same redraw for the default 3-month range.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QApplication
from timing import best_of, print_table

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.ui.charts.chart_data import response_data, timeline_data, weekly_data
from sciajournal.ui.charts.response_chart import ResponseChart
from sciajournal.ui.charts.timeline_chart import TimelineChart
from sciajournal.ui.charts.weekly_chart import WeeklyChart


def main() -> None:
    app = QApplication(sys.argv)
    end = local_now()
    entries = Entries.of(demo_entries(3650, seed=1, end=end))
    last = end.date()
    ten_years = analyse(entries, last - timedelta(days=3649), last, Settings())
    three_months = analyse(entries, last - timedelta(days=90), last, Settings())
    charts = [
        ("timeline", TimelineChart(), timeline_data),
        ("weekly volume", WeeklyChart(), weekly_data),
        ("dose and response", ResponseChart(), response_data),
    ]
    rows = []
    for name, chart, to_data in charts:
        chart.resize(1200, 600)
        chart.show()
        app.processEvents()

        def redraw(analysis, chart=chart, to_data=to_data):
            chart.show_data(to_data(analysis))
            chart.grab()  # paints the whole scene

        small = best_of(5, lambda: redraw(three_months))
        full = best_of(5, lambda: redraw(ten_years))
        rows.append((f"{name}: redraw, 10 years", full, "0.100", f"3 months {small:.3f} s"))
    print(f"{len(entries)} entries, {len(ten_years.outcomes)} walks over 10 years\n")
    print_table(rows)


if __name__ == "__main__":
    main()
