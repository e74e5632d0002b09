"""Child process for the crash test: writes walks with their ratings in a loop.

Prints each walk's id only after its transaction committed, so the parent knows which
entries were acknowledged when it kills this process with SIGKILL.
"""

import sys
from datetime import timedelta
from pathlib import Path

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.core.timestamps import local_now
from sciajournal.storage.journal import Journal


def main() -> None:
    journal = Journal.open(Path(sys.argv[1]))
    print("ready", flush=True)
    start = local_now()
    number = 0
    while True:
        number += 1
        walk = Walk(start=start + timedelta(minutes=number), minutes=20, notes="x" * 2000)
        ratings = [
            PainRating(
                at=walk.start, back=2, leg=3, context=PainContext.BEFORE_WALK, walk_id=walk.id
            ),
            PainRating(
                at=walk.end, back=3, leg=4, context=PainContext.END_OF_WALK, walk_id=walk.id
            ),
        ]
        journal.add_many([walk, *ratings])
        print(walk.id, flush=True)


if __name__ == "__main__":
    main()
