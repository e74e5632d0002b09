"""The FHIR R4 export of a 10-year journal (demo --days 3650): time, file size, peak memory.

    python benchmarks/bench_fhir.py [--years N]

Each figure is the whole job after the journal is open: reading every entry from SQLite,
building the resources and writing the file atomically. Baseline from the same run: the
JSON export of the same journal (the same reading, one document built in memory). Peak
memory is the most Python allocated at once during one export (tracemalloc, measured in
a separate untimed run, since tracing slows everything down).
"""

import argparse
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import best_of

from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.exchange.fhir.bundle import write_fhir_export
from sciajournal.exchange.json_format import write_export
from sciajournal.storage.journal import Journal

MB = 1024 * 1024


def peak_megabytes(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    days = parser.parse_args().years * 365
    with (
        tempfile.TemporaryDirectory() as folder,
        Journal.open(Path(folder) / "b.sqlite") as journal,
    ):
        journal.add_many(demo_entries(days, seed=1, end=local_now()))
        entries = journal.count()
        rows = []
        for label, write, name in (
            ("FHIR bundle", write_fhir_export, "bundle.json"),
            ("JSON export (baseline)", write_export, "export.json"),
        ):
            target = Path(folder) / name

            def export(write=write, target=target) -> None:
                write(journal, target)

            seconds = best_of(3, export)
            peak = peak_megabytes(export)
            rows.append((label, seconds, target.stat().st_size / MB, peak))
    print(f"{days} days, {entries} entries\n")
    print(f"{'export':<24}  {'seconds':>8}  {'file MB':>8}  {'peak MB':>8}")
    for label, seconds, size, peak in rows:
        print(f"{label:<24}  {seconds:>8.2f}  {size:>8.1f}  {peak:>8.1f}")


if __name__ == "__main__":
    main()
