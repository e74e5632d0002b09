"""Pages two on, as a flow of paragraphs and tables (detail_pages puts it on pages).

What page one had no room for: its last blocks when they moved whole (`moved`), the rest
of every list it cut short, the flagged walks with their ratings, walks not judged, walks
with high pain, the correlation and the notes. Text only, no layout: a table is its rows,
so that no row is ever cut in two and every page it continues on repeats its header.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

from sciajournal.report.page_one_content import TREATMENT_HEADINGS
from sciajournal.report.page_one_layout import (
    MAX_RED_FLAGS_ON_PAGE_ONE,
    TREATMENT_NOTE,
    PageOneFit,
    medication_columns,
)
from sciajournal.report.summary_content import SummaryContent
from sciajournal.report.walk_wording import (
    FLAGGED_HEADINGS,
    HIGH_PAIN_HEADINGS,
    UNJUDGED_HEADINGS,
)

UNJUDGED_NOTE = (
    "A follow-up was recorded but nothing before the walk to compare it with: these walks "
    "are neither flagged nor counted as tolerated."
)


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of plain text; `style` is "", "head" or "small"."""

    text: str
    style: str = ""
    bold: bool = False
    #: Headings and the notes under them stay on the page of what they introduce.
    keep_with_next: bool = False

    def html(self) -> str:
        text = f"<b>{escape(self.text)}</b>" if self.bold else escape(self.text)
        return f"<p class='{self.style}'>{text}</p>" if self.style else f"<p>{text}</p>"


@dataclass(frozen=True, slots=True)
class Table:
    """A table, always under a heading (which names it again where it continues)."""

    headings: Sequence[str]
    rows: Sequence[Sequence[str]]
    small: bool = False


Item = Para | Table


def _heading(text: str) -> Para:
    return Para(text, "head", keep_with_next=True)


def _intro(text: str) -> Para:
    return Para(text, "small", keep_with_next=True)


def _section(title: str, table: Table, intro: str = "") -> list[Item]:
    """A heading, a small note under it, the table: never parted at a page's foot."""
    return [_heading(title), *([_intro(intro)] if intro else []), table]


def _moved_medication(content: SummaryContent) -> list[Item]:
    """Page one's Medication block, moved whole: every medicine, with its notes."""
    if not content.medications:
        return [_heading("Medication"), Para("No medication logged in this period.")]
    headings, rows = medication_columns(content)
    notes = [Para(note, "small") for note in content.medication_notes]
    return [_heading("Medication"), Table(headings, rows, small=True), *notes]


def _every_medicine(content: SummaryContent) -> list[Item]:
    """The rest of the medicines page one cut short (its notes stayed on page one)."""
    headings, rows = medication_columns(content)
    title = "Medication, every medicine"
    return _section(title, Table(headings, rows))


def _helped(content: SummaryContent) -> list[Item]:
    heading = "What helped: ice and heat"
    if not content.treatments:
        return [_heading(heading), Para("No ice or heat logged in this period.")]
    table = Table(TREATMENT_HEADINGS, content.treatments, small=True)
    return [_heading(heading), table, Para(TREATMENT_NOTE, "small")]


def _together(heading: str, paras: Sequence[Para]) -> list[Item]:
    """A few lines read as one: kept on one page with their heading where they fit."""
    glued = [replace(para, keep_with_next=True) for para in paras[:-1]]
    return [_heading(heading), *glued, *paras[-1:]]


def _function(content: SummaryContent) -> list[Item]:
    function = content.function
    lines = [Para(line) for line in function.detail]
    note = [Para(function.note, "small")] if function.note else []
    return _together("Function, each activity and sleep", [*lines, *note])


def detail_items(content: SummaryContent, fit: PageOneFit, moved: Sequence[str] = ()) -> list[Item]:
    """Pages two on, top to bottom; empty when page one showed everything."""
    items: list[Item] = []
    for name in moved:
        items += _moved_medication(content) if name == "medication" else []
        items += _helped(content) if name == "helped" else []
    if len(content.red_flags) > MAX_RED_FLAGS_ON_PAGE_ONE:
        items.append(_heading("All red-flag symptoms logged"))
        items += [Para(line) for line in content.red_flags]
    if content.flagged_walks:
        title = f"Walks after which pain continued ({len(content.flagged_walks)})"
        table = Table(FLAGGED_HEADINGS, content.flagged_walks)
        items += _section(title, table, content.flagged_note)
    if content.unjudged_walks:
        title = f"Walks not judged ({len(content.unjudged_walks)})"
        items += _section(title, Table(UNJUDGED_HEADINGS, content.unjudged_walks), UNJUDGED_NOTE)
    if content.high_pain_walks:
        title = content.high_pain_heading
        items += _section(title, Table(HIGH_PAIN_HEADINGS, content.high_pain_walks))
    if len(content.medications) > fit.medication_rows and "medication" not in moved:
        items += _every_medicine(content)
    if not fit.function_detail and content.function.detail:
        items += _function(content)
    if content.correlation_lines:
        lines = [Para(line) for line in content.correlation_lines]
        items += _together("Walking and pain the next day", lines)
    if content.notes:
        items += _section("Notes", Table(["when", "note"], content.notes))
    return items
