"""Puts the detail flow (detail_flow) on pages two on, one HTML document per page.

Each page is laid out and drawn on its own, whole: nothing is clipped, so the PDF's text
is exactly what is printed (a document drawn through a clip rectangle keeps the cut-off
lines in the PDF's text, where copying and screen readers find them). A table row or a
paragraph is never cut in two; a table continued on a new page repeats its header row,
under its heading with "continued from page N"; a heading never ends a page.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

from PySide6.QtGui import QTextDocument, QTextTable

from sciajournal.report.detail_flow import Item, Para, Table
from sciajournal.report.html_layout import document, height
from sciajournal.report.page_one_layout import table as auto_width_table


@dataclass(frozen=True, slots=True)
class _Unit:
    """What is never cut: a paragraph, or one row of a table."""

    height: float
    para: Para | None = None
    table: int = -1  # index into _Flow.tables
    row: Sequence[str] = ()
    #: The heading this unit comes under ("" before the first heading).
    section: str = ""
    keep_with_next: bool = False


@dataclass
class _Columns:
    """One table's column widths (percent of the page), the same on every page it is on."""

    table: Table
    widths: list[float]
    header_height: float = 0.0


@dataclass
class _Flow:
    width: float
    room: float
    tables: list[_Columns] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)


def _table_html(columns: _Columns, rows: Sequence[Sequence[str]]) -> str:
    head = "".join(
        f'<th width="{width:.2f}%">{escape(text)}</th>'
        for text, width in zip(columns.table.headings, columns.widths, strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    css = ' class="small"' if columns.table.small else ""
    return f'<table width="100%" cellspacing="0"{css}><tr>{head}</tr>{body}</table>'


def _only_table(laid_out: QTextDocument) -> QTextTable:
    return next(f for f in laid_out.rootFrame().childFrames() if isinstance(f, QTextTable))


def _row_tops(laid_out: QTextDocument) -> list[float]:
    table, layout = _only_table(laid_out), laid_out.documentLayout()
    return [
        layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block()).top()
        for row in range(table.rows())
    ]


def _columns(table: Table, width: float) -> _Columns:
    """The widths the whole table takes when laid out by itself, as percentages."""
    laid_out = document(auto_width_table(list(table.headings), table.rows, table.small), width)
    qt_table, layout = _only_table(laid_out), laid_out.documentLayout()
    lefts = [
        layout.blockBoundingRect(qt_table.cellAt(0, column).firstCursorPosition().block()).left()
        for column in range(qt_table.columns())
    ]
    edges = [*lefts, lefts[0] + width]
    return _Columns(table, [100 * (b - a) / width for a, b in pairwise(edges)])


def _split_text(text: str, fits: Callable[[str], bool]) -> tuple[str, str]:
    """The longest start of `text`, in whole words, that `fits`, and the rest."""
    words = text.split(" ")
    low, high = 1, len(words) - 1  # at least one word on each side
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle])):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]), " ".join(words[low:])


def _add_table(flow: _Flow, table: Table, section: str, headroom: float) -> None:
    columns = _columns(table, flow.width)
    flow.tables.append(columns)
    index = len(flow.tables) - 1
    laid_out = document(_table_html(columns, table.rows), flow.width)
    tops = [*_row_tops(laid_out), laid_out.size().height()]
    columns.header_height = tops[1]
    limit = flow.room - headroom - columns.header_height
    for row, (top, bottom) in enumerate(pairwise(tops[1:])):
        cells = table.rows[row]
        while bottom - top > limit:  # taller than a page (a very long note): cut in words
            longest = max(range(len(cells)), key=lambda column: len(cells[column]))

            def fits(text: str, cells: Sequence[str] = cells, longest: int = longest) -> bool:
                trial = [text if c == longest else cell for c, cell in enumerate(cells)]
                return height(_table_html(columns, [trial]), flow.width) <= limit + tops[1]

            first, rest = _split_text(cells[longest], fits)
            head = [first if c == longest else cell for c, cell in enumerate(cells)]
            size = _one_row(columns, head, flow.width)
            flow.units.append(_Unit(size, table=index, row=head, section=section))
            cells = ["(continued)" if c == 0 else "" for c in range(len(cells))]
            cells[longest] = rest
            top, bottom = 0, _one_row(columns, cells, flow.width)
        flow.units.append(_Unit(bottom - top, table=index, row=cells, section=section))


def _one_row(columns: _Columns, row: Sequence[str], width: float) -> float:
    return height(_table_html(columns, [row]), width) - columns.header_height


def _add_para(flow: _Flow, para: Para, section: str, headroom: float) -> None:
    size = height(para.html(), flow.width)
    while size > flow.room - headroom:  # a paragraph taller than a page: cut in words

        def fits(text: str, style: str = para.style) -> bool:
            return height(Para(text, style).html(), flow.width) <= flow.room - headroom

        first, rest = _split_text(para.text, fits)
        head = Para(first, para.style, para.bold)
        flow.units.append(_Unit(height(head.html(), flow.width), head, section=section))
        para = Para(rest, para.style, para.bold, para.keep_with_next)
        size = height(para.html(), flow.width)
    flow.units.append(_Unit(size, para, section=section, keep_with_next=para.keep_with_next))


def _continued(section: str, page: int) -> Para:
    return Para(f"{section}, continued from page {page}", "head")


def _flow(items: Sequence[Item], width: float, room: float) -> _Flow:
    flow = _Flow(width, room)
    headroom = height(_continued("X", 99).html(), width)
    section = ""
    for item in items:
        if isinstance(item, Table):
            _add_table(flow, item, section, headroom)
        else:
            section = item.text if item.style == "head" else section
            _add_para(flow, item, section if item.style != "head" else "", headroom)
    return flow


def _page_html(flow: _Flow, units: Sequence[_Unit], continued: Para | None) -> str:
    parts = [continued.html()] if continued else []
    rows: list[Sequence[str]] = []
    for index, unit in enumerate(units):
        if unit.para is not None:
            parts.append(unit.para.html())
            continue
        rows.append(unit.row)
        following = units[index + 1] if index + 1 < len(units) else None
        if following is None or following.table != unit.table:
            parts.append(_table_html(flow.tables[unit.table], rows))
            rows = []
    return "".join(parts)


def _estimate_end(flow: _Flow, start: int, used: float) -> int:
    """Where the page starting at `start` ends, by the units' own heights: after the last
    unit that fits and may end a page (a heading and the note under it may not)."""
    end = None
    for index in range(start, len(flow.units)):
        unit = flow.units[index]
        first_row = index == start or flow.units[index - 1].table != unit.table
        new_table = unit.table >= 0 and first_row
        used += unit.height + (flow.tables[unit.table].header_height if new_table else 0)
        if used > flow.room:  # a run kept together but taller than a page is cut after all
            return end if end is not None else max(index, start + 1)
        if not unit.keep_with_next:
            end = index + 1
    return len(flow.units)


def paginate(items: Sequence[Item], width: float, room: float, first_page: int = 2) -> list[str]:
    """The HTML of each page, each `room` logical units tall at most when laid out."""
    flow = _flow(items, width, room)
    pages: list[str] = []
    section_pages: dict[str, int] = {}
    start = 0
    while start < len(flow.units):
        page = first_page + len(pages)
        section = flow.units[start].section
        continued = _continued(section, section_pages[section]) if section else None
        end = _estimate_end(flow, start, height(continued.html(), width) if continued else 0)
        html = _page_html(flow, flow.units[start:end], continued)
        while height(html, width) > room:  # the estimate was short: end a unit earlier
            breaks = [i + 1 for i in range(start, end - 1) if not flow.units[i].keep_with_next]
            breaks = breaks or list(range(start + 1, end))
            if not breaks:
                break
            end = breaks[-1]
            html = _page_html(flow, flow.units[start:end], continued)
        for unit in flow.units[start:end]:
            if unit.para is not None and unit.para.style == "head":
                section_pages.setdefault(unit.para.text, page)
        pages.append(html)
        start = end
    return pages
