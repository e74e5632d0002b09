"""One readable line per entry, e.g. "09:15  Walk 20 min, flat, slow"."""

from sciajournal.core.entities import (
    Entry,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import RED_FLAG_LABELS


def _number(value: float) -> str:
    return f"{value:g}"


def describe(entry: Entry) -> str:
    clock = entry.when.strftime("%H:%M")
    match entry:
        case Walk():
            parts = [f"Walk {_number(entry.minutes)} min", entry.surface.value, entry.pace.value]
            if entry.distance_km is not None:
                parts.append(f"{entry.distance_km:.1f} km")
            if entry.stopped_early:
                parts.append("stopped early")
            text = ", ".join(parts)
        case PainRating():
            context = entry.context.value.replace("_", " ")
            text = f"Pain back {entry.back}, leg {entry.leg} ({context})"
            if entry.reach is not None:
                text += f", down to the {entry.reach.value}"
        case Treatment():
            text = (
                f"{entry.kind.value.capitalize()} {_number(entry.minutes)} min, {entry.body_area}"
            )
            if entry.pain_before is not None and entry.pain_after is not None:
                text += f", pain {entry.pain_before} -> {entry.pain_after}"
        case MedicationDose():
            amount = "" if entry.quantity == 1 else f"{_number(entry.quantity)} x "
            how = "as needed" if entry.as_needed else "scheduled"
            text = f"{entry.name} {amount}{_number(entry.dose)} {entry.unit} ({how})"
        case RedFlagCheck():
            if entry.signs:
                signs = "; ".join(RED_FLAG_LABELS[sign] for sign in sorted(entry.signs))
                text = f"RED FLAG: {signs}"
            else:
                text = "Red-flag check: none of the warning signs"
        case Note():
            text = f"Note: {entry.text}"
    return f"{clock}  {text}"
