"""When a walk being saved shares its time with another walk in the journal.

One person cannot take two walks at once: a walk that overlaps another is that walk typed
twice, or typed by hand and imported from a device too. Saved anyway, its minutes count
twice in the weekly walking and the 10 %-a-week guide, so the forms ask before saving one
(the device import keeps its own, stricter same-walk rule: exchange.device_plan).

Times typed in a form are whole minutes and a device's are to the second, so a walk typed
to start in the minute another ended shares a few seconds with it: that is not asked about.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sciajournal.core.entities import Walk
from sciajournal.core.validation import MAX_WALK_MINUTES

#: Walks sharing up to this much time are taken for back-to-back walks, clocks rounded.
OVERLAP_ALLOWANCE = timedelta(minutes=1)


def shared_time(walk: Walk, other: Walk) -> timedelta:
    """How long the two walks were both under way (zero when they do not meet)."""
    return max(timedelta(0), min(walk.end, other.end) - max(walk.start, other.start))


def overlapping_walks(walk: Walk, others: Iterable[Walk]) -> list[Walk]:
    """The walks of `others` (other than `walk` itself, by id) sharing more than
    OVERLAP_ALLOWANCE with it, by start."""
    found = [
        other
        for other in others
        if other.id != walk.id and shared_time(walk, other) > OVERLAP_ALLOWANCE
    ]
    return sorted(found, key=lambda other: (other.start, other.id))


def starts_that_could_overlap(walk: Walk) -> tuple[datetime, datetime]:
    """The span (start inclusive, end exclusive) in which another walk must start to
    overlap `walk`: from the longest walk's length before it to its end."""
    return walk.start - timedelta(minutes=MAX_WALK_MINUTES), walk.end
