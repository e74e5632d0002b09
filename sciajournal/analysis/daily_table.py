"""One row of figures per day of a range: what `daily.csv` shows as a ready-made table.

Nothing is judged here that is not judged elsewhere: the pain figures are the daily
series', each walk's outcome is the outcome rules', red-flag signs are those the checks
recorded, a day above a label limit is medication's rule, sleep and sitting are the
morning and bedtime ratings' as sleep_sitting reads them, the SBI total and the PSFS
mean are their modules' scores. This module only puts them side by side, day by day.
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
from sciajournal.analysis.series import Day
from sciajournal.analysis.sleep_sitting import SleepSittingDay, sleep_sitting_by_day
from sciajournal.core.entities import MedicationDose, PainRating
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
    #: Sleep (morning rating) and the longest comfortable sitting (bedtime rating);
    #: None where the day's ratings did not record them.
    times_woken: int | None
    hours_slept: float | None
    longest_sitting_minutes: float | None
    #: The Sciatica Bothersomeness Index total, 0-24, of the day's check (the latest if
    #: several); None on a day without a check.
    sbi_total: int | None
    #: The Patient-Specific Functional Scale mean, 0-10, of the day's sitting (the latest
    #: if several), unrounded; None on a day without one.
    psfs_mean: float | None

    @property
    def medication_doses(self) -> int:
        return sum(medicine.doses for medicine in self.medicines)


NOTHING_SLEPT_OR_SAT = SleepSittingDay(None, None, None)


def daily_table(
    analysis: JournalAnalysis, doses: Sequence[MedicationDose], pain: Sequence[PainRating]
) -> list[DayFigures]:
    """Every day of the analysed range, in order; `doses` and `pain` may reach beyond it."""
    outcomes: dict[date, Counter[Outcome]] = defaultdict(Counter)
    for result in analysis.outcomes:
        outcomes[result.walk.start.date()][result.outcome] += 1
    signs: dict[date, set[RedFlag]] = defaultdict(set)
    for check in analysis.red_flags:
        signs[check.at.date()].update(check.signs)
    medicines = _medicines_by_day(doses, MedicationRules.from_settings(analysis.settings))
    sleep_sitting = sleep_sitting_by_day(pain)
    # Points and sittings come oldest first: a later one of the same day overwrites.
    sbi = {p.at.date(): p.total for p in analysis.function.bothersomeness.points}
    psfs = {s.at.date(): s.mean for s in analysis.function.functional_scale.sittings}
    table = []
    for day in analysis.days:
        slept = sleep_sitting.get(day.day, NOTHING_SLEPT_OR_SAT)
        table.append(_figures(day, outcomes, signs, medicines, slept, sbi, psfs))
    return table


def _figures(
    day: Day,
    outcomes: dict[date, Counter[Outcome]],
    signs: dict[date, set[RedFlag]],
    medicines: dict[date, tuple[DayMedicine, ...]],
    slept: SleepSittingDay,
    sbi: dict[date, int],
    psfs: dict[date, float],
) -> DayFigures:
    return DayFigures(
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
        times_woken=slept.times_woken,
        hours_slept=slept.hours_slept,
        longest_sitting_minutes=slept.longest_sitting_minutes,
        sbi_total=sbi.get(day.day),
        psfs_mean=psfs.get(day.day),
    )


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
