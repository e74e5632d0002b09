"""The summary's words about walks, weeks, tolerance and trends, from the analysis.

Every threshold a sentence states comes from the Settings or the named constant it
describes, so changing a Setting changes the words. No Qt, no layout.
"""

from datetime import timedelta

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.outcomes import (
    NOT_JUDGED_TEXT,
    OUTCOME_TEXT,
    REASON_TEXT,
    Evidence,
    Outcome,
    Reason,
    WalkOutcome,
    painkiller_text,
)
from sciajournal.analysis.progression import TOLERANCE_WEEKS, TargetKind, WeekVolume
from sciajournal.analysis.ratings import PainChange
from sciajournal.analysis.response import MeasuredAt
from sciajournal.analysis.today import NO_FOLLOW_UP_RECORDED, follow_up_asked_on
from sciajournal.analysis.trends import MEANINGFUL_PERCENT, TREND_WINDOW_DAYS, PainTrend
from sciajournal.core.entities import PainRating
from sciajournal.core.enums import PainContext
from sciajournal.core.settings import Settings

FLAGGED_HEADINGS = ["when", "min", "before", "end", "raised rating", "change", "why flagged"]
UNJUDGED_HEADINGS = ["when", "min", "outcome", "why not judged"]
HIGH_PAIN_HEADINGS = ["when", "min", "rating", "outcome"]


def hours(value: float) -> str:
    """ "2 hours", "1.5 hours", "1 hour"."""
    return f"{value:g} hour{'s' if value != 1 else ''}"


def pair(rating: PainRating | None) -> str:
    return "–" if rating is None else f"{rating.back}/{rating.leg}"


def trend_heading() -> str:
    return (
        f"Pain (0-10): first {TREND_WINDOW_DAYS} days against last {TREND_WINDOW_DAYS} days "
        "of the period"
    )


def trend_columns() -> list[str]:
    return [f"first {TREND_WINDOW_DAYS} days", f"last {TREND_WINDOW_DAYS} days"]


def trend_note(points: int) -> str:
    return (
        f"Mean of the daily mean ratings. A change of {points} points, or of "
        f"{MEANINGFUL_PERCENT:g} % and at least 1 point, is taken as clinically meaningful "
        "(judged before rounding)."
    )


def trend_cells(trend: PainTrend, points: int) -> list[str]:
    """Site, start, end, change and verdict, rounded for reading only."""
    start = "–" if trend.start is None else f"{trend.start:.1f}"
    end = "–" if trend.end is None else f"{trend.end:.1f}"
    change = "–"
    if trend.change is not None:
        change = f"{trend.change:+.1f} points"
        if trend.percent is not None:
            change += f" ({trend.percent:+.0f} %)"
    return [f"{trend.site} pain", start, end, change, trend.verdict(points)]


def flagged_table_note(settings: Settings) -> str:
    return (
        "Pain as back/leg (0-10). The raised rating is the one that triggered the flag: a "
        f"follow-up {hours(settings.follow_up_hours)} or more after the walk, or the next "
        f"morning, {settings.pain_change_points} or more points above the rating before "
        "(change: the worse of back and leg)."
    )


RATING_NAMES = {
    PainContext.END_OF_WALK: "end of walk",
    PainContext.FOLLOW_UP: "follow-up",
    PainContext.MORNING: "next morning",
    PainContext.STANDALONE: "rating",
    PainContext.BEFORE_WALK: "before",
    PainContext.BEDTIME: "bedtime",
}


def _signs(rating: PainRating) -> str:
    """ ", down to the calf, tingling": what the spread and nerve-sign rules compare."""
    parts = [f"down to the {rating.reach.value}"] if rating.reach is not None else []
    parts += [
        name
        for name, present in (
            ("numbness", rating.numbness),
            ("tingling", rating.tingling),
            ("weakness", rating.weakness),
        )
        if present
    ]
    return (", " + ", ".join(parts)) if parts else ""


def _evidence_text(evidence: Evidence) -> str:
    later, earlier = evidence.later, evidence.earlier
    detailed = evidence.reason in (Reason.SPREAD_FURTHER, Reason.NERVE_SIGN_APPEARED)
    after = _signs(later) if detailed else ""
    before = (_signs(earlier) or ", none") if detailed else ""
    return (
        f"{RATING_NAMES[later.context]} {pair(later)}{after} ({later.at:%a %H:%M}) "
        f"vs {pair(earlier)}{before}"
    )


def flagged_row(result: WalkOutcome) -> list[str]:
    walk = result.walk
    evidence = result.evidence
    why = "; ".join(REASON_TEXT[reason] for reason in result.reasons)
    masked = painkiller_text(result)
    if masked:
        why += f"; {masked}"
    return [
        f"{walk.start:%a %d %b %Y %H:%M}",
        f"{walk.minutes:g}",
        pair(result.baseline),
        pair(result.end),
        "–" if evidence is None else _evidence_text(evidence),
        "–" if evidence is None else evidence.change.text,
        why,
    ]


def unjudged_row(result: WalkOutcome) -> list[str]:
    why = "; ".join(NOT_JUDGED_TEXT[item] for item in result.not_judged)
    if result.high_pain is not None:
        why += f"; pain {pair(result.high_pain)} after the walk"
    masked = painkiller_text(result)
    if masked:
        why += f"; {masked}"
    return [
        f"{result.walk.start:%a %d %b %Y %H:%M}",
        f"{result.walk.minutes:g}",
        OUTCOME_TEXT[result.outcome],
        why,
    ]


def high_pain_row(result: WalkOutcome) -> list[str]:
    rating = result.high_pain
    assert rating is not None
    return [
        f"{result.walk.start:%a %d %b %Y %H:%M}",
        f"{result.walk.minutes:g}",
        f"{pair(rating)} at {rating.at:%H:%M}",
        OUTCOME_TEXT[result.outcome],
    ]


def high_pain_heading(settings: Settings, count: int) -> str:
    return (
        f"Walks with pain at or above {settings.red_from}/10 at the end or the follow-up "
        f"({count}), whatever came after"
    )


def change_text(change: PainChange | None, measured_at: str | None) -> str:
    if change is None or measured_at is None:
        return "–"
    suffix = "" if measured_at == MeasuredAt.FOLLOW_UP else f" ({measured_at})"
    return change.text + suffix


def _week_label(week: WeekVolume) -> str:
    labels = []
    if week.in_progress:
        labels.append("so far")
    if week.partly_outside_range:
        labels.append("partly outside the range; whole-week figures")
    return f" ({', '.join(labels)})" if labels else ""


def progression_lines(analysis: JournalAnalysis) -> list[str]:
    progression = analysis.progression
    settings = analysis.settings
    lines = []
    weeks = progression.weeks
    if weeks:
        last = weeks[-1]
        # None while the week is in progress: its minutes so far are shown without one.
        change = "" if last.change_percent is None else f" ({last.change_percent:+.0f} %)"
        line = (
            f"Walking in the week of {last.monday:%d %b}{_week_label(last)}: "
            f"{last.minutes:g} min{change}"
        )
        before = [w for w in weeks if w.monday == last.monday - timedelta(weeks=1)]
        if before:
            line += f"; the week before{_week_label(before[0])}: {before[0].minutes:g} min"
        lines.append(line + ".")
    target = progression.target
    # Name both weeks: the target is for next week, built on the last complete week.
    for_week = f"the week of {target.week:%d %b}" + (" (next week)" if target.next_week else "")
    if target.kind is TargetKind.INCREASE and target.minutes is not None and not target.reason:
        # The guide's arithmetic, not a prescription (issue 13).
        lines.append(
            f"{settings.weekly_increase_percent:g} % more than the week of "
            f"{target.base_week:%d %b} would be at most {target.minutes:.0f} min for "
            f"{for_week}; the walks of the week of {target.base_week:%d %b} all settled."
        )
    elif target.minutes is not None:
        lines.append(
            f"Suggested for {for_week}: at most {target.minutes:.0f} min; {target.reason}."
        )
    elif target.reason:
        lines.append(f"No target for {for_week}: {target.reason}.")
    above = progression.weeks_above_guide
    complete = [w for w in weeks if not w.in_progress]
    if above:
        lines.append(
            f"Weeks that rose above the {settings.weekly_increase_percent:g} %-a-week guide: "
            f"{len(above)} of {len(complete)} complete weeks"
            + (
                " (some partly outside the range)"
                if any(w.partly_outside_range for w in above)
                else ""
            )
            + "."
        )
    for week in progression.fast_restarts:
        lines.append(
            f"Week of {week.monday:%d %b}{_week_label(week)}: {week.minutes:g} min after "
            f"{week.break_weeks} week{'s' if week.break_weeks != 1 else ''} without walking "
            f"(before the break {week.restart_from_minutes:g} min): resume lighter, about "
            f"{settings.restart_percent:g} % of the old volume."
        )
    return lines


def tolerance_lines(analysis: JournalAnalysis) -> list[str]:
    settings = analysis.settings
    tolerance = analysis.tolerance
    current = analysis.progression.tolerance_minutes
    lines = [
        f"Current tolerance: the longest walk that settled in the last {TOLERANCE_WEEKS} weeks "
        f"of the period was {current:g} min (walks after a painkiller not counted)."
        if current is not None
        else f"Current tolerance: no walk was judged settled in the last {TOLERANCE_WEEKS} "
        "weeks of the period (walks without a rating before and a follow-up, or taken after "
        "a painkiller, are not evidence)."
    ]
    if tolerance.stopped_early:
        count = tolerance.stopped_early
        lines.append(f"Stopped early because of pain: {count} walk{'' if count == 1 else 's'}.")
    if tolerance.onset_median_minutes is not None:
        line = (
            f"Leg symptoms began after a median of {tolerance.onset_median_minutes:g} min "
            f"({tolerance.onset_walks} walks recorded)"
        )
        if tolerance.onset_trend is not None:
            line += (
                f"; earlier half {tolerance.onset_first_half_minutes:g} min, later half "
                f"{tolerance.onset_second_half_minutes:g} min"
            )
        lines.append(line + ".")
    if tolerance.high_pain:
        lines.append(
            f"Walks with pain at or above {settings.red_from}/10 at the end or the follow-up: "
            f"{len(tolerance.high_pain)} (listed on the following pages, even if they settled)."
        )
    masked = [o for o in analysis.outcomes if o.painkillers]
    if masked:
        settled = sum(1 for o in masked if o.outcome is Outcome.SETTLED)
        lines.append(
            f"Walks within {hours(settings.painkiller_window_hours)} after a medication dose: "
            f"{len(masked)}; pain after them may be masked"
            + (
                f"; those that settled after a dose ({settled}) do not count as tolerated "
                "or as evidence for an increase."
                if settled
                else "."
            )
        )
    return lines


def walk_counts_text(analysis: JournalAnalysis) -> str:
    """The period's walks by outcome. A walk whose follow-up is no longer asked for is
    not judged, with the words its journal row uses, not "awaiting" (walks from 2010)."""
    counts = {outcome: 0 for outcome in Outcome}
    no_follow_up = 0
    for result in analysis.outcomes:
        if result.outcome is Outcome.AWAITING_FOLLOW_UP and not follow_up_asked_on(
            result, analysis.today
        ):
            no_follow_up += 1
        else:
            counts[result.outcome] += 1
    text = (
        f"{counts[Outcome.SETTLED]} settled, {counts[Outcome.PAIN_CONTINUED]} pain continued "
        f"afterwards, {counts[Outcome.NOT_JUDGED]} not judged (no rating before the walk), "
        f"{counts[Outcome.AWAITING_FOLLOW_UP]} awaiting follow-up"
    )
    if no_follow_up:
        text += f", {no_follow_up} not judged ({NO_FOLLOW_UP_RECORDED})"
    return text


def correlation_lines(analysis: JournalAnalysis) -> list[str]:
    lines = []
    for result in (analysis.leg_correlation, analysis.back_correlation):
        # Plain words first; the figures (from the analysis) after them.
        words = result.words + (f" ({result.detail})" if result.detail else "")
        lines.append(words[0].upper() + words[1:] + ".")
    return lines
