"""The window's responsiveness on a 10-year demo journal (issue 14, targets beside each row).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_responsiveness.py [--years 10]

Each figure is the median of 5, painted (the window grabbed), beside a baseline from the
same run; wall-clock seconds and this process's CPU seconds (on a shared machine the CPU
figure is the steadier of the two):
- the journal list switched to "All time" (< 150 ms), beside switching to "Last 30 days";
- logging an entry, from Save to its row shown (< 50 ms), in the default view and with
  "All time", beside the journal write alone;
- the Charts tab opened the first time (< 0.5 s), and switched to "All" (< 200 ms),
  beside switching to "Month"; "All" again right after a save (the analysis is cached
  per change of the journal, so this is the uncached switch);
- a chart redraw over 10 years (< 50 ms): the shown chart's data handed to it and painted;
- resident memory with the charts open (no target; was 209 MiB).
Save is the form's accepted entries handed to the window (what the form's Save does).
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from statistics import median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from sciajournal.core.entities import PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui.charts.chart_data import timeline_data
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.date_range import ALL_TIME

RUNS = 5
#: (wall seconds, CPU seconds of this process)
Timing = tuple[float, float]


def timed(app: QApplication, window: MainWindow, action: Callable[[], object]) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()
    window.grab()  # paints what the patient would see
    return time.perf_counter() - started, time.process_time() - cpu


def middle(timings: Iterable[Timing]) -> Timing:
    walls, cpus = zip(*timings, strict=True)
    return median(walls), median(cpus)


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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
        rows: list[tuple[str, Timing, str, str]] = []

        def both(
            first: Callable[[], object], second: Callable[[], object]
        ) -> tuple[Timing, Timing]:
            a, b = [], []
            for _ in range(RUNS):  # alternating, so both see the same machine
                a.append(timed(app, window, first))
                b.append(timed(app, window, second))
            return middle(a), middle(b)

        def seconds(timing: Timing) -> str:
            return f"{timing[0]:.3f} (cpu {timing[1]:.3f})"

        all_time, thirty = both(preset(window, ALL_TIME), preset(window, default))
        rows.append(("journal list to All time", all_time, "0.150", f"to 30 d {seconds(thirty)}"))

        write = middle(timed(app, window, lambda: journal.add(rating())) for _ in range(RUNS))
        save = window._add("Log pain")
        logged = middle(timed(app, window, lambda: save([rating()])) for _ in range(RUNS))
        rows.append(("log, 30 days shown", logged, "0.050", f"write {seconds(write)}"))
        preset(window, ALL_TIME)()
        app.processEvents()
        logged_all = middle(timed(app, window, lambda: save([rating()])) for _ in range(RUNS))
        rows.append(("log, All time shown", logged_all, "0.050", f"write {seconds(write)}"))
        preset(window, default)()

        first_open = timed(app, window, lambda: window.tabs.setCurrentIndex(1))
        rows.append(("Charts tab, first open", first_open, "0.500", "(once)"))
        charts = window.show_charts()
        all_charts, month = both(lambda: charts.set_range("All"), lambda: charts.set_range("Month"))
        rows.append(("charts to All", all_charts, "0.200", f"to Month {seconds(month)}"))

        def after_a_save() -> Timing:
            charts.set_range("Month")
            save([rating()])  # the charts tab is shown: this analyses the month anew
            app.processEvents()
            return timed(app, window, lambda: charts.set_range("All"))

        cold = middle(after_a_save() for _ in range(RUNS))
        rows.append(("charts to All, after a save", cold, "0.200", "(uncached)"))

        charts.set_range("All")
        chart = charts.timeline
        data = timeline_data(charts.analysis) if charts.analysis else None

        def redraw() -> None:
            chart.show_data(data)
            chart.grab()

        redrawn = middle(timed(app, window, redraw) for _ in range(RUNS))
        rows.append(("chart redraw, 10 years", redrawn, "0.050", "(timeline)"))
        memory = resident_mib()

        window.close()
        journal.close()
    print(f"{days}-day demo journal, median of {RUNS}\n")
    width = max(len(row[0]) for row in rows)
    header = f"{'measurement':<{width}}  {'seconds':>8}  {'cpu':>6}  {'target':>6}"
    print(f"{header}  baseline (same run)")
    for what, (wall, cpu), target, baseline in rows:
        print(f"{what:<{width}}  {wall:>8.3f}  {cpu:>6.3f}  {target:>6}  {baseline}")
    print(f"\nresident memory with the charts open: {memory:.0f} MiB (was 209 MiB)")


if __name__ == "__main__":
    main()
