"""What was read and worked out from a journal, kept while the journal is unchanged.

Keyed on the journal's revision, which every write bumps (entries, settings, undo, import),
so a cached analysis is never served after a change: switching the charts back and forth
between ranges reads and analyses each range once per change, not once per click.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar
from weakref import WeakKeyDictionary

if TYPE_CHECKING:  # a type only: the window is built before SQLAlchemy is imported
    from sciajournal.storage.reading import JournalReading

T = TypeVar("T")

#: Results kept per journal revision: a ten-year analysis holds tens of MiB, so only the
#: few ranges a patient switches between.
KEPT = 6


class _RevisionCache:
    def __init__(self, revision: int) -> None:
        self.revision = revision
        self.values: OrderedDict[Hashable, object] = OrderedDict()


_caches: WeakKeyDictionary[JournalReading, _RevisionCache] = WeakKeyDictionary()


def cached(journal: JournalReading, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it gave for `key` since the journal last changed."""
    cache = _caches.get(journal)
    if cache is None or cache.revision != journal.revision:
        cache = _caches[journal] = _RevisionCache(journal.revision)
    if key in cache.values:
        cache.values.move_to_end(key)
        return cache.values[key]  # type: ignore[return-value]
    revision = journal.revision
    value = compute()
    if journal.revision == revision:  # not if computing it wrote (it never should)
        cache.values[key] = value
        while len(cache.values) > KEPT:
            cache.values.popitem(last=False)
    return value
