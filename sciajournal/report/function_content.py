"""Page one's words for function: bothersomeness, the patient's own activities, sleep and
sitting. No Qt; the numbers and the one verdict (the PSFS 2-point rule) come from analysis.
"""

from dataclasses import dataclass, field

from sciajournal.analysis.bothersomeness import TOTAL_MAX, Bothersomeness
from sciajournal.analysis.function_measures import FunctionMeasures
from sciajournal.analysis.functional_scale import (
    SCORE_MAX,
    ActivitySeries,
    FunctionalScale,
    Verdict,
)
from sciajournal.analysis.sleep_sitting import SleepSittingWeek, first_and_latest

NOTHING = "No bothersomeness checks, activity ratings, sleep or sitting recorded in this period."


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def sbi_line(sbi: Bothersomeness) -> str:
    head = f"Bothersomeness (SBI, 0-{TOTAL_MAX}, higher is worse):"
    latest, first = sbi.latest, sbi.first
    if latest is None or first is None:
        return f"{head} not recorded in this period."
    if sbi.change is None:
        return f"{head} {latest.total} on {latest.at:%d %b}; change: not enough data (one check)."
    return (
        f"{head} {first.total} on {first.at:%d %b} → {latest.total} on {latest.at:%d %b}, "
        f"{sbi.change:+d} ({_plural(len(sbi.points), 'check')}; no verdict*)."
    )


def psfs_line(scale: FunctionalScale) -> str:
    head = f"Own activities (PSFS mean, 0-{SCORE_MAX}, higher is better):"
    latest, first = scale.latest, scale.first
    if latest is None or first is None:
        return f"{head} not rated in this period."
    rated = _plural(len(latest.scores), "activity", "activities")
    now = f"{latest.mean:.1f} on {latest.at:%d %b} ({rated})"
    if scale.change is None:
        return f"{head} {now}; change: {scale.verdict_text}."
    return (
        f"{head} {first.mean:.1f} on {first.at:%d %b} → {now}, change {scale.change:+.1f}: "
        f"{scale.verdict_text}."
    )


def _activity(series: ActivitySeries) -> str:
    scores = [score for _, score in series.points]
    if not scores:
        text = f"{series.name} not rated"
    elif len(scores) == 1:
        text = f"{series.name} {scores[0]}"
    else:
        text = f"{series.name} {scores[0]} → {scores[-1]}"
    if series.retired is not None:
        text += f" (retired {series.retired:%d %b})"
    return text


def activities_line(scale: FunctionalScale) -> str | None:
    """Each activity, first and last score in the period; None when nothing was rated."""
    if not scale.sittings:
        return None
    return "Activities, first → last: " + "; ".join(_activity(s) for s in scale.activities) + "."


def _week_figures(week: SleepSittingWeek) -> str:
    parts = []
    if week.times_woken_mean is not None:
        parts.append(f"woken {week.times_woken_mean:.1f}×/night")
    if week.hours_slept_mean is not None:
        parts.append(f"{week.hours_slept_mean:.1f} h slept")
    nights = max(week.woken_nights, week.slept_nights)
    text = ", ".join(parts) + (f" ({_plural(nights, 'night')})" if parts else "")
    if week.longest_sitting_minutes is not None:
        text += (", " if parts else "") + (
            f"sat comfortably up to {week.longest_sitting_minutes:g} min "
            f"({_plural(week.sitting_days, 'day')})"
        )
    return text


def _week_name(week: SleepSittingWeek) -> str:
    marks = []
    if week.week.in_progress:
        marks.append("so far")
    if week.week.partly_outside_range:
        marks.append("partly outside the period")
    return f"week of {week.week.monday:%d %b}" + (f" ({', '.join(marks)})" if marks else "")


def sleep_sitting_line(weeks: list[SleepSittingWeek], latest_only: bool = False) -> str:
    """The first and the latest week side by side (whole weeks where there are any), or
    only the latest where room is short."""
    pair = first_and_latest(weeks)
    if pair is None:
        return "Sleep and sitting: not recorded in this period."
    first, latest = pair
    if first is latest or latest_only:
        return f"Sleep and sitting, {_week_name(latest)}: {_week_figures(latest)}; no verdict*."
    return (
        f"Sleep and sitting, {_week_name(first)}: {_week_figures(first)} → "
        f"{_week_name(latest)}: {_week_figures(latest)}; no verdict*."
    )


NO_VERDICT_NOTE = "* no meaningful change is established for the SBI, sleep or sitting"


@dataclass
class FunctionLines:
    #: The two scores with their change (and the PSFS verdict): full size, always shown.
    scores: list[str] = field(default_factory=list)
    #: For each score line: printed bold, as the pain table prints a meaningful change.
    emphasised: list[bool] = field(default_factory=list)
    #: Each activity's first and last score; sleep and sitting, first and latest week.
    detail: list[str] = field(default_factory=list)
    #: Sleep and sitting, the latest week only: page one's line when the detail is moved on.
    sleep_latest: str = ""
    note: str = ""


def function_lines(measures: FunctionMeasures) -> FunctionLines:
    """Page one's Function block: always at least one line."""
    if not measures.recorded:
        return FunctionLines([NOTHING], [False])
    scale = measures.functional_scale
    lines = FunctionLines(
        [sbi_line(measures.bothersomeness), psfs_line(scale)],
        [False, scale.verdict in (Verdict.BETTER, Verdict.WORSE)],
        sleep_latest=sleep_sitting_line(measures.sleep_sitting, latest_only=True),
        note=NO_VERDICT_NOTE,
    )
    activities = activities_line(measures.functional_scale)
    if activities:
        lines.detail.append(activities)
    lines.detail.append(sleep_sitting_line(measures.sleep_sitting))
    return lines
