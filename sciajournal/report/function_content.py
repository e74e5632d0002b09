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
from sciajournal.analysis.sleep_sitting import (
    FigureSpan,
    FigureWeek,
    SleepSittingWeek,
    sleep_sitting_spans,
)
from sciajournal.analysis.week_frame import RangeWeek

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


def _week_name(week: RangeWeek) -> str:
    marks = " so far" if week.in_progress else ""
    if week.partly_outside_range:
        marks += ", partly outside the period"
    return f"week of {week.monday:%d %b}{marks}"


def _count(figures: list[FigureWeek], unit: str) -> str:
    """The nights (or days) a week's figures rest on: the most of any figure."""
    return _plural(max(f.count for f in figures), unit)


_SLEEP_FORMATS = {"woken": ("woken ", "{:.1f}", "×/night"), "slept": ("", "{:.1f}", " h slept")}
_SITTING_FORMAT = ("sat comfortably up to ", "{:g}", " min")
Figure = tuple[tuple[str, str, str], FigureSpan]


def _figures(named: list[Figure], unit: str, weeks_named: bool) -> str:
    """Figures sharing their first and latest week, e.g. "woken 1.0 → 2.5×/night, 6.4 → 5.2
    h slept (week of 02 Nov, 7 nights → week of 23 Nov so far, 4 nights)"; without the
    weeks when the line's head names them."""
    spans = [span for _, span in named]
    sides = ("latest",) if spans[0].one_week else ("first", "latest")
    values = ", ".join(
        head + " → ".join(fmt.format(getattr(span, side).value) for side in sides) + tail
        for (head, fmt, tail), span in named
    )
    when = " → ".join(
        (f"{_week_name(getattr(spans[0], side).week)}, " if weeks_named else "")
        + _count([getattr(span, side) for span in spans], unit)
        for side in sides
    )
    return f"{values} ({when})"


def sleep_sitting_line(weeks: list[SleepSittingWeek]) -> str:
    """Each figure in the first week that has it and in the latest week that has it (the
    week in progress included, marked "so far")."""
    spans = sleep_sitting_spans(weeks)
    if not spans.recorded:
        return "Sleep and sitting: not recorded in this period."
    sleep: list[Figure] = [
        (_SLEEP_FORMATS[name], span)
        for name in ("woken", "slept")
        if (span := getattr(spans, name)) is not None
    ]
    sitting: list[Figure] = [
        (_SITTING_FORMAT, span) for span in [spans.sitting] if span is not None
    ]
    pairs = {(span.first.week, span.latest.week) for _, span in sleep + sitting}
    if len(pairs) == 1:  # one pair of weeks for all: named once, in the head
        first, latest = next(iter(pairs))
        head = _week_name(latest) if first == latest else (
            f"{_week_name(first)} → {_week_name(latest)}"
        )  # fmt: skip
        groups = [_figures(group, unit, False) for group, unit in
                  ((sleep, "night"), (sitting, "day")) if group]  # fmt: skip
        return f"Sleep and sitting, {head}: {', '.join(groups)}; no verdict*."
    groups = []
    if sleep and len({(s.first.week, s.latest.week) for _, s in sleep}) == 1:
        groups.append(_figures(sleep, "night", True))
    else:  # woken and slept recorded over different weeks: each with its own weeks
        groups.extend(_figures([figure], "night", True) for figure in sleep)
    if sitting:
        groups.append(_figures(sitting, "day", True))
    return f"Sleep and sitting: {'; '.join(groups)}; no verdict*."


def no_verdict_note(measures: FunctionMeasures) -> str:
    """The footnote to each "no verdict*": naming only the measures printed with one."""
    spans = sleep_sitting_spans(measures.sleep_sitting)
    names = [
        name
        for name, shown in (
            ("the SBI", measures.bothersomeness.change is not None),
            ("sleep", spans.woken is not None or spans.slept is not None),
            ("sitting", spans.sitting is not None),
        )
        if shown
    ]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return (
        "* shown without a verdict: no threshold for a meaningful change is published "
        f"for {listed}."
    )


@dataclass
class FunctionLines:
    #: The two scores with their change (and the PSFS verdict): full size, always shown.
    scores: list[str] = field(default_factory=list)
    #: For each score line: printed bold, as the pain table prints a meaningful change.
    emphasised: list[bool] = field(default_factory=list)
    #: Each activity's first and last score; sleep and sitting, first and latest week.
    detail: list[str] = field(default_factory=list)
    #: Sleep and sitting, first and latest week: stays on page one when the detail moves on
    #: (the latest week is the one a clinician most needs).
    sleep_on_page_one: str = ""
    note: str = ""


def function_lines(measures: FunctionMeasures) -> FunctionLines:
    """Page one's Function block: always at least one line."""
    if not measures.recorded:
        return FunctionLines([NOTHING], [False])
    scale = measures.functional_scale
    lines = FunctionLines(
        [sbi_line(measures.bothersomeness), psfs_line(scale)],
        [False, scale.verdict in (Verdict.BETTER, Verdict.WORSE)],
        sleep_on_page_one=sleep_sitting_line(measures.sleep_sitting),
        note=no_verdict_note(measures),
    )
    activities = activities_line(measures.functional_scale)
    if activities:
        lines.detail.append(activities)
    lines.detail.append(sleep_sitting_line(measures.sleep_sitting))
    return lines
