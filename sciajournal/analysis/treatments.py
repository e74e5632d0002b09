"""What helps: the average change in back and in leg pain after ice, heat and alternating
(each over the sessions rated before and after for that part); medication use per name."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from sciajournal.core.entities import MedicationDose, Treatment
from sciajournal.core.enums import TreatmentKind


@dataclass(frozen=True, slots=True)
class SessionChange:
    #: Sessions with this part rated before and after: the ones the average is over.
    rated: int
    #: Mean of (after - before); negative means pain went down. None without rated sessions.
    mean_change: float | None


@dataclass(frozen=True, slots=True)
class TreatmentEffect:
    kind: TreatmentKind
    sessions: int
    back: SessionChange
    leg: SessionChange


def _change(pairs: Sequence[tuple[int | None, int | None]]) -> SessionChange:
    changes = [
        after - before for before, after in pairs if before is not None and after is not None
    ]
    return SessionChange(len(changes), round(fmean(changes), 2) if changes else None)


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
        effects.append(
            TreatmentEffect(
                kind=kind,
                sessions=len(sessions),
                back=_change([(t.back_before, t.back_after) for t in sessions]),
                leg=_change([(t.leg_before, t.leg_after) for t in sessions]),
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
