"""Generating a 10-year demo journal, loading it, and analysing it.

    python benchmarks/bench_demo_and_analysis.py [--years N]

Targets (issues 2 and 4): `demo --days 3650` under 30 s; the whole analysis of ten years
under 0.5 s. Baselines from the same run: one plain pass over the same entries (the floor
any analysis pays), and the same work for one year (to show how it scales).
"""

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import best_of, print_table

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.storage.journal import Journal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    days = parser.parse_args().years * 365
    end = local_now()
    last, first = end.date(), end.date() - timedelta(days=days - 1)
    settings = Settings()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        generate = best_of(1, lambda: demo_entries(days, seed=1, end=end))
        entries = demo_entries(days, seed=1, end=end)
        with Journal.open(path) as journal:
            write = best_of(1, lambda: journal.add_many(entries))
            load = best_of(3, journal.collection)
            collection = journal.collection()
        one_year = demo_entries(365, seed=1, end=end)

    def plain_pass() -> float:
        return sum(getattr(e, "minutes", 0) for e in collection)

    floor = best_of(5, plain_pass)
    analysis = best_of(5, lambda: analyse(collection, first, last, settings))
    year_entries = Entries.of(one_year)
    year_first = last - timedelta(days=364)
    year = best_of(5, lambda: analyse(year_entries, year_first, last, settings))
    print(f"{len(collection)} entries, {len(collection.walks)} walks, {first} to {last}\n")
    print_table(
        [
            ("demo: generate entries", generate, "", ""),
            ("demo: validate + write to SQLite", write, "", ""),
            ("demo total (generate + write)", generate + write, "30", ""),
            ("load all entries from SQLite", load, "", ""),
            (
                "analysis, whole journal",
                analysis,
                "0.5",
                f"plain pass over entries {floor:.3f} s; one year {year:.3f} s",
            ),
        ]
    )


if __name__ == "__main__":
    main()
