"""The Sciatica Bothersomeness Index (Patrick et al. 1995): totals, latest, change.

Four items, each 0 (not at all) to 6 (extremely bothersome) over the last week; the
total is their sum, 0-24. No meaningful-change value has been established for this
index (domain.md), so the change over a range is shown as a number and never called
meaningful, better or worse; fewer than two checks is "not enough data", never "no change".
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sciajournal.core.entities import BothersomenessCheck

ITEM_MAX = 6
ITEM_COUNT = 4
TOTAL_MAX = ITEM_MAX * ITEM_COUNT
#: The words shown wherever an SBI change is shown: it is a number, not a verdict.
NO_VERDICT = "no meaningful-change value is established for this index: shown without a verdict"
NOT_ENOUGH = "not enough data: fewer than two checks in this period"

#: The items in questionnaire order, as the form, the report and the charts name them.
ITEM_LABELS = {
    "leg_pain": "Leg pain",
    "numbness_tingling": "Numbness or tingling in the leg or foot",
    "weakness": "Weakness in the leg or foot",
    "sitting_pain": "Back or leg pain while sitting",
}


def sbi_total(check: BothersomenessCheck) -> int:
    """The index: the four items added up, 0-24."""
    return check.leg_pain + check.numbness_tingling + check.weakness + check.sitting_pain


@dataclass(frozen=True, slots=True)
class SbiPoint:
    at: datetime
    total: int
    items: dict[str, int]
    check_id: str


@dataclass(frozen=True, slots=True)
class Bothersomeness:
    """The checks in a range, oldest first, and the change from the first to the latest."""

    points: list[SbiPoint]

    @property
    def first(self) -> SbiPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> SbiPoint | None:
        return self.points[-1] if self.points else None

    @property
    def change(self) -> int | None:
        """Latest total minus the first; None with fewer than two checks (not "no change")."""
        if len(self.points) < 2:
            return None
        return self.points[-1].total - self.points[0].total

    @property
    def change_text(self) -> str:
        if self.change is None:
            return NOT_ENOUGH
        return f"{self.change:+d} since {self.points[0].at:%d %b} ({NO_VERDICT})"


def point(check: BothersomenessCheck) -> SbiPoint:
    items = {name: getattr(check, name) for name in ITEM_LABELS}
    return SbiPoint(check.at, sbi_total(check), items, check.id)


def bothersomeness(
    checks: Iterable[BothersomenessCheck], first_day: date, last_day: date
) -> Bothersomeness:
    """Over the checks answered on first_day..last_day (others are ignored)."""
    inside = sorted(
        (c for c in checks if first_day <= c.at.date() <= last_day), key=lambda c: (c.at, c.id)
    )
    return Bothersomeness([point(check) for check in inside])
