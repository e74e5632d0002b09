"""A saved chart shows what the window shows: the response chart's notes under it (pain
continued by walk length, and walking against next-day pain) are in its PNG and SVG."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QImage

from sciajournal.demo import demo_entries
from sciajournal.ui.charts import style
from sciajournal.ui.charts.chart_export import PNG_SCALE, Caption, Layout, export_png
from sciajournal.ui.main_window import MainWindow
from tests.ui.menu_driving import answer_file_dialog_later

NOW = datetime(2026, 3, 20, 20, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def charts(qtbot, journal):
    journal.add_many(demo_entries(60, seed=3, end=NOW))
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    shown = window.show_charts()
    shown.set_range("Month")
    bar = shown.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    qtbot.waitUntil(lambda: shown.tabs.currentIndex() == 2)
    return shown


def save(charts, qtbot, monkeypatch, path):
    button = charts.svg_button if path.suffix == ".svg" else charts.png_button
    answer_file_dialog_later(monkeypatch, path)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert path.exists()


def test_the_response_charts_notes_are_in_its_saved_svg(charts, qtbot, monkeypatch, tmp_path):
    notes = charts.bands.text()
    assert charts.bands.isVisible() and "next-day" in notes
    save(charts, qtbot, monkeypatch, tmp_path / "response.svg")
    svg = (tmp_path / "response.svg").read_text()
    assert ">Walk length and pain afterwards<" in svg
    assert "Pain continued, by walk length:" in svg
    # Each line's words, wrapped where the page is narrow, are all there.
    for word in notes.replace("\n", " ").split():
        assert word.replace("&", "&amp;") in svg, word


def test_the_response_charts_notes_are_inked_under_its_saved_png(
    charts, qtbot, monkeypatch, tmp_path
):
    save(charts, qtbot, monkeypatch, tmp_path / "response.png")
    saved = QImage(str(tmp_path / "response.png"))
    # The same chart saved with its title and period only: the plot ends where it ends.
    bare = tmp_path / "bare.png"
    export_png(charts.response, bare, Caption("Walk length and pain afterwards", "period"))
    plot_end = QImage(str(bare)).height()
    line = QFontMetrics(charts.response.font()).height() * PNG_SCALE
    assert saved.height() >= plot_end + 3 * line  # room for the notes' lines
    paper = saved.pixelColor(0, saved.height() - 1)
    inked = [
        y
        for y in range(plot_end, saved.height())
        if any(
            style.contrast(saved.pixelColor(x, y), paper) >= 3
            for x in range(0, saved.width() // 2, 2)
        )
    ]
    assert len(inked) >= 2 * line  # text, not an empty band


def test_a_plots_own_legend_is_as_large_in_the_saved_png_as_its_other_text(qtbot, tmp_path):
    from sciajournal.ui.charts.weekly_chart import WeeklyChart

    chart = WeeklyChart()
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    caption = Caption("Weekly walking and the guide", "period")
    export_png(chart, tmp_path / "weekly.png", caption)
    image = QImage(str(tmp_path / "weekly.png"))
    legend = chart.legend
    box = chart.mapFromScene(legend.mapRectToScene(legend.boundingRect())).boundingRect()
    top = Layout(chart, caption).heading
    paper = image.pixelColor(0, image.height() - 1)

    def inked(left: float, right: float) -> bool:
        return any(
            style.contrast(image.pixelColor(x, y), paper) >= 3
            for x in range(int(left * PNG_SCALE), int(right * PNG_SCALE))
            for y in range(
                int((top + box.top()) * PNG_SCALE), int((top + box.bottom()) * PNG_SCALE)
            )
        )

    # At twice the size, the legend's right half lies beyond its size on screen: drawn
    # at screen size (as pyqtgraph draws a legend under a scaled painter) it is empty.
    assert inked(box.left(), box.left() + box.width() / 2)
    assert inked(box.left() + box.width() * 0.6, box.right())
