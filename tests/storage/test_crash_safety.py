"""Killing a writer at random moments never loses an acknowledged entry or leaves half of one."""

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sciajournal.core.entities import PainRating, Walk
from sciajournal.storage.journal import Journal

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 12


def test_sigkill_at_random_moments(journal_path):
    chance = random.Random(20261126)
    acknowledged: set[str] = set()
    for round_number in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(journal_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if round_number < 3:
            # Early rounds may die while the journal is being created, migrated or opened.
            time.sleep(chance.uniform(0.0, 1.5))
        else:
            # Later rounds die in the middle of writing, however slow the machine is to start.
            assert child.stdout is not None
            child.stdout.readline()  # "ready"
            time.sleep(chance.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate(timeout=30)
        acknowledged.update(line for line in output.split() if line != "ready")
    assert len(acknowledged) > 20, "the writer never got going: the test proves nothing"

    with Journal.open(journal_path) as journal:  # quick_check runs on open
        entries = journal.entries()
    walks = {e.id for e in entries if isinstance(e, Walk)}
    assert acknowledged <= walks  # every acknowledged entry is there
    ratings_per_walk = Counter(e.walk_id for e in entries if isinstance(e, PainRating))
    assert all(ratings_per_walk[walk] == 2 for walk in walks)  # no half-written walk
    assert set(ratings_per_walk) == walks
