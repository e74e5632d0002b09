"""What each kind of entry is called wherever a person reads it: one table, not class names.

"Deleted the medicationdose" came from a class name; menus, messages, filters and
undo texts take their words from here instead.
"""

from sciajournal.core.entities import (
    BothersomenessCheck,
    Entry,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)

#: (one, several) for each kind.
KIND_NAMES: dict[type[Entry], tuple[str, str]] = {
    Walk: ("walk", "walks"),
    PainRating: ("pain rating", "pain ratings"),
    Treatment: ("ice/heat session", "ice and heat"),
    MedicationDose: ("medication dose", "medication"),
    RedFlagCheck: ("red-flag check", "red-flag checks"),
    Note: ("note", "notes"),
    BothersomenessCheck: ("bothersomeness check", "sciatica bothersomeness"),
    FunctionActivity: ("activity", "activities I find hard"),
    FunctionRating: ("activities rating", "activity ratings"),
}


def kind_name(entry: Entry | type[Entry]) -> str:
    """'medication dose', as in "Deleted the medication dose"."""
    kind = entry if isinstance(entry, type) else type(entry)
    return KIND_NAMES[kind][0]


def kinds_name(kind: type[Entry]) -> str:
    """'Medication', as a heading or filter for all entries of a kind."""
    name = KIND_NAMES[kind][1]
    return name[:1].upper() + name[1:]  # not capitalize(): it made "activities i find hard"
