"""One row of figures per day of a range: what `daily.csv` shows as a ready-made table.

Nothing is judged here that is not judged elsewhere: the pain figures are the daily
series', each walk's outcome is the outcome rules', red-flag signs are those the checks
recorded, and a day above a label limit is medication's rule. This module only puts
them side by side, day by day.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.medication import (
    MedicationRules,
    above_label,
    amount_mg,
    as_needed_mg_by_day,
)
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.red_flags import ordered_signs
from sciajournal.core.entities import MedicationDose
from sciajournal.core.enums import RedFlag


@dataclass(frozen=True, slots=True)
class DayMedicine:
    #: The alias list's name (ibuprofen for Advil), or the name as typed.
    name: str
    doses: int
    #: Everything taken that day in mg (as-needed and scheduled); None when no dose was in mg.
    total_mg: float | None
    #: Doses recorded in another unit: counted, not added up.
    not_in_mg: int
    #: The as-needed mg of the day went above the label's 24-hour maximum.
    above_label_limit: bool


@dataclass(frozen=True, slots=True)
class DayFigures:
    day: date
    walks: int
    walking_minutes: float
    distance_km: float
    steps: int
    #: None on a day without ratings: no number is invented for it.
    back_mean: float | None
    back_max: int | None
    leg_mean: float | None
    leg_max: int | None
    ratings: int
    #: The day's walks by outcome (a walk counts on the day it started).
    outcomes: Counter[Outcome]
    #: Signs recorded by the day's red-flag checks, most urgent first.
    red_flag_signs: tuple[RedFlag, ...]
    medicines: tuple[DayMedicine, ...]
    ice_heat_sessions: int

    @property
    def medication_doses(self) -> int:
        return sum(medicine.doses for medicine in self.medicines)


def daily_table(analysis: JournalAnalysis, doses: Sequence[MedicationDose]) -> list[DayFigures]:
    """Every day of the analysed range, in order; `doses` may reach beyond the range."""
    outcomes: dict[date, Counter[Outcome]] = defaultdict(Counter)
    for result in analysis.outcomes:
        outcomes[result.walk.start.date()][result.outcome] += 1
    signs: dict[date, set[RedFlag]] = defaultdict(set)
    for check in analysis.red_flags:
        signs[check.at.date()].update(check.signs)
    medicines = _medicines_by_day(doses, MedicationRules.from_settings(analysis.settings))
    return [
        DayFigures(
            day=day.day,
            walks=day.walks,
            walking_minutes=day.walk_minutes,
            distance_km=day.distance_km,
            steps=day.steps,
            back_mean=day.back_mean,
            back_max=day.back_max,
            leg_mean=day.leg_mean,
            leg_max=day.leg_max,
            ratings=day.ratings,
            outcomes=outcomes.get(day.day, Counter()),
            red_flag_signs=tuple(ordered_signs(signs.get(day.day, ()))),
            medicines=medicines.get(day.day, ()),
            ice_heat_sessions=day.treatments,
        )
        for day in analysis.days
    ]


def _medicines_by_day(
    doses: Sequence[MedicationDose], rules: MedicationRules
) -> dict[date, tuple[DayMedicine, ...]]:
    groups: dict[tuple[date, str], list[MedicationDose]] = defaultdict(list)
    for dose in doses:
        groups[dose.at.date(), rules.medicine(dose.name)].append(dose)
    by_day: dict[date, list[DayMedicine]] = defaultdict(list)
    for (day, name), taken in groups.items():
        amounts = [a for a in (amount_mg(d) for d in taken) if a is not None]
        as_needed = as_needed_mg_by_day(taken).get(day, 0.0)
        by_day[day].append(
            DayMedicine(
                name=name,
                doses=len(taken),
                total_mg=sum(amounts) if amounts else None,
                not_in_mg=len(taken) - len(amounts),
                above_label_limit=above_label(as_needed, rules.label_limits_mg.get(name)),
            )
        )
    return {
        day: tuple(sorted(found, key=lambda medicine: medicine.name.casefold()))
        for day, found in by_day.items()
    }
