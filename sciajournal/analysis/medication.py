"""Medication against the package-label limits (domain.md, "Medication: package-label limits").

Names are matched against an editable alias list (Advil -> ibuprofen) as whole words
inside the name, without regard to case or accents and ignoring a strength ("Motrin IB",
"Ibuprofen 400mg", "Advil Liqui-Gels"); a name that matches two medicines is kept apart
under its own name and said to be (matches_several), never added to either. Doses in
g and mcg are converted to mg (the walk form's units; 1 g = 1000 mg); other units are
counted and said to be left out. The label's daily maximum applies to as-needed doses
only, not to scheduled medicines a doctor prescribed. The words are a record, never a
dosing instruction.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sciajournal.core.entities import MedicationDose
from sciajournal.core.settings import Settings

#: How a day above a label maximum is worded everywhere (never an instruction).
LABEL_LIMIT_WORDING = "above the usual label limit: ask your doctor or pharmacist"


@dataclass(frozen=True, slots=True)
class MedicationRules:
    """The Settings' alias list, label limits and anti-inflammatories, parsed."""

    #: Name or brand as words (name_words) -> the medicine's name as the alias list writes it.
    aliases: dict[str, str]
    #: Medicine -> usual maximum in 24 h on the label, in mg.
    label_limits_mg: dict[str, float]
    anti_inflammatories: frozenset[str]
    #: Labels say to ask a doctor after this many days of use.
    label_days: int

    @classmethod
    def from_settings(cls, settings: Settings) -> "MedicationRules":
        aliases = parse_aliases(settings.medication_aliases)
        limits = parse_limits(settings.medication_label_limits_mg, aliases)
        nsaids = frozenset(
            canonical_name(name, aliases)
            for name in settings.anti_inflammatories.split(",")
            if name.strip()
        )
        return cls(aliases, limits, nsaids, settings.label_days_before_asking)

    def medicine(self, name: str) -> str:
        return canonical_name(name, self.aliases)

    def matches(self, name: str) -> tuple[str, ...]:
        """Every medicine whose name or brand is a word (or words) of `name`, sorted."""
        return medicines_in(name, self.aliases)


#: A strength inside a name: "400mg", "200 mg", "0.4 g", "1,5 g" (dropped before matching).
_STRENGTH = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|g|ml)?\b")


def name_words(name: str) -> str:
    """A name as the matching sees it: casefolded, without accents or a strength, its words
    (letters and digits) joined by single spaces: " Ibuprofène 400mg" -> "ibuprofene"."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+|_", " ", _STRENGTH.sub(" ", plain)).split())


def parse_aliases(text: str) -> dict[str, str]:
    """ "ibuprofen: Advil, Nurofen; naproxen: Aleve" -> {"advil": "ibuprofen", ...}."""
    aliases: dict[str, str] = {}
    for group in text.split(";"):
        medicine, _, brands = group.partition(":")
        medicine = medicine.strip()
        if not medicine:
            continue
        aliases[name_words(medicine)] = medicine
        for brand in brands.split(","):
            if name_words(brand):
                aliases[name_words(brand)] = medicine
    return aliases


def medicines_in(name: str, aliases: dict[str, str]) -> tuple[str, ...]:
    """The medicines of `aliases` found as whole words in `name`: "Motrin IB" -> ibuprofen;
    "Advil with Tylenol" -> (ibuprofen, paracetamol); "Advilx" -> ()."""
    padded = f" {name_words(name)} "
    found = {medicine for words, medicine in aliases.items() if f" {words} " in padded}
    return tuple(sorted(found, key=str.casefold))


def parse_limits(text: str, aliases: dict[str, str] | None = None) -> dict[str, float]:
    """ "ibuprofen 1200; naproxen 660" -> {"ibuprofen": 1200.0, ...}; names via the aliases."""
    limits: dict[str, float] = {}
    for item in text.split(";"):
        name, _, amount = item.strip().removesuffix("mg").strip().rpartition(" ")
        try:
            limit = float(amount)
        except ValueError:
            continue
        if name.strip() and limit > 0:
            limits[canonical_name(name, aliases or {})] = limit
    return limits


def canonical_name(name: str, aliases: dict[str, str]) -> str:
    """The alias list's name for the one medicine `name` holds; a name matching none or
    several (see medicines_in) as typed (trimmed)."""
    found = medicines_in(name, aliases)
    return found[0] if len(found) == 1 else " ".join(name.split())


#: Units converted to mg: the medication form's mass units (1 g = 1000 mg). Anything else
#: (ml, tablet, drops, a grain "gr") has no mg without knowing the product: not counted.
_TO_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001, "µg": 0.001, "μg": 0.001, "ug": 0.001}


def amount_mg(dose: MedicationDose) -> float | None:
    """The amount taken in mg (dose x quantity), None when recorded in a unit without mg."""
    factor = _TO_MG.get(dose.unit.strip().casefold())
    if factor is None:
        return None
    return dose.dose * dose.quantity * factor


def longest_run(days: Iterable[date]) -> tuple[int, date | None]:
    """The longest run of consecutive days, and the day it ended (None without days)."""
    best, best_end, run, previous = 0, None, 0, None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        if run > best:
            best, best_end = run, day
        previous = day
    return best, best_end


@dataclass(frozen=True, slots=True)
class MedicineUse:
    #: The alias list's name (ibuprofen) or the name as typed when it is not on the list.
    name: str
    #: The names as the patient typed them (Advil, Nurofen), sorted.
    typed_names: tuple[str, ...]
    doses: int
    days_used: int
    as_needed: int
    scheduled: int
    #: The single amount most often taken, in mg (None when no dose was in mg).
    usual_dose_mg: float | None
    #: Doses recorded in a unit without mg (ml, tablet, ...): listed, not added up or judged.
    not_in_mg: int
    #: The medicines the name matched when it matched several ("Advil with Tylenol"):
    #: kept apart under the typed name, not added to any of them; empty otherwise.
    matches_several: tuple[str, ...]
    anti_inflammatory: bool
    #: The label's 24-hour maximum for as-needed use, if the medicine has one.
    label_limit_mg: float | None
    #: Days whose as-needed mg added up to more than the label maximum.
    days_above_label: int
    #: The most as-needed mg taken on one day.
    highest_day_mg: float | None
    #: The longest run of consecutive days this medicine was taken.
    longest_run_days: int


@dataclass(frozen=True, slots=True)
class MedicationSummary:
    #: Most used first.
    medicines: list[MedicineUse]
    #: The longest run of consecutive days on any anti-inflammatory, and its last day.
    anti_inflammatory_run_days: int
    anti_inflammatory_run_end: date | None
    #: Labels say to ask a doctor after this many days of use (from the Settings).
    label_days: int

    @property
    def not_in_mg(self) -> int:
        return sum(use.not_in_mg for use in self.medicines)

    @property
    def days_above_label(self) -> int:
        return sum(use.days_above_label for use in self.medicines)

    @property
    def matching_several(self) -> list[MedicineUse]:
        """Names that matched more than one medicine: not counted against any label."""
        return [use for use in self.medicines if use.matches_several]

    @property
    def run_above_label_days(self) -> bool:
        return self.anti_inflammatory_run_days > self.label_days


def medication_summary(doses: Sequence[MedicationDose], settings: Settings) -> MedicationSummary:
    """Per medicine (aliases merged) over `doses`, which should be the range's doses only."""
    rules = MedicationRules.from_settings(settings)
    groups: dict[str, list[MedicationDose]] = defaultdict(list)
    for dose in doses:
        groups[rules.medicine(dose.name)].append(dose)
    medicines = [_use(name, taken, rules) for name, taken in groups.items()]
    medicines.sort(key=lambda use: (-use.doses, use.name.casefold()))
    nsaid_days = [d.at.date() for d in doses if rules.medicine(d.name) in rules.anti_inflammatories]
    run, run_end = longest_run(nsaid_days)
    return MedicationSummary(medicines, run, run_end, rules.label_days)


def as_needed_mg_by_day(taken: Iterable[MedicationDose]) -> dict[date, float]:
    """As-needed mg per local day: what the label's 24-hour maximum is compared with."""
    per_day: dict[date, float] = defaultdict(float)
    for dose in taken:
        amount = amount_mg(dose)
        if dose.as_needed and amount is not None:
            per_day[dose.at.date()] += amount
    return dict(per_day)


def above_label(day_mg: float, limit: float | None) -> bool:
    """A day's as-needed mg above the label maximum (None: the medicine has no limit)."""
    return limit is not None and day_mg > limit + 1e-9


def _use(name: str, taken: list[MedicationDose], rules: MedicationRules) -> MedicineUse:
    amounts = [a for a in (amount_mg(d) for d in taken) if a is not None]
    limit = rules.label_limits_mg.get(name)
    per_day = as_needed_mg_by_day(taken)
    run, _ = longest_run(d.at.date() for d in taken)
    return MedicineUse(
        name=name,
        typed_names=tuple(sorted({" ".join(d.name.split()) for d in taken}, key=str.casefold)),
        doses=len(taken),
        days_used=len({d.at.date() for d in taken}),
        as_needed=sum(1 for d in taken if d.as_needed),
        scheduled=sum(1 for d in taken if not d.as_needed),
        usual_dose_mg=max(set(amounts), key=lambda a: (amounts.count(a), a)) if amounts else None,
        not_in_mg=len(taken) - len(amounts),
        matches_several=_several(taken, rules),
        anti_inflammatory=name in rules.anti_inflammatories,
        label_limit_mg=limit,
        days_above_label=sum(1 for total in per_day.values() if above_label(total, limit)),
        highest_day_mg=max(per_day.values()) if per_day else None,
        longest_run_days=run,
    )


def _several(taken: list[MedicationDose], rules: MedicationRules) -> tuple[str, ...]:
    found = {match for d in taken if len(m := rules.matches(d.name)) > 1 for match in m}
    return tuple(sorted(found, key=str.casefold))


def doses_before_walks(linked: Iterable[MedicationDose], settings: Settings) -> dict[str, int]:
    """Per medicine, how many doses were taken in the hours before a walk (each dose once,
    however many walks it preceded): the pain after those walks may be masked."""
    rules = MedicationRules.from_settings(settings)
    unique = {dose.id: dose for dose in linked}
    counts: dict[str, int] = defaultdict(int)
    for dose in unique.values():
        counts[rules.medicine(dose.name)] += 1
    return dict(counts)
