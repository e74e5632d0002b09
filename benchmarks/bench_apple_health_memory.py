"""Reading Apple Health exports of 50, 200 and 400 MB: time and peak memory (issue 15).

    python benchmarks/bench_apple_health_memory.py [MB ...]

Each export is generated in a temporary folder (mostly step Records, as a phone's are,
with a walk a day and a run every fifth), read in a fresh child process as File > Import
does (read the file, then classify its walks against an empty journal), and deleted. The
child reports its own peak resident memory (VmHWM from /proc/self/status: ru_maxrss
would carry over the parent's peak across fork and exec). Baseline from the same run: a
child that imports the importer and reads nothing. Memory should stay flat whatever the
size: the export is streamed, only the workouts are kept.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.exchange.device_files import write_large_health_export  # noqa: E402

SIZES_MB = [50, 200, 400]

CHILD = """
import sys, time
from pathlib import Path
from sciajournal.exchange.device_import import read_device_file
from sciajournal.exchange.device_plan import plan_import
from sciajournal.storage.journal import Journal

started = time.perf_counter()
walks = 0
if len(sys.argv) > 1:
    reading = read_device_file(Path(sys.argv[1]))
    with Journal.open(Path(sys.argv[2])) as journal:
        walks = len(plan_import(journal, reading).new)
seconds = time.perf_counter() - started
status = Path("/proc/self/status").read_text().splitlines()
peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(seconds, peak_kb, walks)
"""


def run_child(*arguments: str) -> tuple[float, float, int]:
    """(seconds reading and classifying, peak MB of the child, new walks found)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *arguments],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    seconds, peak_kb, walks = done.stdout.split()
    return float(seconds), int(peak_kb) / 1024, int(walks)


def main(sizes: list[float]) -> None:
    _, baseline_mb, _ = run_child()
    rows = [("baseline: the importer imported, nothing read", "-", "-", "-", baseline_mb, "-")]
    with tempfile.TemporaryDirectory(prefix="sciajournal-bench-") as folder:
        for size in sizes:
            export = Path(folder) / "export.xml"
            started = time.perf_counter()
            walks = write_large_health_export(export, size)
            made = time.perf_counter() - started
            real_mb = export.stat().st_size / 1024 / 1024
            seconds, peak_mb, found = run_child(str(export), str(Path(folder) / "journal.sqlite"))
            assert found == walks, (found, walks)
            rows.append((f"export.xml of {real_mb:.0f} MB", f"{made:.1f}", f"{walks}",
                         f"{seconds:.2f}", peak_mb, f"{real_mb / seconds:.1f}"))  # fmt: skip
            export.unlink()
            (Path(folder) / "journal.sqlite").unlink()
    print(f"{'measurement':<46}  {'made s':>6}  {'walks':>5}  {'read s':>7}  "
          f"{'peak MB':>7}  {'MB/s':>5}")  # fmt: skip
    for what, made_s, walks_found, seconds, peak, speed in rows:
        print(f"{what:<46}  {made_s:>6}  {walks_found:>5}  {seconds:>7}  {peak:>7.1f}  "
              f"{speed:>5}")  # fmt: skip
    growth = rows[-1][4] - rows[1][4] if len(rows) > 2 else 0.0
    print(f"peak memory from the smallest to the largest export: {growth:+.1f} MB")


if __name__ == "__main__":
    main([float(arg) for arg in sys.argv[1:]] or SIZES_MB)
