"""The summary on a high-resolution printer looks as it does in the saved PDF.

The print preview draws on a QPrinter in HighResolution mode (1200 dpi here), the saved
PDF on a 96-dpi QPdfWriter. Both are printed to PDF files, rasterised and compared.
"""

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtPrintSupport import QPrinter

from sciajournal.core.entities import PainRating, Walk
from sciajournal.report.loading import summary_for
from sciajournal.report.summary_document import page_layout, render_summary, write_pdf
from tests.report.page_images import DARK, chart_band, dark_rows, page_one_image
from tests.report.test_summary_pdf import pdf_pages, squash

CET = timezone(timedelta(hours=1))
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 30)


@pytest.fixture(autouse=True)
def _qt(qapp):
    """Fonts, QPdfWriter and QPrinter need a Qt application."""


@pytest.fixture
def both(journal, tmp_path):
    """The same summary through the PDF writer and through a 1200-dpi printer."""
    for day in range(1, 30):
        start = datetime(2026, 3, day, 10, 0, tzinfo=CET)
        journal.add(Walk(start=start, minutes=10 + day % 7 * 5))
        journal.add(PainRating(at=start - timedelta(hours=1), back=day % 4, leg=2 + day % 5))
    content = summary_for(journal, FIRST, LAST, LAST)
    written = tmp_path / "written.pdf"
    write_pdf(str(written), content, "a4")
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPageLayout(page_layout("a4"))
    assert printer.resolution() >= 600  # the case that went wrong: far above 96 dpi
    render_summary(printer, content)
    return written, printed


def test_the_printer_draws_page_one_as_the_pdf_writer_does(both):
    written, printed = (page_one_image(pdf) for pdf in both)
    assert written.shape == printed.shape
    differing = np.abs(written.astype(int) - printed.astype(int)) > DARK // 2
    # Sub-pixel shifts (the devices round the margins differently) differ at the edges of
    # text; the chart squashed and its text 12.5 times too big differed on about 4 %.
    assert differing.mean() < 0.015


def test_the_printed_chart_fills_its_place_under_its_heading(both):
    written, printed = both
    band = chart_band(printed)
    assert band[1] - band[0] > 50  # about 110 logical units at 50 dpi: the chart's place
    assert chart_band(written) == pytest.approx(band, abs=1)
    assert dark_rows(page_one_image(printed), band) > 0.85
    assert dark_rows(page_one_image(written), band) > 0.85


def test_the_printed_chart_and_footer_text_is_on_the_page(both):
    written, printed = (squash(pdf_pages(pdf)[0]) for pdf in both)
    for text in ("walking minutes per day", "leg pain (mean)", "Page 1 of 2"):
        assert text in written
        assert text in printed
