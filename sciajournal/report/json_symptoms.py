"""The JSON report's red-flag screening, leg-symptom and medication-limit sections."""

from typing import Any

from sciajournal.analysis.leg_symptoms import HalfShare, LegSymptoms
from sciajournal.analysis.medication import MedicationSummary
from sciajournal.analysis.red_flag_history import RedFlagHistory
from sciajournal.analysis.red_flags import most_urgent
from sciajournal.core.entities import RedFlagCheck


def _check(check: RedFlagCheck) -> dict[str, Any]:
    urgency = most_urgent(check.signs)
    return {
        "id": check.id,
        "at": check.at.isoformat(),
        "signs": sorted(sign.value for sign in check.signs),
        "urgency": None if urgency is None else urgency.value,
        "notes": check.notes,
    }


def red_flag_screening(history: RedFlagHistory) -> dict[str, Any]:
    """Checks in the range, the last screening (None: never screened) and earlier red flags."""
    urgency = history.most_urgent
    return {
        "checks": history.checks,
        "found_none": history.found_none,
        "most_urgent": None if urgency is None else urgency.value,
        "last_screened": None if history.last_screened is None else _check(history.last_screened),
        "earlier": [_check(check) for check in history.earlier],
    }


def _half(half: HalfShare) -> dict[str, Any]:
    return {
        "from": half.first_day.isoformat(),
        "to": half.last_day.isoformat(),
        "with_reach": half.with_reach,
        "reaching_knee_or_below": half.distal,
        "share": half.share,
    }


def leg_symptoms(leg: LegSymptoms) -> dict[str, Any]:
    return {
        "ratings": leg.ratings,
        "with_reach": leg.with_reach,
        "reach": {reach.value: count for reach, count in leg.reach_counts.items()},
        "side": {side.value: count for side, count in leg.side_counts.items()},
        "first_half": _half(leg.first_half),
        "second_half": _half(leg.second_half),
        "trend": leg.trend.value,
        "numbness": leg.numbness,
        "tingling": leg.tingling,
        "weakness": leg.weakness,
    }


def medication_limits(summary: MedicationSummary) -> dict[str, Any]:
    return {
        "medicines": [
            {
                "name": use.name,
                "typed_names": list(use.typed_names),
                "doses": use.doses,
                "days_used": use.days_used,
                "as_needed": use.as_needed,
                "scheduled": use.scheduled,
                "usual_dose_mg": use.usual_dose_mg,
                "not_in_mg": use.not_in_mg,
                "matches_several": list(use.matches_several),
                "anti_inflammatory": use.anti_inflammatory,
                "label_limit_mg": use.label_limit_mg,
                "days_above_label": use.days_above_label,
                "highest_day_mg": use.highest_day_mg,
                "longest_run_days": use.longest_run_days,
            }
            for use in summary.medicines
        ],
        "anti_inflammatory_run_days": summary.anti_inflammatory_run_days,
        "anti_inflammatory_run_end": (
            None
            if summary.anti_inflammatory_run_end is None
            else summary.anti_inflammatory_run_end.isoformat()
        ),
        "label_days": summary.label_days,
    }
