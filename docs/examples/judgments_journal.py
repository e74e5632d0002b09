"""A small hand-built journal for docs/summary-judgments.png: walks that could not be
judged, a restart at the old volume after a week off, a painkiller before a walk, a leg
that rose while the back fell, and a walk that ended at 7/10 and settled.

    python docs/examples/judgments_journal.py journal.sqlite
    sciajournal --db journal.sqlite report --from 2026-02-02 --to 2026-03-15 -o summary.pdf
"""

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sciajournal.core.entities import Entry, MedicationDose, Note, PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.storage.journal import Journal

CET = timezone(timedelta(hours=1))


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CET)


def rating(
    when: datetime, back: int, leg: int, context: PainContext, walk: Walk | None = None
) -> PainRating:
    return PainRating(
        at=when, back=back, leg=leg, context=context, walk_id=walk.id if walk else None
    )


Pair = tuple[int, int]


def walked(
    start: datetime, minutes: float, before: Pair | None, follow: Pair | None, end: Pair = (3, 3)
) -> list[Entry]:
    """A walk with its end rating, and a before-rating and follow-up when given."""
    walk = Walk(start=start, minutes=minutes)
    entries: list[Entry] = [walk, rating(walk.end, *end, PainContext.END_OF_WALK, walk)]
    if before is not None:
        entries.append(rating(start - timedelta(minutes=5), *before, PainContext.BEFORE_WALK, walk))
    if follow is not None:
        entries.append(
            rating(walk.end + timedelta(hours=2, minutes=10), *follow, PainContext.FOLLOW_UP, walk)
        )
    return entries


def entries() -> list[Entry]:
    found: list[Entry] = []
    # Three weeks building up gently, every walk rated before and after: evidence.
    for week, minutes in enumerate((20, 22, 24)):
        for day in (2, 4, 6):
            start = at(2, day + 7 * week, 10)
            found += walked(start, minutes, (3, 3), (3, 3))
    # Then a week of 150 minutes, two walks without a rating before them.
    found += walked(at(2, 23, 10), 50, (3, 3), (3, 4), end=(3, 7))  # 7/10 at the end, settled
    found += walked(at(2, 25, 15), 50, None, (4, 6))  # not judged: nothing before
    found += walked(at(2, 27, 15), 50, None, None)  # awaiting its follow-up
    # A week off (2-8 March), then a restart at the old volume.
    found.append(Note(at=at(3, 4, 18), text="Away, no walking this week"))
    found.append(MedicationDose(at=at(3, 9, 8, 30), name="Ibuprofen", dose=400))
    found += walked(at(3, 9, 10), 50, (6, 2), (3, 5))  # leg +3 while the back fell 3
    found += walked(at(3, 11, 15), 50, None, (3, 3))  # not judged
    found += walked(at(3, 13, 10), 50, (3, 3), (3, 3))
    for day in range(2, 16):
        found.append(rating(at(2, day, 8), 3, 3 + (day > 10), PainContext.MORNING))
    for day in range(16, 29):
        found.append(rating(at(2, day, 8), 3, 4, PainContext.MORNING))
    for day in range(1, 16):
        found.append(rating(at(3, day, 8), 3, 4 + (day > 9), PainContext.MORNING))
    return found


def main() -> None:
    path = Path(sys.argv[1])
    with Journal.open(path) as journal:
        journal.add_many(entries())
        journal.set_settings({"patient_name": "Example patient"})


if __name__ == "__main__":
    main()
