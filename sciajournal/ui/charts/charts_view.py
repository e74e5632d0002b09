"""The Charts tab: three charts of pain against walking, a range, hover details, export.

This module imports pyqtgraph; the main window imports it only when the tab is first
shown, so opening the app never waits for the chart library.
"""

from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sciajournal.analysis.journal_analysis import JournalAnalysis
from sciajournal.safe_files import OutputNotWritten
from sciajournal.ui.charts.base_chart import BaseChart
from sciajournal.ui.charts.chart_data import response_data, timeline_data, weekly_data
from sciajournal.ui.charts.chart_export import Caption, export_png, export_svg, period_text
from sciajournal.ui.charts.function_charts import FunctionCharts
from sciajournal.ui.charts.response_chart import ResponseChart
from sciajournal.ui.charts.timeline_chart import TimelineChart
from sciajournal.ui.charts.weekly_chart import WeeklyChart

RANGES: list[tuple[str, int | None]] = [
    ("2 weeks", 14),
    ("Month", 30),
    ("3 months", 91),
    ("Year", 365),
    ("All", None),
]
#: The charts' tabs, in order; the function charts' three come last.
TITLES = (
    "Pain and walking over time",
    "Weekly walking and the guide",
    "Walk length and pain afterwards",
    *FunctionCharts.TITLES,
)
FIRST_FUNCTION_TAB = 3
#: Plot-ready data kept for the analyses last shown (a few ranges, each chart).
KEPT_CHART_DATA = 9
T = TypeVar("T")
EMPTY_TEXT = (
    "Nothing to chart yet.\n\nOnce you have logged a few walks with your pain before and "
    "after, these charts show whether more walking is followed by more or less pain."
)


def correlation_text(analysis: JournalAnalysis) -> str:
    """A day's walking against the next day's pain, compared within weeks, in words.

    The words, the figures and the threshold under which no number is shown come from
    the analysis (response.Correlation).
    """
    parts = []
    for result in (analysis.leg_correlation, analysis.back_correlation):
        parts.append(result.words + (f" ({result.detail})" if result.detail else ""))
    return "Walking and pain the next day: " + "; ".join(parts) + "."


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the analysis and drawing run (seconds for ten years on a busy
    machine), restored whatever happens."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ChartsView(QWidget):
    def __init__(
        self,
        analyse: Callable[[date, date], JournalAnalysis],
        first_entry_day: Callable[[], date | None],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._analyse = analyse
        self._first_entry_day = first_entry_day
        self._today = today
        self.analysis: JournalAnalysis | None = None
        self._has_walks = False
        #: The charts that show self.analysis.
        self._drawn: list[BaseChart] = []
        self._chart_data: OrderedDict[tuple[int, object], tuple[JournalAnalysis, object]] = (
            OrderedDict()
        )

        # Not a QButtonGroup: Qt then keeps only one of its buttons in the Tab chain.
        self.range_buttons: list[QPushButton] = []
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        for index, (label, _days) in enumerate(RANGES):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAccessibleName(f"Chart range {label}")
            button.clicked.connect(lambda _checked=False, index=index: self._range_clicked(index))
            self.range_buttons.append(button)
            bar.addWidget(button)
        self._choose_range(2)
        bar.addStretch()
        self.png_button = QPushButton("Save as &PNG…")
        self.svg_button = QPushButton("Save as S&VG…")
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.svg_button.clicked.connect(lambda: self._export("svg"))
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)

        self.tabs = QTabWidget()
        self.hover = QLabel(" ")
        self.hover.setAccessibleName("Chart details")
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Chart legend")
        self.bands = QLabel()
        self.bands.setWordWrap(True)
        self.bands.setAccessibleName("Pain continued by walk length")
        # Only the chart on screen is built: each took 50-170 ms of the tab's first
        # opening. The others' tabs hold a placeholder until first chosen (see _place).
        self._weekly: WeeklyChart | None = None
        self._response: ResponseChart | None = None
        self._function: FunctionCharts | None = None
        self.timeline = TimelineChart()
        for title in TITLES:
            self.tabs.addTab(QWidget(), title)
        self._place(0, self.timeline)
        self.tabs.currentChanged.connect(self._tab_changed)

        charts = QWidget()
        column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.legend)
        column.addWidget(self.hover)
        column.addWidget(self.bands)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(charts)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    @property
    def weekly(self) -> WeeklyChart:
        if self._weekly is None:
            self._weekly = WeeklyChart()
            self._place(1, self._weekly)
        return self._weekly

    @property
    def response(self) -> ResponseChart:
        if self._response is None:
            self._response = ResponseChart()
            self._place(2, self._response)
        return self._response

    @property
    def function(self) -> FunctionCharts:
        if self._function is None:
            self._function = FunctionCharts()
            for offset, chart in enumerate(self._function.charts()):
                self._place(FIRST_FUNCTION_TAB + offset, chart)
        return self._function

    def _place(self, index: int, chart: BaseChart) -> None:
        """Put a newly built chart in its tab, where a placeholder held its place."""
        title = self.tabs.tabText(index)
        chart.setAccessibleName(title)  # what a screen reader says when Tab reaches it
        chart.hovered.connect(self._show_hover)
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the same tab stays chosen: nothing changed for it
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, chart, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def _chart_at(self, index: int) -> BaseChart:
        """The chart of tab `index`, built if it was not yet."""
        if index == 0:
            return self.timeline
        if index == 1:
            return self.weekly
        if index == 2:
            return self.response
        return self.function.charts()[index - FIRST_FUNCTION_TAB]

    def current_range(self) -> tuple[date, date]:
        days = RANGES[self.range_index()][1]
        last = self._today()
        if days is not None:
            return last - timedelta(days=days - 1), last
        first = self._first_entry_day() or last
        return min(first, last), last

    def set_range(self, label: str) -> None:
        self._choose_range([name for name, _ in RANGES].index(label))
        self.refresh()

    def _choose_range(self, index: int) -> None:
        for number, button in enumerate(self.range_buttons):
            button.setChecked(number == index)

    def _range_clicked(self, index: int) -> None:
        self._choose_range(index)
        # Shown as chosen now, not after the new range is drawn: the old chart stays on
        # screen meanwhile, and the old button must not look chosen with it.
        for button in self.range_buttons:
            button.repaint()
        self.refresh()

    def range_index(self) -> int:
        """Which of RANGES is shown."""
        return next(i for i, button in enumerate(self.range_buttons) if button.isChecked())

    def refresh(self) -> None:
        with busy():
            self._refresh()

    def _refresh(self) -> None:
        first, last = self.current_range()
        analysis = self._analyse(first, last)
        self.analysis = analysis
        self._has_walks = bool(analysis.outcomes) or any(d.ratings for d in analysis.days)
        self.stack.setCurrentIndex(0 if self._has_walks else 1)
        self.png_button.setEnabled(self._has_walks)
        self.svg_button.setEnabled(self._has_walks)
        self._drawn.clear()
        if self._has_walks:
            self._tab_changed(self.tabs.currentIndex())

    def _draw(self, chart: BaseChart) -> None:
        """Hand `chart` the analysis shown, once: only the chart on screen is drawn, the
        others when their tab is chosen (drawing every chart took most of a switch)."""
        analysis = self.analysis
        if analysis is None or not self._has_walks or chart in self._drawn:
            return
        if isinstance(chart, TimelineChart):
            chart.show_data(self._data(analysis, timeline_data))
        elif isinstance(chart, WeeklyChart):
            chart.show_data(self._data(analysis, weekly_data))
        elif isinstance(chart, ResponseChart):
            response = self._data(analysis, response_data)
            chart.show_data(response)
            self.bands.setText(
                "Pain continued, by walk length: "
                + " · ".join(b[2] for b in response.bands)
                + "\n"
                + correlation_text(analysis)
            )
        elif chart in self.function.charts():
            self.function.show(analysis)  # its three charts at once
            self._drawn += self.function.charts()
        self._drawn.append(chart)

    def _data(self, analysis: JournalAnalysis, to_data: Callable[[JournalAnalysis], T]) -> T:
        """Plot-ready numbers for an analysis, worked out once: the service keeps analyses
        while the journal is unchanged, so switching back to a range finds them here."""
        key = (id(analysis), to_data)
        if key not in self._chart_data:
            self._chart_data[key] = (analysis, to_data(analysis))
            while len(self._chart_data) > KEPT_CHART_DATA:
                self._chart_data.popitem(last=False)
        self._chart_data.move_to_end(key)
        return self._chart_data[key][1]  # type: ignore[return-value]

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return  # no tab: only while a built chart takes its placeholder's place
        chart = self._chart_at(index)
        self._draw(chart)
        self.bands.setVisible(chart is self._response)
        legend = self.current_chart().legend_html()
        self.legend.setText(legend)
        self.legend.setVisible(bool(legend))
        self.hover.setText(" ")

    def _show_hover(self, text: str) -> None:
        self.hover.setText(text or " ")

    def current_chart(self) -> BaseChart:
        chart = self.tabs.currentWidget()
        assert isinstance(chart, BaseChart)
        return chart

    def save_chart(self, path: Path) -> None:
        """Save the chart on screen with its title, period and legend."""
        first, last = (
            (self.analysis.first_day, self.analysis.last_day)
            if self.analysis is not None
            else self.current_range()
        )
        caption = Caption(
            title=self.tabs.tabText(self.tabs.currentIndex()).replace("&", ""),
            period=period_text(first, last),
            legend_html=self.current_chart().legend_html(),
        )
        if path.suffix.lower() == ".svg":
            export_svg(self.current_chart(), path, caption)
        else:
            export_png(self.current_chart(), path, caption)

    def _export(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save chart",
            str(Path.home() / f"sciajournal-chart.{kind}"),
            f"{kind.upper()} (*.{kind})",
        )
        if not name:
            return
        try:
            self.save_chart(Path(name))
        except (OSError, OutputNotWritten) as error:
            QMessageBox.warning(self, "Chart not saved", str(error))
