"""Page one's words for red flags, leg symptoms, medication and what helped; no Qt.

Each function turns one analysis result into short lines or table rows a clinician
reads in a minute. The numbers and rules come from analysis; only the words are here.
"""

from dataclasses import dataclass, field

from sciajournal.analysis.leg_symptoms import (
    DISTAL_FROM,
    MIN_RATINGS_PER_HALF,
    LegSymptoms,
    ReachTrend,
)
from sciajournal.analysis.medication import LABEL_LIMIT_WORDING, MedicationSummary, MedicineUse
from sciajournal.analysis.red_flag_history import EARLIER_RED_FLAG_WINDOW, RedFlagHistory
from sciajournal.analysis.red_flags import Urgency, graded_signs_text, most_urgent
from sciajournal.analysis.treatments import SessionChange, TreatmentEffect
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import Reach, Side

MEDICATION_HEADINGS = [
    "medicine",
    "doses",
    "days used",
    "usual dose",
    "days above label",
    "longest run",
    "before walks",
]
TREATMENT_HEADINGS = ["kind", "sessions", "back: average change", "leg: average change"]


@dataclass
class RedFlagLines:
    #: Red flags logged in the range, one line each, newest first.
    flagged: list[str] = field(default_factory=list)
    #: "none recorded; last screened ..." or the range's checks; always present.
    screening: str = ""
    #: "before this period: DATE, SIGN" for red flags in the months before the range.
    earlier: list[str] = field(default_factory=list)
    #: The most urgent grade among those earlier red flags.
    earlier_urgency: Urgency | None = None


def _check_line(check: RedFlagCheck) -> str:
    notes = f". Notes: {check.notes}" if check.notes else ""
    return f"{check.at:%a %d %b %Y %H:%M}: {graded_signs_text(check.signs)}{notes}"


def red_flag_lines(history: RedFlagHistory) -> RedFlagLines:
    """Page one always says something: red flags found, screened negative, or never asked."""
    lines = RedFlagLines(flagged=[_check_line(check) for check in history.flagged])
    last = history.last_screened
    if last is None:
        months = round(EARLIER_RED_FLAG_WINDOW.days / 30.5)
        lines.screening = (
            f"not screened: no red-flag check in this period or the {months} months before"
        )
    elif not history.flagged:
        found = "found none" if not last.signs else "found signs, see above"
        # "none recorded" read as "never" above an emergency sign logged weeks before.
        none = "none in this period" if history.earlier else "none recorded"
        lines.screening = f"{none}; last screened {last.at:%d %b %Y} ({found})"
    else:
        found = "found none" if not last.signs else "found signs"
        checks = f"{history.checks} check{'s' if history.checks != 1 else ''}"
        lines.screening = (
            f"{checks} in this period, {history.found_none} found none; "
            f"last screened {last.at:%d %b %Y} ({found})"
        )
    if last is not None and last.notes and not last.signs:
        lines.screening += f". Notes: {last.notes}"
    lines.earlier_urgency = most_urgent(sign for check in history.earlier for sign in check.signs)
    lines.earlier = [
        f"before this period: {check.at:%d %b %Y}, {graded_signs_text(check.signs)}"
        + (f". Notes: {check.notes}" if check.notes else "")
        for check in history.earlier
    ]
    return lines


def _counts(counts: dict[Reach, int] | dict[Side, int]) -> str:
    return ", ".join(f"{key.value} {count}" for key, count in counts.items() if count)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def leg_symptom_lines(leg: LegSymptoms) -> list[str]:
    """Where it reaches and on which side, spreading or receding, nerve-sign counts."""
    if not leg.ratings:
        return ["No pain ratings in this period."]
    lines = []
    if leg.with_reach:
        furthest = leg.furthest.value if leg.furthest else "–"
        lines.append(
            f"Reaches ({leg.with_reach} of {leg.ratings} ratings recorded it): "
            f"{_counts(leg.reach_counts)}; furthest: {furthest}."
        )
    else:
        lines.append(f"How far down the leg: not recorded on any of {leg.ratings} ratings.")
    sided = sum(leg.side_counts.values())
    if sided:
        lines.append(f"Side ({sided} ratings): {_counts(leg.side_counts)}.")
    first, second = leg.first_half, leg.second_half
    distal = f"Reaching the {DISTAL_FROM.value} or below"
    if leg.trend is ReachTrend.NOT_ENOUGH_DATA:
        lines.append(
            f"{distal}: not enough data to call a trend (needs {MIN_RATINGS_PER_HALF} ratings "
            f"with reach in each half; has {first.with_reach} and {second.with_reach})."
        )
    else:
        lines.append(
            f"{distal}: {_share(first.share)} of ratings in the first half "
            f"(to {first.last_day:%d %b}), {_share(second.share)} in the second: "
            f"{leg.trend.value}."
        )
    lines.append(
        f"Nerve signs on ratings: numbness {leg.numbness}, tingling {leg.tingling}, "
        f"weakness {leg.weakness}, both legs {leg.both_legs} (of {leg.ratings})."
    )
    return lines


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _medicine_name(use: MedicineUse) -> str:
    others = [name for name in use.typed_names if name.casefold() != use.name.casefold()]
    return use.name + (f" ({', '.join(others)})" if others else "")


def medication_rows(
    summary: MedicationSummary, days: int, before_walks: dict[str, int]
) -> list[list[str]]:
    rows = []
    for use in summary.medicines:
        doses = str(use.doses)
        if use.scheduled:
            doses += f" ({use.scheduled} scheduled)"
        if use.label_limit_mg is None:
            above = "no label limit set"
        else:
            above = f"{use.days_above_label} (limit {use.label_limit_mg:g} mg)"
        rows.append(
            [
                _medicine_name(use),
                doses,
                f"{use.days_used} of {days}",
                "–" if use.usual_dose_mg is None else f"{use.usual_dose_mg:g} mg",
                above,
                _days(use.longest_run_days) if use.anti_inflammatory else "–",
                str(before_walks.get(use.name, 0)),
            ]
        )
    return rows


def medication_notes(summary: MedicationSummary) -> list[str]:
    """The label findings in the words domain.md gives: a record, never an instruction."""
    notes = []
    for use in summary.medicines:
        if use.days_above_label:
            notes.append(
                f"{use.name}: {use.days_above_label} day{'s' if use.days_above_label != 1 else ''}"
                f" {LABEL_LIMIT_WORDING}."
            )
    if summary.anti_inflammatory_run_days and summary.anti_inflammatory_run_end:
        line = (
            f"Longest run on an anti-inflammatory: {_days(summary.anti_inflammatory_run_days)} "
            f"in a row, to {summary.anti_inflammatory_run_end:%d %b}"
        )
        if summary.run_above_label_days:
            line += (
                f"; labels say to ask a doctor after {summary.label_days} days: "
                "ask your doctor or pharmacist"
            )
        notes.append(line + ".")
    for use in summary.matching_several:
        notes.append(
            f'"{use.name}" names more than one medicine ({", ".join(use.matches_several)}): '
            "not added to any of them or compared with a label; check the names in Settings."
        )
    if summary.not_in_mg:
        notes.append(
            f"{summary.not_in_mg} dose{'s' if summary.not_in_mg != 1 else ''} not recorded in "
            "mg: listed, not added up or compared with a label."
        )
    if any(use.scheduled for use in summary.medicines):
        notes.append("Label limits are compared with as-needed doses only, not scheduled ones.")
    return notes


def treatment_rows(effects: list[TreatmentEffect]) -> list[list[str]]:
    rows = []
    for effect in effects:
        if not effect.sessions:
            continue
        rows.append(
            [
                effect.kind.value.capitalize(),
                str(effect.sessions),
                _session_change(effect.back),
                _session_change(effect.leg),
            ]
        )
    return rows


def _session_change(change: SessionChange) -> str:
    """'-1.5 points (4 rated)': the mean, and how many sessions it is over."""
    if change.mean_change is None:
        return "not rated"
    return f"{change.mean_change:+.1f} points ({change.rated} rated)"
