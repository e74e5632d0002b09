"""The window's responsiveness on a 10-year demo journal (issue 14, targets beside each row).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_responsiveness.py [--years 10]

Each figure is the median of 5, painted (the window grabbed), beside a baseline from the
same run:
- the journal list switched to "All time" (< 150 ms), beside switching to "Last 30 days";
- logging an entry, from Save to its row shown (< 50 ms), in the default view and with
  "All time", beside the journal write alone;
- the Charts tab opened the first time (< 0.5 s), and switched to "All" (< 200 ms),
  beside switching to "Month".
Save is the form's accepted entries handed to the window (what the form's Save does).
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from statistics import median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from sciajournal.core.entities import PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.date_range import ALL_TIME

RUNS = 5


def timed(app: QApplication, window: MainWindow, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()
    window.grab()  # paints what the patient would see
    return time.perf_counter() - started


def preset(window: MainWindow, days: int) -> Callable[[], None]:
    presets = window.view.range._presets
    index = next(i for i, (_label, length) in enumerate(presets) if length == days)
    return lambda: window.view.range.preset.setCurrentIndex(index)


def rating() -> PainRating:
    return PainRating(at=local_now() - timedelta(minutes=1), back=3, leg=4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    days = parser.parse_args().years * 365
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        with Journal.open(path) as journal:
            journal.add_many(demo_entries(days, seed=1))
        journal = Journal.open(path)
        window = MainWindow(journal)
        window.resize(1100, 720)
        window.show()
        app.processEvents()
        default = window.view.range.days()
        rows: list[tuple[str, float, str, str]] = []

        def both(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
            a, b = [], []
            for _ in range(RUNS):  # alternating, so both see the same machine
                a.append(timed(app, window, first))
                b.append(timed(app, window, second))
            return median(a), median(b)

        all_time, thirty = both(preset(window, ALL_TIME), preset(window, default))
        rows.append(("journal list to All time", all_time, "0.150", f"to 30 days {thirty:.3f}"))

        write = median(timed(app, window, lambda: journal.add(rating())) for _ in range(RUNS))
        save = window._add("Log pain")
        logged = median(timed(app, window, lambda: save([rating()])) for _ in range(RUNS))
        rows.append(("log an entry, 30 days shown", logged, "0.050", f"write alone {write:.3f}"))
        preset(window, ALL_TIME)()
        app.processEvents()
        logged_all = median(timed(app, window, lambda: save([rating()])) for _ in range(RUNS))
        rows.append(("log an entry, All time shown", logged_all, "0.050", f"write {write:.3f}"))
        preset(window, default)()

        first_open = timed(app, window, lambda: window.tabs.setCurrentIndex(1))
        rows.append(("Charts tab, first open", first_open, "0.500", "(once)"))
        charts = window.show_charts()
        all_charts, month = both(lambda: charts.set_range("All"), lambda: charts.set_range("Month"))
        rows.append(("charts to All", all_charts, "0.200", f"to Month {month:.3f}"))

        window.close()
        journal.close()
    print(f"{days}-day demo journal, median of {RUNS}\n")
    width = max(len(row[0]) for row in rows)
    print(f"{'measurement':<{width}}  {'seconds':>8}  {'target':>7}  baseline (same run)")
    for what, seconds, target, baseline in rows:
        print(f"{what:<{width}}  {seconds:>8.3f}  {target:>7}  {baseline}")


if __name__ == "__main__":
    main()
