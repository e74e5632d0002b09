"""What the doctor-visit summary says, computed from the analysis; no Qt, no layout.

Every number comes from the analysis layer; this module only selects and words them.
The PDF renderer lays this out; tests compare the printed text with it.
"""

from dataclasses import dataclass, field
from datetime import date

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.analysis.medication import doses_before_walks
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.pain_levels import WorstPain, worst_pain
from sciajournal.analysis.red_flags import Urgency
from sciajournal.analysis.series import Day, weekly_points
from sciajournal.analysis.today import follow_up_asked_on
from sciajournal.analysis.trends import PainTrend, meaningful_step, pain_trends
from sciajournal.core.collection import Entries
from sciajournal.report import walk_wording as wording
from sciajournal.report.function_content import FunctionLines, function_lines
from sciajournal.report.page_one_content import (
    leg_symptom_lines,
    medication_notes,
    medication_rows,
    red_flag_lines,
    treatment_rows,
)

#: Up to this many days the chart shows days; beyond, weeks.
DAILY_CHART_MAX_DAYS = 45


@dataclass(frozen=True)
class ChartPoint:
    day: date  # the day, or the Monday of the week
    minutes: float
    back: float | None
    leg: float | None
    #: +1 / -1 where the mean rose / fell by the meaningful points since the previous point.
    back_step: int = 0
    leg_step: int = 0


@dataclass
class SummaryContent:
    first_day: date
    last_day: date
    generated: date
    patient_name: str
    change_points: int
    is_empty: bool
    #: Red flags logged in the range, one line each, newest first.
    red_flags: list[str] = field(default_factory=list)
    #: The grade of the most urgent sign in the range; None without red flags.
    red_flag_urgency: Urgency | None = None
    #: "none recorded; last screened ..." or the range's checks, always present.
    red_flag_screening: str = ""
    #: "before this period: DATE, SIGN" lines for red flags in the months before the range.
    earlier_red_flags: list[str] = field(default_factory=list)
    earlier_red_flag_urgency: Urgency | None = None
    trends: list[PainTrend] = field(default_factory=list)
    #: The worst single ratings beside the trend's means (back, then leg).
    worst: list[WorstPain] = field(default_factory=list)
    #: Where leg symptoms reach, side, spreading or receding, nerve-sign counts.
    leg_lines: list[str] = field(default_factory=list)
    #: Bothersomeness, own activities (with the one verdict), sleep and sitting.
    function: FunctionLines = field(default_factory=FunctionLines)
    chart_by_week: bool = False
    chart: list[ChartPoint] = field(default_factory=list)
    walks: int = 0
    walk_minutes: float = 0
    settled: int = 0
    pain_continued: int = 0
    awaiting: int = 0
    not_judged: int = 0
    #: "3 settled, 1 pain continued afterwards, ...": every outcome, named.
    counts_text: str = ""
    #: The trend table's wording, with the window and thresholds it applies.
    trend_heading: str = ""
    trend_columns: list[str] = field(default_factory=list)
    trend_note: str = ""
    trend_rows: list[list[str]] = field(default_factory=list)
    progression_lines: list[str] = field(default_factory=list)
    tolerance_lines: list[str] = field(default_factory=list)
    correlation_lines: list[str] = field(default_factory=list)
    flagged_note: str = ""
    flagged_walks: list[list[str]] = field(default_factory=list)
    unjudged_walks: list[list[str]] = field(default_factory=list)
    high_pain_walks: list[list[str]] = field(default_factory=list)
    high_pain_heading: str = ""
    #: One row per medicine (page_one_content.MEDICATION_HEADINGS), most used first.
    medications: list[list[str]] = field(default_factory=list)
    medication_notes: list[str] = field(default_factory=list)
    #: Whether the analysis links doses to walks (the "before walks" column means something).
    before_walks_known: bool = False
    treatments: list[list[str]] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def has_detail(self) -> bool:
        return bool(
            self.flagged_walks
            or self.unjudged_walks
            or self.high_pain_walks
            or self.medications
            or self.treatments
            or self.notes
        )


def chart_points(days: list[Day], points: int) -> tuple[bool, list[ChartPoint]]:
    by_week = len(days) > DAILY_CHART_MAX_DAYS
    raw: list[tuple[date, float, float | None, float | None]]
    if by_week:
        raw = [(w.monday, w.walk_minutes, w.back_mean, w.leg_mean) for w in weekly_points(days)]
    else:
        raw = [(d.day, d.walk_minutes, d.back_mean, d.leg_mean) for d in days]
    chart: list[ChartPoint] = []
    last_back: float | None = None
    last_leg: float | None = None
    for day, minutes, back, leg in raw:
        chart.append(
            ChartPoint(
                day,
                minutes,
                back,
                leg,
                meaningful_step(back, last_back, points),
                meaningful_step(leg, last_leg, points),
            )
        )
        last_back = back if back is not None else last_back
        last_leg = leg if leg is not None else last_leg
    return by_week, chart


def summary_content(analysis: JournalAnalysis, entries: Entries, generated: date) -> SummaryContent:
    """`entries` are those the analysis was run on; notes are taken from them by date."""
    settings = analysis.settings
    points = settings.pain_change_points

    def inside(day: date) -> bool:
        return analysis.first_day <= day <= analysis.last_day

    in_range = [e for e in entries if inside(e.when.date())]
    content = SummaryContent(
        first_day=analysis.first_day,
        last_day=analysis.last_day,
        generated=generated,
        patient_name=settings.patient_name,
        change_points=points,
        is_empty=not in_range,
    )
    if content.is_empty:
        return content

    red_flags = red_flag_lines(analysis.red_flag_history)
    content.red_flags = red_flags.flagged
    content.red_flag_urgency = analysis.red_flag_history.most_urgent
    content.red_flag_screening = red_flags.screening
    content.earlier_red_flags = red_flags.earlier
    content.earlier_red_flag_urgency = red_flags.earlier_urgency
    content.worst = worst_pain(analysis.days)
    content.leg_lines = leg_symptom_lines(analysis.leg_symptoms)
    content.function = function_lines(analysis.function)
    content.trends = pain_trends(analysis.days)
    content.trend_heading = wording.trend_heading()
    content.trend_columns = wording.trend_columns()
    content.trend_note = wording.trend_note(points)
    content.trend_rows = [wording.trend_cells(trend, points) for trend in content.trends]
    content.chart_by_week, content.chart = chart_points(analysis.days, points)
    outcomes = analysis.outcomes
    content.walks = len(outcomes)
    content.walk_minutes = sum(o.walk.minutes for o in outcomes)
    content.settled = sum(o.outcome is Outcome.SETTLED for o in outcomes)
    content.pain_continued = sum(o.outcome is Outcome.PAIN_CONTINUED for o in outcomes)
    content.awaiting = sum(follow_up_asked_on(o, generated) for o in outcomes)
    content.not_judged = sum(o.outcome is Outcome.NOT_JUDGED for o in outcomes)
    content.counts_text = wording.walk_counts_text(analysis)
    content.progression_lines = wording.progression_lines(analysis)
    content.tolerance_lines = wording.tolerance_lines(analysis)
    content.correlation_lines = wording.correlation_lines(analysis)
    content.flagged_note = wording.flagged_table_note(settings)
    content.flagged_walks = [
        wording.flagged_row(o) for o in outcomes if o.outcome is Outcome.PAIN_CONTINUED
    ]
    content.unjudged_walks = [
        wording.unjudged_row(o) for o in outcomes if o.outcome is Outcome.NOT_JUDGED
    ]
    content.high_pain_walks = [wording.high_pain_row(o) for o in analysis.tolerance.high_pain]
    content.high_pain_heading = wording.high_pain_heading(settings, len(content.high_pain_walks))
    # Doses linked to walks (taken in the hours before): pain afterwards may be masked.
    linked = [dose for o in outcomes for dose in o.painkillers]
    content.before_walks_known = True
    content.medications = medication_rows(
        analysis.medication, content.days, doses_before_walks(linked, settings)
    )
    content.medication_notes = medication_notes(analysis.medication)
    content.treatments = treatment_rows(analysis.treatments)
    content.notes = [
        [f"{note.at:%a %d %b %Y %H:%M}", note.text]
        for note in entries.notes
        if inside(note.at.date())
    ]
    return content
