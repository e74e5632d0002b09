"""Red flags over time: what stays in view, when the patient last screened, what came before.

A clinician must be able to tell "screened, negative on 3 Nov" from "never asked", and a
red flag must not drop out of view just because a week passed (domain.md, rule 4).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sciajournal.analysis.red_flags import Urgency, most_urgent
from sciajournal.core.entities import RedFlagCheck

#: A red flag this long before a report's range is still mentioned on page one ("earlier").
EARLIER_RED_FLAG_WINDOW = timedelta(days=183)
#: A logged red flag stays in the status area at least this long...
RED_FLAG_SHOWN_AT_LEAST = timedelta(days=7)
#: ...and after that until a later check finds none. Checks older than this are not read
#: for the status area, so a red flag never followed by a check shows for about 6 months.
RED_FLAG_STATUS_LOOKBACK = EARLIER_RED_FLAG_WINDOW


def _newest_first(checks: Iterable[RedFlagCheck]) -> list[RedFlagCheck]:
    return sorted(checks, key=lambda c: (c.at, c.id), reverse=True)


def red_flags_in_view(checks: Iterable[RedFlagCheck], now: datetime) -> list[RedFlagCheck]:
    """Red flags for the status area, newest first.

    Each stays until a later check records none, and for at least RED_FLAG_SHOWN_AT_LEAST.
    """
    checks = list(checks)
    negatives = [c.at for c in checks if not c.signs]
    return _newest_first(
        c
        for c in checks
        if c.signs
        and (now - c.at <= RED_FLAG_SHOWN_AT_LEAST or not any(at > c.at for at in negatives))
    )


@dataclass(frozen=True, slots=True)
class RedFlagHistory:
    #: Checks in the range that found at least one sign, newest first.
    flagged: list[RedFlagCheck]
    #: Every check in the range, and those that found none.
    checks: int
    found_none: int
    #: The latest check (of any result) on or before the range's last day, looking back
    #: no further than EARLIER_RED_FLAG_WINDOW before the range; None: not screened.
    last_screened: RedFlagCheck | None
    #: Red flags in the EARLIER_RED_FLAG_WINDOW before the range, newest first.
    earlier: list[RedFlagCheck]

    @property
    def most_urgent(self) -> Urgency | None:
        return most_urgent(sign for check in self.flagged for sign in check.signs)


def red_flag_history(
    checks: Iterable[RedFlagCheck], first_day: date, last_day: date
) -> RedFlagHistory:
    """`checks` should reach EARLIER_RED_FLAG_WINDOW before first_day (more is ignored)."""
    window_start = first_day - EARLIER_RED_FLAG_WINDOW
    considered = [c for c in checks if window_start <= c.at.date() <= last_day]
    in_range = [c for c in considered if c.at.date() >= first_day]
    before = [c for c in considered if c.at.date() < first_day]
    newest = _newest_first(considered)
    return RedFlagHistory(
        flagged=_newest_first(c for c in in_range if c.signs),
        checks=len(in_range),
        found_none=sum(1 for c in in_range if not c.signs),
        last_screened=newest[0] if newest else None,
        earlier=_newest_first(c for c in before if c.signs),
    )
