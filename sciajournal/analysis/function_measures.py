"""Function over a range, computed at once: the Sciatica Bothersomeness Index, the
Patient-Specific Functional Scale, weekly sleep and sitting, leg symptoms per week.

Each measure's scoring and rules live in its own module; this only gathers them for the
journal analysis, the report and the charts.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sciajournal.analysis.bothersomeness import Bothersomeness, bothersomeness
from sciajournal.analysis.functional_scale import FunctionalScale, functional_scale
from sciajournal.analysis.leg_symptom_weeks import LegWeek, leg_symptom_weeks
from sciajournal.analysis.sleep_sitting import (
    SleepSittingWeek,
    sleep_sitting_weeks,
)
from sciajournal.core.entities import (
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    PainRating,
)


@dataclass(frozen=True, slots=True)
class FunctionMeasures:
    bothersomeness: Bothersomeness
    functional_scale: FunctionalScale
    sleep_sitting: list[SleepSittingWeek]
    leg_weeks: list[LegWeek]

    @property
    def recorded(self) -> bool:
        """Whether the range has any questionnaire, sleep or sitting figure at all."""
        return bool(
            self.bothersomeness.points
            or self.functional_scale.sittings
            or any(week.recorded for week in self.sleep_sitting)
        )


def function_measures(
    checks: Iterable[BothersomenessCheck],
    activities: Iterable[FunctionActivity],
    function_ratings: Iterable[FunctionRating],
    pain: Iterable[PainRating],
    first_day: date,
    last_day: date,
    today: date,
) -> FunctionMeasures:
    ratings = list(pain)
    return FunctionMeasures(
        bothersomeness=bothersomeness(checks, first_day, last_day),
        functional_scale=functional_scale(activities, function_ratings, first_day, last_day),
        sleep_sitting=sleep_sitting_weeks(ratings, first_day, last_day, today),
        leg_weeks=leg_symptom_weeks(ratings, first_day, last_day, today),
    )
