"""What an import told about entries the journal list does not show.

The list shows a period (by default the last 30 days); walks imported from an old
export or a device's history are mostly before it, and the list looks as if nothing
came in. The import's message says how many are outside, and how to see them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sciajournal.core.entities import Entry

#: The period choice whose dates the user picked (not "the last N days").
CUSTOM_LABEL = "Custom"
ALL_TIME_LABEL = "All time"


@dataclass(frozen=True)
class ShownPeriod:
    #: As the period choice reads: "Last 30 days", "Custom", "All time".
    label: str
    #: The days shown, both included; None for all time.
    first: date | None
    last: date | None


def _count(number: int) -> str:
    return f"{number} {'is' if number == 1 else 'are'}"


def outside_shown(entries: Sequence[Entry], shown: ShownPeriod | None) -> str:
    """ "; 8 are before the last 30 days shown (choose All time to see them)", or "" when
    every entry is in the period shown. Days are the entries' own local dates, as the
    list groups them."""
    if shown is None or shown.first is None or shown.last is None:
        return ""
    days = [entry.when.date() for entry in entries]
    before = sum(day < shown.first for day in days)
    after = sum(day > shown.last for day in days)
    if not before and not after:
        return ""
    see = f"(choose {ALL_TIME_LABEL} to see {'them' if before + after > 1 else 'it'})"
    if shown.label == CUSTOM_LABEL:
        return f"; {_count(before + after)} outside the dates shown {see}"
    period = f"the {shown.label[:1].lower()}{shown.label[1:]}"
    sides = [f"{_count(n)} {side}" for n, side in ((before, "before"), (after, "after")) if n]
    return f"; {' and '.join(sides)} {period} shown {see}"
