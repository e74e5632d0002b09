"""The window's responsiveness on a 10-year demo journal (issue 14, targets beside each row).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_responsiveness.py [--years 10]

Each figure is the median of 5, painted (the window grabbed), beside a baseline from the
same run; wall-clock seconds and this process's CPU seconds (on a shared machine the CPU
figure is the steadier of the two):
- the journal list switched to "All time" (< 150 ms), beside switching to "Last 30 days";
- logging an entry, from Save to its row shown (< 50 ms), in the default view and with
  "All time", beside the journal write alone;
- the window's responsiveness while the chart library is preloaded after start-up
  (ui/charts/preload.py): the worst lateness of a 5 ms timer and of a key typed into a
  form, beside the same window left idle as long;
- the Charts tab opened the first time (< 0.5 s), as a patient meets it a few seconds
  after start (the preload finished), and switched to "All" (< 200 ms),
  beside switching to "Month"; "All" again right after a save (the analysis is cached
  per change of the journal, so this is the uncached switch);
- a chart redraw over 10 years (< 50 ms): the timeline chart handed its data (as after a
  save: the last week changed) and painted, beside painting it alone; not the window;
- resident memory with the charts open (no target; was 209 MiB).
Save is the form's accepted entries handed to the window (what the form's Save does).
"""

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from statistics import median
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from sciajournal.core.entities import PainRating
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui.charts.chart_data import timeline_data
from sciajournal.ui.charts.preload import Stage, preload_chart_library
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.date_range import ALL_TIME

RUNS = 5
T = TypeVar("T")
#: (wall seconds, CPU seconds of this process)
Timing = tuple[float, float]


def timed(app: QApplication, window: MainWindow, action: Callable[[], object]) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()
    window.grab()  # paints what the patient would see
    return time.perf_counter() - started, time.process_time() - cpu


def timed_alone(action: Callable[[], object]) -> Timing:
    """Like timed, without grabbing the whole window: `action` paints what it measures."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
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


class KeyDelays(QObject):
    """How long each key typed into `target` waited before the target got it. The keys
    come from a thread of their own, as from the keyboard: a timer in the window's event
    loop would only post them when the loop is free anyway."""

    def __init__(self, target: QWidget, every: float = 0.02) -> None:
        super().__init__(target)
        self.target = target
        self.every = every
        self.sent: dict[int, float] = {}
        self.delays: list[float] = []
        self.typing = threading.Event()
        self.typist = threading.Thread(target=self._type, name="bench-typist")
        target.installEventFilter(self)
        # Qt makes its keyboard device with the first key event: here, on the GUI thread.
        self._key()

    @staticmethod
    def _key() -> QKeyEvent:
        return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")

    def _type(self) -> None:
        while not self.typing.wait(self.every):
            key = self._key()
            key.setTimestamp(len(self.sent) + 1)
            self.sent[key.timestamp()] = time.perf_counter()
            QApplication.postEvent(self.target, key)  # thread-safe, as a keyboard's are

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            posted = self.sent.get(event.timestamp())
            if posted is not None:
                self.delays.append(time.perf_counter() - posted)
        return False

    def __enter__(self) -> "KeyDelays":
        self.typist.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.typing.set()
        self.typist.join()
        self.target.removeEventFilter(self)


def worst(delays: list[float]) -> str:
    """The worst and the 99th percentile, in milliseconds."""
    if not delays:
        return "none measured"
    ordered = sorted(delays)
    return (
        f"worst {ordered[-1] * 1000:.0f} ms, 99 % {ordered[int(len(ordered) * 0.99)] * 1000:.0f} ms"
    )


def lateness(app: QApplication, target: QWidget, until: Callable[[], bool]) -> tuple[str, str]:
    """How late a 5 ms timer fired and how long a key typed every 20 ms into `target`
    waited, while the event loop runs until `until()`."""
    late: list[float] = []
    last: list[float] = []  # from the first tick: what came before is not the loop's

    def tick() -> None:
        now = time.perf_counter()
        if last:
            late.append(now - last[0] - 0.005)
        last[:] = [now]
        if until():
            app.exit(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    with KeyDelays(target) as keys:
        timer.start(5)
        app.exec()
        timer.stop()
        app.processEvents()  # the keys posted last
    return worst(late), worst(keys.delays)


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

        # A patient typing into a form while the chart library loads after start-up.
        assert "pyqtgraph" not in sys.modules, "nothing before this may import it"
        form = window.add_note()
        app.processEvents()
        form.grab()  # its first paint is not the preload's
        typed_into = form.focusWidget() or form
        idle_until = time.perf_counter() + 1.5
        idle = lateness(app, typed_into, lambda: time.perf_counter() > idle_until)
        started = time.perf_counter()
        preload = preload_chart_library(window, after_ms=0)
        during = lateness(app, typed_into, lambda: preload.stage is Stage.DONE)
        preload_seconds = time.perf_counter() - started
        form.reject()
        app.processEvents()

        first_open = timed(app, window, lambda: window.tabs.setCurrentIndex(1))
        rows.append(("Charts tab, first open", first_open, "0.500", "(preload finished)"))
        charts = window.show_charts()
        all_charts, month = both(lambda: charts.set_range("All"), lambda: charts.set_range("Month"))
        rows.append(("charts to All", all_charts, "0.200", f"to Month {seconds(month)}"))

        # Where the CPU of that switch goes: the analysis, the timeline's data, the rest
        # (drawing and painting).
        import sciajournal.ui.charts.charts_view as charts_view

        spent: dict[str, float] = {}

        def clocked(name: str, work: Callable[..., T]) -> Callable[..., T]:
            def clocked_work(*args: object) -> T:
                started = time.process_time()
                try:
                    return work(*args)
                finally:
                    spent[name] = spent.get(name, 0.0) + time.process_time() - started

            return clocked_work

        analyse, to_data = charts._analyse, charts_view.timeline_data
        charts._analyse = clocked("analysis", analyse)
        charts_view.timeline_data = clocked("chart data", to_data)  # type: ignore[assignment]
        splits: list[tuple[float, float]] = []

        def after_a_save() -> Timing:
            charts.set_range("Month")
            save([rating()])  # the charts tab is shown: this analyses the month anew
            app.processEvents()
            spent.clear()
            timing = timed(app, window, lambda: charts.set_range("All"))
            splits.append((spent.get("analysis", 0.0), spent.get("chart data", 0.0)))
            return timing

        cold = middle(after_a_save() for _ in range(RUNS))
        charts._analyse, charts_view.timeline_data = analyse, to_data
        analysed, drawn = (median(part) for part in zip(*splits, strict=True))
        rows.append(
            (
                "charts to All, after a save",
                cold,
                "0.200",
                f"(uncached) cpu: analysis {analysed:.3f}, chart data {drawn:.3f}, "
                f"drawing and painting {cold[1] - analysed - drawn:.3f}",
            )
        )

        charts.set_range("All")
        chart = charts.timeline
        assert charts.analysis is not None
        # As after a save: the same ten years, the last week's figures changed. Handed in
        # turn, so each redraw has new data (an unchanged row of marks is left as it was).
        data = [timeline_data(charts.analysis), timeline_data(charts.analysis)]
        data[1].minutes[-1] += 30
        data[1].leg_mean[-1] = 9.0
        turn = iter(range(2 * RUNS + 2))

        def redraw() -> None:
            chart.show_data(data[next(turn) % 2])
            chart.viewport().repaint()  # painted now, once (as the next loop turn would)

        def paint_only() -> None:
            chart.viewport().repaint()

        redraws, paints = [], []
        for _ in range(RUNS):  # alternating, as both() does
            redraws.append(timed_alone(redraw))
            paints.append(timed_alone(paint_only))
        redrawn, painted = middle(redraws), middle(paints)
        rows.append(("chart redraw, 10 years", redrawn, "0.050", f"paint only {seconds(painted)}"))
        memory = resident_mib()

        window.close()
        journal.close()
    print(f"{days}-day demo journal, median of {RUNS}\n")
    width = max(len(row[0]) for row in rows)
    header = f"{'measurement':<{width}}  {'seconds':>8}  {'cpu':>6}  {'target':>6}"
    print(f"{header}  baseline (same run)")
    for what, (wall, cpu), target, baseline in rows:
        print(f"{what:<{width}}  {wall:>8.3f}  {cpu:>6.3f}  {target:>6}  {baseline}")
    print(f"\nwhile the chart library was preloaded ({preload_seconds:.2f} s; idle window beside):")
    print(f"  a 5 ms timer came late by: {during[0]}  (idle {idle[0]})")
    print(f"  a key typed into a form waited: {during[1]}  (idle {idle[1]})")
    print(f"resident memory with the charts open: {memory:.0f} MiB (was 209 MiB)")


if __name__ == "__main__":
    main()
