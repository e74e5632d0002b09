"""The timeline's red-flag stars: each grade as easy to see as the others on white, told
apart without colour, and the legend under the chart showing each as it is drawn."""

import re
from datetime import date, timedelta

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPalette

from sciajournal.analysis.red_flags import Urgency
from sciajournal.ui.charts import style
from sciajournal.ui.charts.chart_data import TimelineData, day_x
from sciajournal.ui.charts.timeline_chart import RED_FLAG_Y, TimelineChart

FIRST = date(2026, 3, 2)
#: One star of each grade, far enough apart not to touch.
AT = {Urgency.EMERGENCY: 3, Urgency.SAME_DAY: 9, Urgency.SOON: 15}


def drawn(qtbot) -> tuple[TimelineChart, QImage]:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.show()
    qtbot.waitExposed(chart)
    days = [day_x(FIRST + timedelta(days=n)) for n in range(21)]
    data = TimelineData(
        by_week=False,
        x=days,
        minutes=[0.0] * 21,
        back_mean=[1.0] * 21,
        back_max=[1.0] * 21,
        leg_mean=[2.0] * 21,
        leg_max=[3.0] * 21,
        hover=[""] * 21,
        red_flag_x={grade: [days[n]] for grade, n in AT.items()},
    )
    chart.show_data(data)
    return chart, chart.grab().toImage()


def star_pixels(chart: TimelineChart, image: QImage, grade: Urgency) -> list[QColor]:
    """The pixels of the box the star of `grade` is drawn in."""
    centre = chart.pain_box.mapViewToScene(QPointF(day_x(FIRST + timedelta(AT[grade])), RED_FLAG_Y))
    at = chart.mapFromScene(centre)
    ratio = image.devicePixelRatio()
    half = 14
    return [
        image.pixelColor(int((at.x() + dx) * ratio), int((at.y() + dy) * ratio))
        for dx in range(-half, half + 1)
        for dy in range(-half, half + 1)
    ]


def centre(pixels: list[QColor]) -> QColor:
    return pixels[len(pixels) // 2]


def ink(pixels: list[QColor], paper: QColor) -> int:
    """How many pixels stand out from the paper (WCAG's 3:1 for marks)."""
    return sum(style.contrast(pixel, paper) >= style.MARK_CONTRAST for pixel in pixels)


def test_the_soon_star_is_as_visible_as_the_others_on_white(qtbot):
    chart, image = drawn(qtbot)
    paper = style.background(chart.palette())
    assert paper.lightness() > 200  # the default, light palette
    seen = {grade: ink(star_pixels(chart, image, grade), paper) for grade in AT}
    assert seen[Urgency.SOON] >= seen[Urgency.SAME_DAY] > 20, seen


def test_the_grades_differ_in_shape_not_colour_alone(qtbot):
    chart, image = drawn(qtbot)
    grey = {  # in greyscale: how dark each star is at its centre, and its size
        grade: (
            round(
                style.luminance(
                    star_pixels(chart, image, grade)[len(star_pixels(chart, image, grade)) // 2]
                ),
                1,
            ),
            chart.red_flags[grade].opts["size"],
        )
        for grade in AT
    }
    assert len(set(grey.values())) == 3, grey
    # The least urgent is hollow: its centre is the paper.
    centre = star_pixels(chart, image, Urgency.SOON)[
        len(star_pixels(chart, image, Urgency.SOON)) // 2
    ]
    assert centre == style.background(chart.palette())


def test_each_legend_star_is_drawn_as_on_the_chart_and_stands_out(qtbot):
    chart, _image = drawn(qtbot)
    legend = chart.legend_html()
    glyphs = dict(
        (text, (colour, glyph))
        for colour, glyph, text in re.findall(
            r'color:(#[0-9a-f]{6})">([★☆])</span>&nbsp;red&nbsp;flag&nbsp;found:&nbsp;([a-z&;]+)',
            legend,
        )
    )
    assert set(glyphs) == {"emergency&nbsp;now", "same&nbsp;day", "soon"}
    assert glyphs["soon"][1] == "☆"  # hollow, as the mark
    assert glyphs["emergency&nbsp;now"][1] == glyphs["same&nbsp;day"][1] == "★"
    window = chart.palette().color(QPalette.ColorRole.Window)
    for colour, _glyph in glyphs.values():  # on the window, and on a saved image's paper
        for paper in (window, style.background(chart.palette())):
            assert style.contrast(QColor(colour), paper) >= style.MARK_CONTRAST, colour
    soon_outline = chart.red_flags[Urgency.SOON].opts["pen"].color()
    assert QColor(glyphs["soon"][0]) == style.legible(soon_outline, window)
