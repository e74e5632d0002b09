"""What helps: the average pain change after ice, heat and alternating; medication use per name."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from sciajournal.core.entities import MedicationDose, Treatment
from sciajournal.core.enums import TreatmentKind


@dataclass(frozen=True, slots=True)
class TreatmentEffect:
    kind: TreatmentKind
    sessions: int
    #: Sessions with pain recorded before and after: the ones the average is over.
    rated: int
    #: Mean of (after - before); negative means pain went down. None without rated sessions.
    mean_change: float | None


@dataclass(frozen=True, slots=True)
class MedicationUse:
    name: str
    unit: str
    doses: int
    #: Sum of dose x quantity, in `unit`.
    total_amount: float
    days_used: int
    as_needed: int
    scheduled: int
    #: The dose most often taken (for "400 mg"), in `unit`.
    usual_dose: float


def treatment_effects(treatments: Sequence[Treatment]) -> list[TreatmentEffect]:
    effects = []
    for kind in TreatmentKind:
        sessions = [t for t in treatments if t.kind is kind]
        changes = [
            t.pain_after - t.pain_before
            for t in sessions
            if t.pain_before is not None and t.pain_after is not None
        ]
        effects.append(
            TreatmentEffect(
                kind=kind,
                sessions=len(sessions),
                rated=len(changes),
                mean_change=round(fmean(changes), 2) if changes else None,
            )
        )
    return effects


def medication_use(doses: Sequence[MedicationDose]) -> list[MedicationUse]:
    """One line per medication name and unit (names compared without case), most used first."""
    groups: dict[tuple[str, str], list[MedicationDose]] = defaultdict(list)
    for dose in doses:
        groups[(dose.name.strip().casefold(), dose.unit.strip())].append(dose)
    uses = []
    for (_, unit), taken in groups.items():
        amounts = [d.dose for d in taken]
        uses.append(
            MedicationUse(
                name=taken[0].name.strip(),
                unit=unit,
                doses=len(taken),
                total_amount=round(sum(d.dose * d.quantity for d in taken), 3),
                days_used=len({d.at.date() for d in taken}),
                as_needed=sum(1 for d in taken if d.as_needed),
                scheduled=sum(1 for d in taken if not d.as_needed),
                usual_dose=max(set(amounts), key=lambda a: (amounts.count(a), a)),
            )
        )
    return sorted(uses, key=lambda use: (-use.doses, use.name.casefold()))
