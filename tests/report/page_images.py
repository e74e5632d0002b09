"""Page one of a real PDF as a grey image, and where its chart sits, for layout checks."""

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import numpy as np

from tests.report.test_summary_pdf import poppler

DPI = 50
DARK = 128


def page_one_image(pdf: Path) -> np.ndarray:
    """Page one rasterised by pdftoppm at DPI, grey levels 0 (black) to 255, rows by columns."""
    grey = subprocess.run(
        [poppler("pdftoppm"), "-gray", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    magic, width, height, _maximum, pixels = grey.split(maxsplit=4)
    assert magic == b"P5"
    shape = (int(height), int(width))
    return np.frombuffer(pixels[: shape[0] * shape[1]], np.uint8).reshape(shape)


def page_one_words(pdf: Path) -> list[tuple[str, float, float]]:
    """Page one's words in reading order, each with its top and bottom in points."""
    xhtml = subprocess.run(
        [poppler("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = ElementTree.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}word")
    return [(w.text or "", float(w.get("yMin", 0)), float(w.get("yMax", 0))) for w in words]


def chart_band(pdf: Path) -> tuple[int, int]:
    """The image rows between the "Walking per ..." heading and the "N walks" line below it."""
    words = page_one_words(pdf)
    heading = next(
        index
        for index, (text, _, _) in enumerate(words[:-1])
        if text == "Walking" and words[index + 1][0] == "per"
    )
    below = next(top for text, top, _ in words[heading:] if text == "walks,")
    return round(words[heading][2] * DPI / 72), round(below * DPI / 72)


def dark_rows(image: np.ndarray, band: tuple[int, int]) -> float:
    """The share of the band's rows that have ink on them."""
    rows = image[band[0] : band[1]]
    return float((rows < DARK).any(axis=1).mean())
