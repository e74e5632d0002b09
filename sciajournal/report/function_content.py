"""Page one's words for function: bothersomeness, the patient's own activities, sleep and
sitting. No Qt; the numbers and the one verdict (the PSFS 2-point rule) come from analysis.
"""

from sciajournal.analysis.bothersomeness import NO_VERDICT, TOTAL_MAX, Bothersomeness
from sciajournal.analysis.function_measures import FunctionMeasures
from sciajournal.analysis.functional_scale import SCORE_MAX, ActivitySeries, FunctionalScale
from sciajournal.analysis.sleep_sitting import NO_VERDICT as SLEEP_NO_VERDICT
from sciajournal.analysis.sleep_sitting import SleepSittingWeek, latest_recorded

NOTHING = "No bothersomeness checks, activity ratings, sleep or sitting recorded in this period."


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def sbi_line(sbi: Bothersomeness) -> str:
    head = f"Sciatica Bothersomeness Index (0-{TOTAL_MAX}, higher is worse):"
    latest, first = sbi.latest, sbi.first
    if latest is None or first is None:
        return f"{head} not recorded in this period."
    if sbi.change is None:
        return f"{head} {latest.total} on {latest.at:%d %b}; change: not enough data (one check)."
    return (
        f"{head} {latest.total} on {latest.at:%d %b}, {first.total} on {first.at:%d %b} "
        f"({_plural(len(sbi.points), 'check')}): change {sbi.change:+d}; {NO_VERDICT}."
    )


def psfs_line(scale: FunctionalScale) -> str:
    head = (
        f"Own activities (Patient-Specific Functional Scale, mean 0-{SCORE_MAX}, higher is better):"
    )
    latest, first = scale.latest, scale.first
    if latest is None or first is None:
        return f"{head} not rated in this period."
    rated = _plural(len(latest.scores), "activity", "activities")
    now = f"{latest.mean:.1f} on {latest.at:%d %b} ({rated})"
    if scale.change is None:
        return f"{head} {now}; change: {scale.verdict_text}."
    return (
        f"{head} {now}, {first.mean:.1f} on {first.at:%d %b}: change {scale.change:+.1f}, "
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
    return (
        "Activities, first → last score: " + "; ".join(_activity(s) for s in scale.activities) + "."
    )


def _week_figures(week: SleepSittingWeek) -> str:
    parts = []
    if week.times_woken_mean is not None:
        parts.append(
            f"woken {week.times_woken_mean:.1f}× a night ({_plural(week.woken_nights, 'night')})"
        )
    if week.hours_slept_mean is not None:
        parts.append(f"{week.hours_slept_mean:.1f} h slept ({_plural(week.slept_nights, 'night')})")
    if week.longest_sitting_minutes is not None:
        parts.append(
            f"longest comfortable sitting {week.longest_sitting_minutes:g} min "
            f"({_plural(week.sitting_days, 'day')} recorded)"
        )
    return ", ".join(parts)


def _week_name(week: SleepSittingWeek) -> str:
    marks = []
    if week.week.in_progress:
        marks.append("so far")
    if week.week.partly_outside_range:
        marks.append("partly outside the period")
    return f"week of {week.week.monday:%d %b}" + (f" ({', '.join(marks)})" if marks else "")


def sleep_sitting_line(weeks: list[SleepSittingWeek]) -> str:
    """The first and the latest week with anything recorded, marked when partial."""
    latest = latest_recorded(weeks)
    if latest is None:
        return "Sleep and sitting: not recorded in this period."
    first = next(week for week in weeks if week.recorded)
    text = f"Sleep and sitting, {_week_name(latest)}: {_week_figures(latest)}"
    if first is not latest:
        text += f"; {_week_name(first)}: {_week_figures(first)}"
    return f"{text} ({SLEEP_NO_VERDICT})."


def function_lines(measures: FunctionMeasures) -> list[str]:
    """Page one's Function block: always at least one line."""
    if not measures.recorded:
        return [NOTHING]
    lines = [sbi_line(measures.bothersomeness), psfs_line(measures.functional_scale)]
    activities = activities_line(measures.functional_scale)
    if activities:
        lines.append(activities)
    lines.append(sleep_sitting_line(measures.sleep_sitting))
    return lines
