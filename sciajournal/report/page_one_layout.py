"""Page one of the summary as HTML blocks, in the order a clinician reads them.

Red flags, pain (mean and worst), leg symptoms, function, walking (chart,
tolerance, flagged and not-judged walks), medication, what helped. Every block has at
least one line on page one; long tables are cut to a few rows there, and the cut says
"continued on page 2" (summary_document lays out the rest).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from sciajournal.analysis.red_flags import WORDING, Urgency
from sciajournal.report.page_one_content import MEDICATION_HEADINGS, TREATMENT_HEADINGS
from sciajournal.report.summary_content import SummaryContent

#: Red flags listed in page one's box; more go to page two.
MAX_RED_FLAGS_ON_PAGE_ONE = 6
CONTINUED = "continued on page 2"
TREATMENT_NOTE = "Average change = pain after minus before; negative means pain went down."


@dataclass(frozen=True, slots=True)
class PageOneFit:
    """How much page one holds; summary_document tries these from roomiest to tightest."""

    flagged_rows: int
    medication_rows: int
    chart_height: float
    #: Each activity's scores on page one (else page two; sleep and sitting stay).
    function_detail: bool = True
    #: The body text's size in points; the tightest fits print a little smaller.
    font_size: float = 9.5


FITS = (
    PageOneFit(3, 4, 230),
    PageOneFit(3, 4, 190),
    PageOneFit(2, 3, 170),
    PageOneFit(1, 2, 150),
    PageOneFit(0, 1, 140),
    # A little smaller print before anything moves to page two; then the Function detail.
    PageOneFit(0, 1, 130, font_size=9.0),
    PageOneFit(0, 1, 130, function_detail=False, font_size=9.0),
    PageOneFit(0, 1, 120, function_detail=False, font_size=8.5),
)


def table(headings: Sequence[str], rows: Sequence[Sequence[str]], small: bool = False) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    css = ' class="small"' if small else ""
    return f'<table width="100%" cellspacing="0"{css}><tr>{head}</tr>{body}</table>'


def _period(content: SummaryContent) -> str:
    return f"{content.first_day:%d %B %Y} to {content.last_day:%d %B %Y} ({content.days} days)"


def header_html(content: SummaryContent) -> str:
    name = f"<b>Patient:</b> {escape(content.patient_name)} · " if content.patient_name else ""
    return (
        f"<h1>Sciatica: walking and pain summary</h1><p>{name}<b>Period:</b> {_period(content)}</p>"
    )


def running_head_html(content: SummaryContent) -> str:
    """Atop pages two on: whose summary, which period, and that it goes on from page one."""
    name = f"Patient: {escape(content.patient_name)} · " if content.patient_name else ""
    return (
        '<p class="small"><b>Sciatica: walking and pain summary</b> · '
        f"{name}Period: {_period(content)} · continued</p>"
    )


def red_flags_html(content: SummaryContent) -> str:
    """Always present: the red flags (boxed, graded), or when the patient last screened."""
    earlier = "".join(f"<p><b>{escape(line)}</b></p>" for line in content.earlier_red_flags)
    screening = escape(content.red_flag_screening)
    if not content.red_flags and content.earlier_red_flags:
        # As heavy as a red flag in the period: an emergency sign two months ago under
        # "none recorded" and a bare "earlier:" line was easy to read past.
        wording = WORDING[content.earlier_red_flag_urgency or Urgency.SOON]
        return (
            '<table width="100%" border="2" cellpadding="5" cellspacing="0"><tr><td>'
            "<p><b>RED-FLAG SYMPTOMS LOGGED BEFORE THIS PERIOD "
            f"({len(content.earlier_red_flags)}); most urgent: {wording.grade.upper()} "
            f"({wording.where})</b></p>{earlier}"
            f'<p class="small">Red flags: {screening}.</p></td></tr></table>'
        )
    if not content.red_flags:
        return f"<p><b>Red flags:</b> {screening}.</p>{earlier}"
    shown = content.red_flags[:MAX_RED_FLAGS_ON_PAGE_ONE]
    more = len(content.red_flags) - len(shown)
    lines = "".join(f"<p>{escape(line)}</p>" for line in shown)
    if more:
        lines += f"<p>… and {more} more, {CONTINUED}.</p>"
    wording = WORDING[content.red_flag_urgency or Urgency.SOON]
    return (
        '<table width="100%" border="2" cellpadding="5" cellspacing="0"><tr><td>'
        f"<p><b>RED-FLAG SYMPTOMS LOGGED ({len(content.red_flags)}); most urgent: "
        f"{wording.grade.upper()} ({wording.where})</b></p>{lines}"
        f'<p class="small">{screening}.</p>{earlier}</td></tr></table>'
    )


def _mean_and_worst(mean: float | None, worst: int | None) -> str:
    if mean is None:
        return "–"
    return f"{mean:.1f}" + (f" (worst {worst})" if worst is not None else "")


def pain_html(content: SummaryContent) -> str:
    first, last = (escape(column) for column in content.trend_columns)
    rows = ""
    for trend, worst in zip(content.trends, content.worst, strict=False):
        change = "–"
        if trend.change is not None:
            change = f"{trend.change:+.1f}" + (
                f" ({trend.percent:+.0f} %)" if trend.percent is not None else ""
            )
        verdict = escape(trend.verdict(content.change_points))
        if trend.is_meaningful(content.change_points):
            verdict = f"<b>{verdict}</b>"
        top = "–"
        if worst.worst is not None and worst.worst_day is not None:
            top = f"{worst.worst} ({worst.worst_day.day:%d %b})"
        cells = [
            f"<b>{trend.site}</b>",
            _mean_and_worst(trend.start, worst.first),
            _mean_and_worst(trend.end, worst.last),
            change,
            verdict,
            top,
        ]
        rows += "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
    return (
        "<p class='head'>Pain (0-10)</p>"
        '<table width="100%" cellspacing="0"><tr><th width="7%"></th>'
        f'<th width="16%">{first}: mean (worst)</th>'
        f'<th width="16%">{last}, now: mean (worst)</th>'
        '<th width="16%">change of mean</th><th width="31%">meaning</th>'
        f'<th width="14%">worst in period</th></tr>{rows}</table>'
        f'<p class="small">{escape(content.trend_note)} Worst: the highest single rating.</p>'
    )


def leg_html(content: SummaryContent) -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in content.leg_lines)
    return f"<p class='head'>Leg symptoms</p>{lines}"


def function_html(content: SummaryContent, fit: PageOneFit) -> str:
    """Bothersomeness, own activities, sleep and sitting: figures, one verdict (PSFS).
    Where room is short, each activity's scores go to page two; sleep and sitting stay."""
    function = content.function
    lines = "".join(
        f"<p><b>{escape(line)}</b></p>" if strong else f"<p>{escape(line)}</p>"
        for line, strong in zip(function.scores, function.emphasised, strict=True)
    )
    if fit.function_detail or not function.detail:
        small = list(function.detail)
    else:
        small = [f"{function.sleep_on_page_one} Each activity's scores: {CONTINUED}."]
    # The footnote goes under the lines it explains, never in the heading, where a
    # skimming reader would take "no meaningful change ..." for a finding.
    small += [function.note] if function.note else []
    lines += "".join(f'<p class="small">{escape(line)}</p>' for line in small)
    return f"<p class='head'>Function</p>{lines}"


def walking_heading_html(content: SummaryContent) -> str:
    return f"<p class='head'>Walking per {'week' if content.chart_by_week else 'day'} and pain</p>"


def _walks(count: int) -> str:
    return f"{count} walk{'s' if count != 1 else ''}"


def walking_html(content: SummaryContent, fit: PageOneFit) -> str:
    """Counts, tolerance, the weekly guide, flagged walks (a few) and walks not judged."""
    lines = "".join(
        f"<p>{escape(line)}</p>" for line in content.tolerance_lines + content.progression_lines
    )
    counts = (
        f"<p><b>{content.walks} walks</b>, {content.walk_minutes:g} minutes in all: "
        f"{escape(content.counts_text)}.</p>"
    )
    flagged = ""
    if content.flagged_walks:
        shown = [[row[0], row[1], row[-1]] for row in content.flagged_walks[: fit.flagged_rows]]
        if shown:
            flagged = table(["flagged walk", "min", "why flagged"], shown, small=True)
        more = len(content.flagged_walks) - len(shown)
        flagged += (
            f'<p class="small">{_walks(len(content.flagged_walks))} after which pain continued'
            + (
                f"; {'all' if not shown else f'{more} more'}, with the ratings that raised "
                f"the flag, {CONTINUED}.</p>"
                if more
                else "; their ratings are on page 2.</p>"
            )
        )
    if content.unjudged_walks:
        flagged += (
            f'<p class="small">{_walks(len(content.unjudged_walks))} not judged (no rating before '
            "the walk): neither flagged nor counted as tolerated; listed on page 2.</p>"
        )
    return counts + lines + flagged


def medication_html(content: SummaryContent, fit: PageOneFit) -> str:
    if not content.medications:
        return "<p class='head'>Medication</p><p>No medication logged in this period.</p>"
    headings, rows = medication_columns(content)
    shown = rows[: fit.medication_rows]
    more = len(rows) - len(shown)
    html = "<p class='head'>Medication</p>" + table(headings, shown, small=True)
    if more:
        html += f'<p class="small">… and {more} more medicines, {CONTINUED}.</p>'
    notes = "".join(f'<p class="small">{escape(note)}</p>' for note in content.medication_notes)
    return html + notes


def medication_columns(content: SummaryContent) -> tuple[list[str], list[list[str]]]:
    if content.before_walks_known:
        return MEDICATION_HEADINGS, content.medications
    return MEDICATION_HEADINGS[:-1], [row[:-1] for row in content.medications]


def helped_html(content: SummaryContent) -> str:
    if not content.treatments:
        return (
            "<p class='head'>What helped: ice and heat</p>"
            "<p>No ice or heat logged in this period.</p>"
        )
    return (
        "<p class='head'>What helped: ice and heat</p>"
        + table(TREATMENT_HEADINGS, content.treatments, small=True)
        + f'<p class="small">{TREATMENT_NOTE}</p>'
    )


def page_one_overflows(content: SummaryContent, fit: PageOneFit) -> bool:
    """Whether anything page one cut for this fit must be continued on page two."""
    return (
        len(content.flagged_walks) > fit.flagged_rows
        or len(content.medications) > fit.medication_rows
        or len(content.red_flags) > MAX_RED_FLAGS_ON_PAGE_ONE
        or (not fit.function_detail and bool(content.function.detail))
    )
