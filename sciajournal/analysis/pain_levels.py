"""The worst pain beside the mean: at the start, at the end, and anywhere in the range.

domain.md asks the summary for the daily mean and max; the trend (trends.py) judges the
change of the mean, and these figures show whether the worst ratings moved with it.
"""

from dataclasses import dataclass

from sciajournal.analysis.series import Day
from sciajournal.analysis.trends import TREND_WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class WorstPain:
    site: str
    #: The worst single rating in the first and the last TREND_WINDOW_DAYS days; None
    #: without ratings there, or when the range is shorter than two windows.
    first: int | None
    last: int | None
    #: The worst single rating in the whole range, and the first day it was given.
    worst: int | None
    worst_day: Day | None


def _worst(days: list[Day], attribute: str) -> int | None:
    values = [getattr(d, attribute) for d in days if getattr(d, attribute) is not None]
    return max(values) if values else None


def worst_pain(days: list[Day]) -> list[WorstPain]:
    """Back, then leg (the order of pain_trends)."""
    comparable = len(days) >= 2 * TREND_WINDOW_DAYS
    first, last = days[:TREND_WINDOW_DAYS], days[-TREND_WINDOW_DAYS:]
    levels = []
    for site, attribute in (("Back", "back_max"), ("Leg", "leg_max")):
        worst = _worst(days, attribute)
        worst_day = next((d for d in days if getattr(d, attribute) == worst), None)
        levels.append(
            WorstPain(
                site=site,
                first=_worst(first, attribute) if comparable else None,
                last=_worst(last, attribute) if comparable else None,
                worst=worst,
                worst_day=worst_day if worst is not None else None,
            )
        )
    return levels
