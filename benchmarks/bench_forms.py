"""How long the logging forms take to open, from the menu action (Ctrl+R, Ctrl+W) to the
form painted, on a year's demo journal:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_forms.py

- the first opening in this process (the form's modules imported then) and the median of
  the next 5 (wall and CPU seconds: on a shared machine the CPU figure is the steadier);
- the part of it spent collecting the keys typed while the form was built
  (ui/typed_ahead.py), with no keys waiting: the form's opening before that change is
  the rest.
A key typed between the action and the form's window taking the keyboard can still be lost
(see ui/typed_ahead.py): this is that time's upper bound, less the window system's part.
"""

import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal
from sciajournal.ui import typed_ahead
from sciajournal.ui.main_window import MainWindow

RUNS = 5
FORMS = {"pain form (Ctrl+R)": "log_pain", "walk form (Ctrl+W)": "log_walk"}


def opened(app: QApplication, window: MainWindow, method: str) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    form = getattr(window, method)()
    app.processEvents()
    form.grab()  # painted, as the patient sees it
    timing = time.perf_counter() - started, time.process_time() - cpu
    form.reject()
    app.processEvents()
    return timing


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    collecting: list[tuple[float, float]] = []
    original = typed_ahead.collect_typed_ahead

    def timed_collect(form):  # type: ignore[no-untyped-def]
        started, cpu = time.perf_counter(), time.process_time()
        typed = original(form)
        collecting.append((time.perf_counter() - started, time.process_time() - cpu))
        return typed

    typed_ahead.collect_typed_ahead = timed_collect  # type: ignore[assignment]
    import sciajournal.ui.forms.entry_form as entry_form

    entry_form.collect_typed_ahead = timed_collect  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal.open(Path(folder) / "bench.sqlite")
        journal.add_many(demo_entries(days=365))
        window = MainWindow(journal)
        window.show()
        app.processEvents()
        header = f"{'form':<20} {'first (s)':>10} {'then, wall':>11} {'CPU':>6}"
        print(f"{header} {'collecting keys: wall, CPU':>28}")
        for label, method in FORMS.items():
            first = opened(app, window, method)
            collecting.clear()
            rest = [opened(app, window, method) for _ in range(RUNS)]
            wall, cpu = median(t[0] for t in rest), median(t[1] for t in rest)
            print(
                f"{label:<20} {first[0]:>10.3f} {wall:>11.3f} {cpu:>6.3f}"
                f" {median(c[0] for c in collecting) * 1000:>12.1f} ms"
                f" {median(c[1] for c in collecting) * 1000:>8.1f} ms"
            )
        window.close()
        journal.close()


if __name__ == "__main__":
    main()
