"""`sciajournal report --json`: every figure of the analysis, to check outside the app."""

import dataclasses
import json
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.outcomes import (
    NOT_JUDGED_TEXT,
    OUTCOME_TEXT,
    REASON_TEXT,
    Outcome,
    WalkOutcome,
    painkiller_text,
)
from sciajournal.analysis.progression import TOLERANCE_WEEKS
from sciajournal.analysis.ratings import PainChange
from sciajournal.analysis.red_flags import most_urgent
from sciajournal.analysis.response import (
    CONFIDENCE,
    MIN_CORRELATION_DAYS,
    Correlation,
    WalkResponse,
)
from sciajournal.analysis.trends import TREND_WINDOW_DAYS, pain_trends
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import RedFlag
from sciajournal.report import json_function, json_symptoms

#: Bumped whenever a field changes meaning or goes away (docs/report-format.md).
REPORT_VERSION = 4


def _rating(rating: PainRating | None) -> dict[str, Any] | None:
    if rating is None:
        return None
    return {
        "at": rating.at.isoformat(),
        "back": rating.back,
        "leg": rating.leg,
        "context": rating.context.value,
        "id": rating.id,
    }


def _change(change: PainChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "back": change.back,
        "leg": change.leg,
        "worst": change.worst,
        "site": change.site,
        "text": change.text,
    }


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


def _walk(result: WalkOutcome, response: WalkResponse) -> dict[str, Any]:
    walk = result.walk
    evidence = result.evidence
    reference = result.morning_reference
    compared_with = None
    if reference is not None:
        is_morning = reference is result.previous_morning
        compared_with = "previous_morning" if is_morning else "pain_before"
    return {
        "id": walk.id,
        "start": walk.start.isoformat(),
        "end": walk.end.isoformat(),
        "minutes": _plain(walk.minutes),
        "stopped_early": walk.stopped_early,
        "symptoms_after_minutes": _plain(walk.symptoms_after_minutes),
        "pain_lasted_hours": _plain(walk.pain_lasted_hours),
        "outcome": result.outcome.value,
        "outcome_text": OUTCOME_TEXT[result.outcome],
        "reasons": [reason.value for reason in result.reasons],
        "reason_texts": [REASON_TEXT[reason] for reason in result.reasons],
        "not_judged": [
            {"code": item.value, "text": NOT_JUDGED_TEXT[item]} for item in result.not_judged
        ],
        "light": result.light.value if result.light else None,
        "pain_before": _rating(result.baseline),
        "pain_end": _rating(result.end),
        "pain_follow_up": _rating(result.follow_up),
        "follow_up_due": result.follow_up_due.isoformat(),
        "previous_morning": _rating(result.previous_morning),
        "next_morning": _rating(result.next_morning),
        "next_morning_compared_with": compared_with,
        "evidence": None
        if evidence is None
        else {
            "reason": evidence.reason.value,
            "earlier": _rating(evidence.earlier),
            "later": _rating(evidence.later),
            "change": _change(evidence.change),
        },
        "change_end": _change(response.change_end),
        "change_follow_up": _change(response.change_follow_up),
        "change_next_morning": _change(response.change_next_morning),
        "change_afterwards": _change(response.afterwards),
        "change_afterwards_measured_at": response.afterwards_measured_at,
        "painkillers_before": [
            {
                "id": dose.id,
                "at": dose.at.isoformat(),
                "name": dose.name,
                "dose": _plain(dose.dose),
                "unit": dose.unit,
                "quantity": _plain(dose.quantity),
            }
            for dose in result.painkillers
        ],
        "painkiller_text": painkiller_text(result),
        "high_pain": _rating(result.high_pain),
    }


def _tolerance(analysis: JournalAnalysis) -> dict[str, Any]:
    tolerance = analysis.tolerance
    return {
        "current_minutes": _plain(analysis.progression.tolerance_minutes),
        "current_weeks": TOLERANCE_WEEKS,
        "walks": tolerance.walks,
        "stopped_early": tolerance.stopped_early,
        "onset_walks": tolerance.onset_walks,
        "onset_median_minutes": _plain(tolerance.onset_median_minutes),
        "onset_first_half_minutes": _plain(tolerance.onset_first_half_minutes),
        "onset_second_half_minutes": _plain(tolerance.onset_second_half_minutes),
        "onset_trend": tolerance.onset_trend,
        "longest_settled_minutes": _plain(tolerance.longest_settled_minutes),
        "high_pain_walks": [
            {
                "id": result.walk.id,
                "start": result.walk.start.isoformat(),
                "minutes": _plain(result.walk.minutes),
                "outcome": result.outcome.value,
                "rating": _rating(result.high_pain),
            }
            for result in tolerance.high_pain
        ],
    }


def _trends(analysis: JournalAnalysis) -> dict[str, Any]:
    points = analysis.settings.pain_change_points
    return {
        "window_days": TREND_WINDOW_DAYS,
        "sites": [
            {
                "site": trend.site.lower(),
                "start": trend.start,
                "end": trend.end,
                "change": trend.change,
                "percent": trend.percent,
                "too_short": trend.too_short,
                "meaningful": trend.is_meaningful(points),
                "verdict": trend.verdict(points),
            }
            for trend in pain_trends(analysis.days)
        ],
    }


def report_document(analysis: JournalAnalysis) -> dict[str, Any]:
    responses = {response.walk_id: response for response in analysis.responses}
    progression = analysis.progression
    target = progression.target
    counts = {outcome.value: 0 for outcome in Outcome}
    for result in analysis.outcomes:
        counts[result.outcome.value] += 1
    return {
        "report_version": REPORT_VERSION,
        "range": {"from": analysis.first_day.isoformat(), "to": analysis.last_day.isoformat()},
        "today": analysis.today.isoformat(),
        "settings": _record(analysis.settings),
        "counts": {"walks": len(analysis.outcomes), **counts},
        "walks": [_walk(result, responses[result.walk.id]) for result in analysis.outcomes],
        "weeks": [
            _record(
                week, week=week.iso_week, rose=week.rose, change_null_reason=week.no_change_reason
            )
            for week in progression.weeks
        ],
        "weeks_above_guide": len(progression.weeks_above_guide),
        "fast_restarts": len(progression.fast_restarts),
        "target": {
            "week_of": target.week.isoformat(),
            "based_on_week_of": target.base_week.isoformat(),
            "minutes": _plain(target.minutes),
            "kind": target.kind.value,
            "reason": target.reason,
            "next_week": target.next_week,
        },
        "tolerance": _tolerance(analysis),
        "trends": _trends(analysis),
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
        "red_flag_screening": json_symptoms.red_flag_screening(analysis.red_flag_history),
        "leg_symptoms": json_symptoms.leg_symptoms(analysis.leg_symptoms)
        | {"weeks": json_function.leg_weeks(analysis.function.leg_weeks)},
        "function": json_function.function(analysis.function),
        "medication_limits": json_symptoms.medication_limits(analysis.medication),
    }


def _urgency(signs: frozenset[RedFlag]) -> str | None:
    urgency = most_urgent(signs)
    return None if urgency is None else urgency.value


def _correlation(correlation: Correlation) -> dict[str, Any]:
    return {
        "rho": correlation.rho,
        "low": correlation.low,
        "high": correlation.high,
        "confidence": CONFIDENCE,
        "pairs": correlation.pairs,
        "weeks": correlation.weeks,
        "min_days": MIN_CORRELATION_DAYS,
        "words": correlation.words,
        "detail": correlation.detail,
    }


def report_json(analysis: JournalAnalysis) -> str:
    return json.dumps(report_document(analysis), indent=2, ensure_ascii=False) + "\n"
