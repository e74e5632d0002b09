"""Shared by the benchmark scripts: best-of-N timing and a plain table."""

import time
from collections.abc import Callable
from typing import Any


def best_of(repeats: int, action: Callable[[], Any]) -> float:
    """The fastest of `repeats` runs in seconds: the one least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def print_table(rows: list[tuple[str, float, str, str]]) -> None:
    """Rows of (what, seconds, target, baseline description with its own seconds)."""
    width = max(len(row[0]) for row in rows)
    print(f"{'measurement':<{width}}  {'seconds':>8}  {'target':>8}  baseline (same run)")
    for what, seconds, target, baseline in rows:
        print(f"{what:<{width}}  {seconds:>8.3f}  {target:>8}  {baseline}")
