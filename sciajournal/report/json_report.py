"""`sciajournal report --json`: every figure of the analysis, to check outside the app."""

import dataclasses
import json
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.red_flags import most_urgent
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import RedFlag


def _rating(rating: PainRating | None) -> dict[str, Any] | None:
    if rating is None:
        return None
    return {"at": rating.at.isoformat(), "back": rating.back, "leg": rating.leg, "id": rating.id}


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)  # e.g. a treatment's back and leg change
    return value


def _record(item: Any, **extra: Any) -> dict[str, Any]:
    record = {field.name: _plain(getattr(item, field.name)) for field in dataclasses.fields(item)}
    record.update(extra)
    return record


def report_document(analysis: JournalAnalysis) -> dict[str, Any]:
    responses = {response.walk_id: response for response in analysis.responses}
    walks = []
    for result in analysis.outcomes:
        response = responses[result.walk.id]
        walks.append(
            {
                "id": result.walk.id,
                "start": result.walk.start.isoformat(),
                "minutes": _plain(result.walk.minutes),
                "outcome": result.outcome.value,
                "reasons": [reason.value for reason in result.reasons],
                "light": result.light.value if result.light else None,
                "pain_before": _rating(result.baseline),
                "pain_end": _rating(result.end),
                "pain_follow_up": _rating(result.follow_up),
                "previous_morning": _rating(result.previous_morning),
                "next_morning": _rating(result.next_morning),
                "change_end": response.change_end,
                "change_follow_up": response.change_follow_up,
                "change_next_morning": response.change_next_morning,
            }
        )
    progression = analysis.progression
    counts = {outcome.value: 0 for outcome in Outcome}
    for result in analysis.outcomes:
        counts[result.outcome.value] += 1
    return {
        "range": {"from": analysis.first_day.isoformat(), "to": analysis.last_day.isoformat()},
        "settings": _record(analysis.settings),
        "counts": {"walks": len(analysis.outcomes), **counts},
        "walks": walks,
        "weeks": [_record(week, week=week.iso_week) for week in progression.weeks],
        "target": {
            "week_of": progression.target_week.isoformat(),
            "minutes": _plain(progression.target_minutes),
            "held_back": progression.target_held_back,
        },
        "tolerance_minutes": _plain(progression.tolerance_minutes),
        "days": [_record(day) for day in analysis.days],
        "pain_against_volume": {
            "bands": [
                _record(band, label=band.label, flag_rate=band.flag_rate)
                | {"high": None if band.high == float("inf") else _plain(band.high)}
                for band in analysis.bands
            ],
            "next_day_leg_pain": _correlation(analysis.leg_correlation),
            "next_day_back_pain": _correlation(analysis.back_correlation),
        },
        "treatments": [_record(effect) for effect in analysis.treatments],
        "medications": [_record(use) for use in analysis.medications],
        "red_flags": [
            {
                "id": c.id,
                "at": c.at.isoformat(),
                "signs": sorted(s.value for s in c.signs),
                "urgency": _urgency(c.signs),
                "notes": c.notes,
            }
            for c in analysis.red_flags
        ],
    }


def _urgency(signs: frozenset[RedFlag]) -> str | None:
    urgency = most_urgent(signs)
    return None if urgency is None else urgency.value


def _correlation(correlation: Any) -> dict[str, Any]:
    note = None if correlation.rho is not None else "not enough data"
    return {"rho": correlation.rho, "pairs": correlation.pairs, "note": note}


def report_json(analysis: JournalAnalysis) -> str:
    return json.dumps(report_document(analysis), indent=2, ensure_ascii=False) + "\n"
