"""Pain at the start and at the end of a period, and whether the change is meaningful.

On the 0-10 scale a change of 2 points (Settings) is the minimal clinically important
change; so is 30 %, here only when it is also at least 1 point, because 30 % of a pain
of 1 is a change no one feels. The change is judged on the unrounded means (0.93 is not
a point); a period shorter than two trend windows is too short to compare and says so.
"""

from dataclasses import dataclass
from statistics import fmean

from sciajournal.analysis.series import Day

#: The trend compares the first and the last this-many days of the range.
TREND_WINDOW_DAYS = 7
#: A change of 30 % is also clinically meaningful on the 0-10 scale...
MEANINGFUL_PERCENT = 30.0
#: ...when it is at least this many points.
MIN_PERCENT_CHANGE_POINTS = 1.0


@dataclass(frozen=True)
class PainTrend:
    site: str
    #: Unrounded means of the daily means over the first / last TREND_WINDOW_DAYS days.
    start: float | None
    end: float | None
    #: The period has fewer than two windows of days: nothing is compared.
    too_short: bool = False

    @property
    def change(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    @property
    def percent(self) -> float | None:
        if self.change is None or not self.start:
            return None
        return self.change / self.start * 100

    def is_meaningful(self, points: int) -> bool:
        """2 points, or 30 % of at least 1 point, on the unrounded change."""
        if self.change is None:
            return False
        return abs(self.change) >= points or (
            self.percent is not None
            and abs(self.percent) >= MEANINGFUL_PERCENT
            and abs(self.change) >= MIN_PERCENT_CHANGE_POINTS
        )

    def verdict(self, points: int) -> str:
        if self.too_short:
            return (
                f"period too short to compare (needs {2 * TREND_WINDOW_DAYS} days: "
                f"first and last {TREND_WINDOW_DAYS})"
            )
        if self.change is None:
            return "not enough ratings to compare"
        if not self.is_meaningful(points):
            return "no clinically meaningful change"
        return "meaningfully better" if self.change < 0 else "meaningfully worse"


def _mean_of(days: list[Day], attribute: str) -> float | None:
    values = [getattr(d, attribute) for d in days if getattr(d, attribute) is not None]
    return fmean(values) if values else None


def pain_trends(days: list[Day]) -> list[PainTrend]:
    if len(days) < 2 * TREND_WINDOW_DAYS:
        return [PainTrend("Back", None, None, True), PainTrend("Leg", None, None, True)]
    first, last = days[:TREND_WINDOW_DAYS], days[-TREND_WINDOW_DAYS:]
    return [
        PainTrend("Back", _mean_of(first, "back_mean"), _mean_of(last, "back_mean")),
        PainTrend("Leg", _mean_of(first, "leg_mean"), _mean_of(last, "leg_mean")),
    ]


def meaningful_step(now: float | None, before: float | None, points: int) -> int:
    """+1 or -1 where a value moved by at least `points` since the one before, else 0."""
    if now is None or before is None or abs(now - before) < points:
        return 0
    return 1 if now > before else -1
