"""The JSON report's function section: bothersomeness, own activities, sleep and sitting,
and leg symptoms per week (docs/report-format.md, `function` and `leg_symptoms.weeks`)."""

from typing import Any

from sciajournal.analysis.bothersomeness import NO_VERDICT, TOTAL_MAX, Bothersomeness, SbiPoint
from sciajournal.analysis.function_measures import FunctionMeasures
from sciajournal.analysis.functional_scale import (
    MEANINGFUL_POINTS,
    MIN_SITTINGS,
    SCORE_MAX,
    FunctionalScale,
    Sitting,
)
from sciajournal.analysis.leg_symptom_weeks import LegWeek
from sciajournal.analysis.sleep_sitting import NO_VERDICT as SLEEP_NO_VERDICT
from sciajournal.analysis.sleep_sitting import SleepSittingWeek, latest_recorded
from sciajournal.analysis.week_frame import RangeWeek


def _plain(value: float | None) -> float | int | None:
    """Whole numbers without ".0", as everywhere in the report."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _week(week: RangeWeek) -> dict[str, Any]:
    return {
        "monday": week.monday.isoformat(),
        "week": week.iso_week,
        "in_progress": week.in_progress,
        "partly_outside_range": week.partly_outside_range,
    }


def _sbi_point(point: SbiPoint | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {"id": point.check_id, "at": point.at.isoformat(), "total": point.total, **point.items}


def bothersomeness(sbi: Bothersomeness) -> dict[str, Any]:
    return {
        "total_max": TOTAL_MAX,
        "checks": [_sbi_point(point) for point in sbi.points],
        "first": _sbi_point(sbi.first),
        "latest": _sbi_point(sbi.latest),
        "change": sbi.change,
        "verdict": None,
        "note": NO_VERDICT,
    }


def _sitting(sitting: Sitting | None) -> dict[str, Any] | None:
    if sitting is None:
        return None
    return {
        "id": sitting.rating_id,
        "at": sitting.at.isoformat(),
        "mean": _plain(sitting.mean),
        "scores": sitting.scores,
    }


def functional_scale(scale: FunctionalScale) -> dict[str, Any]:
    return {
        "score_max": SCORE_MAX,
        "meaningful_points": _plain(MEANINGFUL_POINTS),
        "min_sittings": MIN_SITTINGS,
        "sittings": [_sitting(sitting) for sitting in scale.sittings],
        "activities": [
            {
                "id": series.activity_id,
                "name": series.name,
                "added": None if series.added is None else series.added.isoformat(),
                "retired": None if series.retired is None else series.retired.isoformat(),
                "scores": [{"at": at.isoformat(), "score": score} for at, score in series.points],
                "change": series.change,
            }
            for series in scale.activities
        ],
        "first": _sitting(scale.first),
        "latest": _sitting(scale.latest),
        "change": _plain(scale.change),
        "same_activities": scale.same_activities,
        "verdict": scale.verdict.value,
        "verdict_text": scale.verdict_text,
    }


def _sleep_week(week: SleepSittingWeek) -> dict[str, Any]:
    return _week(week.week) | {
        "woken_nights": week.woken_nights,
        "times_woken_mean": _plain(week.times_woken_mean),
        "slept_nights": week.slept_nights,
        "hours_slept_mean": _plain(week.hours_slept_mean),
        "sitting_days": week.sitting_days,
        "longest_sitting_minutes": _plain(week.longest_sitting_minutes),
    }


def sleep_sitting(weeks: list[SleepSittingWeek]) -> dict[str, Any]:
    latest = latest_recorded(weeks)
    return {
        "weeks": [_sleep_week(week) for week in weeks],
        "latest_recorded_week": None if latest is None else latest.week.monday.isoformat(),
        "note": SLEEP_NO_VERDICT,
    }


def function(measures: FunctionMeasures) -> dict[str, Any]:
    return {
        "bothersomeness": bothersomeness(measures.bothersomeness),
        "functional_scale": functional_scale(measures.functional_scale),
        "sleep_sitting": sleep_sitting(measures.sleep_sitting),
    }


def leg_weeks(weeks: list[LegWeek]) -> list[dict[str, Any]]:
    return [
        _week(week.week)
        | {
            "ratings": week.ratings,
            "with_reach": week.with_reach,
            "reach": {reach.value: count for reach, count in week.reach_counts.items()},
            "furthest": None if week.furthest is None else week.furthest.value,
            "reaching_knee_or_below_share": week.distal_share,
            "numbness": week.numbness,
            "tingling": week.tingling,
            "weakness": week.weakness,
            "numbness_share": week.sign_share(week.numbness),
            "tingling_share": week.sign_share(week.tingling),
            "weakness_share": week.sign_share(week.weakness),
        }
        for week in weeks
    ]
