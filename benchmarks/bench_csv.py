"""CSV export and import of a 10-year journal.

    python benchmarks/bench_csv.py [--years N]

Target: about what the JSON format takes for the same journal (issue 15 sets no number;
both are dominated by reading the journal, and on import by the schema check and the
write, which CSV shares with JSON). Baselines from the same run: the JSON export and
import of the same journal, and daily.csv alone (it runs the whole analysis).
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import best_of, print_table

from sciajournal.core.timestamps import local_now
from sciajournal.demo import demo_entries
from sciajournal.exchange.csv_export import daily_text, write_csv_export
from sciajournal.exchange.csv_import import import_csv
from sciajournal.exchange.json_format import export_journal, import_text
from sciajournal.storage.journal import Journal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    days = parser.parse_args().years * 365
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with Journal.open(folder / "bench.sqlite") as journal:
            journal.add_many(demo_entries(days, seed=1, end=local_now()))
            entries = journal.collection()
            export_csv = best_of(3, lambda: write_csv_export(journal, folder / "out"))
            export_zip = best_of(3, lambda: write_csv_export(journal, folder / "out.zip"))
            daily = best_of(3, lambda: daily_text(journal, entries))
            export_json = best_of(3, lambda: export_journal(journal))
            text = export_journal(journal)
        size = sum(path.stat().st_size for path in (folder / "out").iterdir())
        counter = iter(range(100))

        def fresh_import(action: object) -> float:
            def run() -> None:
                with Journal.open(folder / f"copy{next(counter)}.sqlite") as copy:
                    action(copy)  # type: ignore[operator]

            return best_of(3, run)

        import_folder = fresh_import(lambda copy: import_csv(copy, folder / "out"))
        import_json = fresh_import(lambda copy: import_text(copy, text))
    print(f"{len(entries)} entries over {days} days; CSV files {size / 1e6:.1f} MB\n")
    print_table(
        [
            ("CSV export to a folder", export_csv, "~JSON", f"JSON export {export_json:.3f} s"),
            ("CSV export to a zip", export_zip, "~JSON", f"daily.csv alone {daily:.3f} s"),
            ("CSV import of a folder", import_folder, "~JSON", f"JSON import {import_json:.3f} s"),
        ]
    )


if __name__ == "__main__":
    main()
