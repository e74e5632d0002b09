"""What changed between two lists of a journal's entries, told by identity.

The journal's copy in memory (service/journal_mirror.py) hands out the same entry objects
while they are unchanged, and entries are immutable: an edit is a new object. So the
entries of one list missing from the other are exactly those a save added, edited or
deleted (the edited one in both: its old version and its new). The analyses that reuse
earlier figures (judged_before.py, days_before.py) hold the earlier list, which keeps its
objects alive: no new object can have their ids meanwhile.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from operator import is_, le
from typing import Generic, TypeVar

T = TypeVar("T")

#: More changed entries than this (an import, other settings read anew) and reusing
#: earlier figures is not worth finding out which they are: all are worked out anew.
MOST_CHANGES = 200
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Changed(Generic[T]):
    #: In the earlier list only (deleted, or the old version of an edit), and in the
    #: later list only (added, or the new version), each in its list's order.
    gone: list[T]
    new: list[T]

    def __bool__(self) -> bool:
        return bool(self.gone or self.new)

    def __len__(self) -> int:
        return len(self.gone) + len(self.new)

    def both(self) -> list[T]:
        return [*self.gone, *self.new]


def _same_run(a: Iterable[object], b: Iterable[object]) -> int:
    """How many leading items of `a` and `b` are the same objects."""
    same = list(map(is_, a, b))
    try:
        return same.index(False)
    except ValueError:
        return len(same)


def changed(earlier: Sequence[T], later: Sequence[T]) -> Changed[T] | None:
    """The entries of one list and not the other; None when that does not tell how the
    lists differ (an entry twice, or the same entries in another order) or when more
    than MOST_CHANGES differ.

    The lists of a journal's copy in memory differ after a save in a stretch or two: what
    they begin and end with alike is passed over at C speed, the rest compared by id."""
    head = _same_run(earlier, later)
    if head == len(earlier) == len(later):
        return Changed([], [])  # the usual case for most kinds after a save: nothing
    tail = min(
        _same_run(reversed(earlier), reversed(later)), len(earlier) - head, len(later) - head
    )
    was = earlier[head : len(earlier) - tail]
    now = later[head : len(later) - tail]
    if len(was) + len(now) > MOST_CHANGES:
        return None
    was_ids, now_ids = set(map(id, was)), set(map(id, now))
    if len(was_ids) != len(was) or len(now_ids) != len(now):
        return None
    found = Changed(
        [e for e in was if id(e) not in now_ids], [e for e in now if id(e) not in was_ids]
    )
    return found if found else None  # alike but in another order: not what a save does


def on_days(entries: Sequence[T], when: Callable[[T], datetime], days: Set[date]) -> list[T]:
    """The entries whose local date (that of their own offset) is one of `days`, in
    their list's order."""
    times = list(map(when, entries))
    if not all(map(le, times, islice(times, 1, None))):  # not in time order: look at all
        return [e for e, moment in zip(entries, times, strict=True) if moment.date() in days]
    found = []
    for day in sorted(days):
        # An offset is less than a day: the day's entries lie within a day of it in UTC.
        midnight = datetime.combine(day, time(), UTC)
        low = bisect_left(times, midnight - _DAY)
        high = bisect_right(times, midnight + 2 * _DAY)
        found += [e for e in entries[low:high] if when(e).date() == day]
    return found if len(days) == 1 else sorted(found, key=_order(entries))


def _order(entries: Sequence[T]) -> Callable[[T], int]:
    position = {id(e): i for i, e in enumerate(entries)}
    return lambda e: position[id(e)]
