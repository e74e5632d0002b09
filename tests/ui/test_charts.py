"""Charts: the plotted numbers against the journal, range changes, the empty state, export."""

import math
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries
from sciajournal.ui.charts.chart_data import DAY, day_x, timeline_data, weekly_data
from sciajournal.ui.main_window import MainWindow
from tests.analysis.scenario import before, flagged_then_settled, follow_up, rating, walk
from tests.clocks import MACHINE_OFFSET

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 20, 20, 0, tzinfo=LOCAL)


def t(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=LOCAL)


@pytest.fixture
def known_entries():
    flagged, _settled, entries = flagged_then_settled(17)
    return flagged, [*entries, rating(t(19, 8), 1, 2)]


def test_timeline_data_per_day(known_entries):
    _, entries = known_entries
    analysis = analyse(Entries.of(entries), date(2026, 3, 7), date(2026, 3, 20), Settings())
    data = timeline_data(analysis)
    assert not data.by_week and len(data.x) == 14
    index = data.x.index(day_x(date(2026, 3, 17)))
    assert data.minutes[index] == 30
    assert data.leg_mean[index] == round((3 + 5 + 6) / 3, 2)  # the series rounds to 2 places
    assert data.leg_max[index] == 6
    assert math.isnan(data.leg_mean[0])  # no rating on the 7th: a gap, not a zero
    assert data.flagged_x == [day_x(date(2026, 3, 17))]
    assert (
        "walked 30 min" in data.hover[index] and "pain continued after 1 walk" in data.hover[index]
    )


def test_long_ranges_are_drawn_by_week():
    analysis = analyse(
        Entries.of(demo_entries(200, end=NOW)), date(2025, 9, 2), NOW.date(), Settings()
    )
    data = timeline_data(analysis)
    assert data.by_week
    assert sum(data.minutes) == sum(d.walk_minutes for d in analysis.days)
    assert len(data.x) == len(analysis.progression.weeks)
    from sciajournal.ui.charts.charts_view import correlation_text

    leg = analysis.leg_correlation
    assert leg.rho is not None and leg.low is not None and leg.high is not None
    assert (
        f"{leg.words} (over {leg.pairs} days in {leg.weeks} weeks, each compared with its own "
        f"week; strength {leg.rho:+.2f} on a scale from -1 to +1, 95 % sure it lies between "
        f"{leg.low:+.2f} and {leg.high:+.2f}; a relation, not a cause)"
    ) in correlation_text(analysis)
    assert "rank correlation" not in correlation_text(analysis)  # plain words for patients


def test_weekly_data_guide_and_target(known_entries):
    _, entries = known_entries
    monday = date(2026, 3, 23)  # the week of the walks is over
    analysis = analyse(
        Entries.of(entries), date(2026, 3, 9), date(2026, 3, 22), Settings(), today=monday
    )
    data = weekly_data(analysis)
    assert data.minutes == [0, 50]
    assert math.isnan(data.guide[0]) and math.isnan(data.guide[1])  # nothing the week before
    assert data.target_minutes == 50  # held: pain continued after a walk that week
    assert data.target_note == "held at last week's volume: pain continued after 1 walk"
    assert data.guide_label == "Guide: week before + 10 %"
    stricter = analyse(
        Entries.of(entries),
        date(2026, 3, 9),
        date(2026, 3, 22),
        Settings(weekly_increase_percent=5),
        today=monday,
    )
    assert weekly_data(stricter).guide_label == "Guide: week before + 5 %"
    in_progress = weekly_data(
        analyse(Entries.of(entries), date(2026, 3, 9), date(2026, 3, 18), Settings())
    )
    assert in_progress.hover[-1].startswith("Week of 16 Mar 2026 [so far]: 50 min in 2 walks")
    assert in_progress.target_minutes is None  # no walking the week before to build on
    # The x-axis names weeks by their Monday; a week the range only partly covers is marked.
    assert data.labels == ["09 Mar", "16 Mar"]
    assert in_progress.labels == ["09 Mar", "16 Mar so far"]
    midweek = weekly_data(
        analyse(Entries.of(entries), date(2026, 3, 11), date(2026, 3, 22), Settings(), today=monday)
    )
    assert midweek.labels == ["09 Mar*", "16 Mar"]


def test_weekly_chart_labels_weeks_and_says_why_a_target_is_held(qtbot, known_entries):
    from sciajournal.ui.charts.weekly_chart import WeeklyChart

    _, entries = known_entries
    analysis = analyse(
        Entries.of(entries),
        date(2026, 3, 11),
        date(2026, 3, 22),
        Settings(),
        today=date(2026, 3, 23),
    )
    chart = WeeklyChart()
    qtbot.addWidget(chart)
    chart.show_data(weekly_data(analysis))
    axis = chart.week_axis
    values = axis.tickValues(min(chart.data.x) - 1, max(chart.data.x) + 1, 800)[0][1]
    assert axis.tickStrings(values, 1, 1) == ["09 Mar*", "16 Mar"]
    assert "held at last week's volume" in chart.target_label.toPlainText()
    assert "partly in the range" in chart.legend_html()


@pytest.fixture
def window(qtbot, journal, known_entries):
    journal.add_many(known_entries[1])
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    return shown


def test_charts_show_the_journal(window):
    charts = window.show_charts()
    charts.set_range("2 weeks")
    heights = list(charts.timeline.bars.opts["height"])
    xs = list(charts.timeline.bars.opts["x"])
    assert len(heights) == 14
    assert heights[xs.index(day_x(date(2026, 3, 17)))] == 30
    assert heights[xs.index(day_x(date(2026, 3, 18)))] == 20
    flag_x, _ = charts.timeline.flags.getData()
    assert list(flag_x) == [day_x(date(2026, 3, 17))]
    _, leg = charts.timeline.leg_line.getData()
    assert leg[xs.index(day_x(date(2026, 3, 19)))] == 2
    charts.tabs.setCurrentWidget(charts.response)  # drawn when its tab is chosen
    points = charts.response.scatters
    assert sum(len(s.data) for s in points.values()) == 2
    assert "10-20 min" in charts.bands.text() or "20-30 min" in charts.bands.text()
    # A few days only: words, not a correlation number.
    assert "not enough days yet to compare walking with next-day leg pain (" in (
        charts.bands.text()
    )


def test_range_change_redraws(window):
    charts = window.show_charts()
    charts.set_range("Month")
    assert len(charts.timeline.bars.opts["height"]) == 30
    charts.set_range("All")
    assert charts.current_range() == (date(2026, 3, 17), date(2026, 3, 20))


def test_new_entries_reach_the_open_charts(window, journal):
    charts = window.show_charts()
    charts.set_range("2 weeks")
    form = window.log_walk()
    form.minutes.setValue(45)
    form.accept()
    xs = list(charts.timeline.bars.opts["x"])
    assert charts.timeline.bars.opts["height"][xs.index(day_x(NOW.date()))] == 45


def test_empty_journal_explains_instead_of_empty_axes(qtbot, journal):
    empty = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(empty)
    charts = empty.show_charts()
    assert charts.stack.currentWidget() is charts.empty
    assert "Nothing to chart yet" in charts.empty.text()
    assert not charts.png_button.isEnabled()


def test_saved_chart_explains_itself_and_leaves_the_window_chart_as_it_was(
    window, tmp_path, monkeypatch, qtbot
):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from tests.ui.menu_driving import answer_file_dialog_later

    charts = window.show_charts()
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    charts.set_range("2 weeks")
    chart = charts.timeline
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_End)  # the keyboard read-out's cursor line
    assert chart.cursor_line.isVisible()
    before = chart.grab().toImage()
    cursor_while_rendering = []
    render = chart.render

    def rendered(*args):
        cursor_while_rendering.append(chart.cursor_line.isVisible())
        return render(*args)

    monkeypatch.setattr(chart, "render", rendered)
    for kind, button in (("png", charts.png_button), ("svg", charts.svg_button)):
        answer_file_dialog_later(monkeypatch, tmp_path / f"chart.{kind}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert cursor_while_rendering == [False, False]  # the cursor is not data
    assert chart.cursor_line.isVisible()  # and is back in the window
    assert chart.grab().toImage() == before

    image = QImage(str(tmp_path / "chart.png"))
    plot = chart.viewport().size()
    assert image.width() == plot.width() * 2
    assert image.height() > plot.height() * 2 + 100  # a heading above, the legend below
    heading = image.copy(0, 0, image.width(), 40)  # the title's ink
    paper = heading.pixelColor(0, 0)
    assert any(heading.pixelColor(x, y) != paper for x in range(0, 400, 2) for y in range(0, 40, 2))
    assert (tmp_path / "chart.png").stat().st_mode & 0o777 == 0o600
    svg = (tmp_path / "chart.svg").read_text()
    for text in (
        ">Pain and walking over time<",
        ">7 Mar 2026 – 20 Mar 2026<",
        "leg pain",
        "pain continued after a walk",
    ):
        assert text in svg


def test_main_window_appears_without_importing_pyqtgraph(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from sciajournal.storage.journal import Journal\n"
        "from sciajournal.ui.main_window import MainWindow\n"
        f"window = MainWindow(Journal.open(Path({str(tmp_path / 'j.sqlite')!r})))\n"
        "window.show(); app.processEvents()\n"
        "print('before', 'pyqtgraph' in sys.modules)\n"
        "window.tabs.setCurrentIndex(1)\n"
        "print('after', 'pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "before False" in result.stdout and "after True" in result.stdout


def test_response_point_is_the_worse_of_follow_up_and_next_morning():
    from sciajournal.ui.charts.chart_data import response_data
    from tests.analysis.scenario import morning

    w = walk(t(10, 10), 30)
    entries = [
        morning(t(10, 8), 2, 2),
        w,
        before(w, 2, 2),
        follow_up(w, timedelta(hours=2), 2, 3),  # +1 at the follow-up
        morning(t(11, 8), 2, 5),  # +3 the next morning: the walk is flagged for it
    ]
    analysis = analyse(Entries.of(entries), date(2026, 3, 10), date(2026, 3, 11), Settings())
    (point,) = response_data(analysis).points
    assert (point.change, point.measured_at) == (3, "next morning")


def test_weekly_chart_puts_next_weeks_target_after_the_week_so_far(qtbot):
    from sciajournal.ui.charts.weekly_chart import WeeklyChart

    # Friday 20 March: 100 min in the week of 9 March, 40 min so far in the week of 16 March.
    entries = []
    for day, minutes in ((10, 100), (16, 40)):
        w = walk(t(day, 10), minutes)
        entries += [w, before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2)]
    analysis = analyse(
        Entries.of(entries),
        date(2026, 3, 9),
        date(2026, 3, 20),
        Settings(),
        today=date(2026, 3, 20),
    )
    data = weekly_data(analysis)
    assert data.labels == ["09 Mar", "16 Mar so far"]
    assert data.hover[-1] == "Week of 16 Mar 2026 [so far]: 40 min in 1 walk"  # no "(-60 %)"
    assert data.target_x == day_x(date(2026, 3, 23)) + 3 * DAY  # its own slot, not "so far"
    assert data.target_week == "week of 23 Mar (next week)"
    chart = WeeklyChart()
    qtbot.addWidget(chart)
    chart.show_data(data)
    assert chart.target_label.toPlainText() == "week of 23 Mar (next week):\nat most 110 min"
    assert chart.describe_at(data.target_x, 50) == (
        "Suggested for the week of 23 Mar (next week): at most 110 min"
    )


def test_a_chart_drawn_later_shows_the_range_and_entries_chosen_meanwhile(window, journal):
    """Only the chart on screen is drawn at a switch; the others must not keep old data."""
    charts = window.show_charts()
    charts.tabs.setCurrentWidget(charts.response)
    charts.set_range("2 weeks")
    shown = sum(len(s.data) for s in charts.response.scatters.values())
    assert shown == 2
    charts.tabs.setCurrentWidget(charts.timeline)
    first = walk(t(19, 9), 40)
    journal.add_many([first, before(first, 2, 2), follow_up(first, timedelta(hours=2), 2, 6)])
    window.refresh()  # as a save does
    charts.set_range("Month")
    charts.tabs.setCurrentWidget(charts.response)
    assert sum(len(s.data) for s in charts.response.scatters.values()) == shown + 1
    assert len(charts.timeline.bars.opts["height"]) == 30


def test_only_the_chart_on_screen_is_built_until_another_tab_is_chosen(window, qtbot):
    """Building all six charts took much of the Charts tab's first opening."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from sciajournal.ui.charts.base_chart import BaseChart
    from sciajournal.ui.charts.weekly_chart import WeeklyChart

    window.show()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: window.charts is not None and window.charts.isVisible())
    charts = window.charts

    def built() -> list[BaseChart]:
        return [w for w in charts.findChildren(QWidget) if isinstance(w, BaseChart)]

    titles = [charts.tabs.tabText(i) for i in range(charts.tabs.count())]
    assert built() == [charts.timeline] and charts.timeline.isVisible()
    assert len(charts.timeline.bars.opts["height"]) == 91  # the default 3 months, drawn

    weekly_tab = titles.index("Weekly walking and the guide")
    chart_bar = charts.tabs.tabBar()
    qtbot.mouseClick(
        chart_bar, Qt.MouseButton.LeftButton, pos=chart_bar.tabRect(weekly_tab).center()
    )
    qtbot.waitUntil(lambda: charts.tabs.currentIndex() == weekly_tab)
    weekly = charts.tabs.currentWidget()
    assert isinstance(weekly, WeeklyChart) and weekly.isVisible()
    assert weekly.data == weekly_data(charts.analysis)  # drawn, with the range shown
    assert weekly.accessibleName() == "Weekly walking and the guide"
    assert charts.legend.text() == weekly.legend_html()
    assert [charts.tabs.tabText(i) for i in range(charts.tabs.count())] == titles
    assert len(built()) == 2


def test_red_flag_checks_that_found_a_sign_are_marked_by_grade(window, journal):
    from sciajournal.core.entities import RedFlagCheck
    from sciajournal.core.enums import RedFlag

    journal.add_many(
        [
            RedFlagCheck(t(18, 9), frozenset({RedFlag.BOWEL_BLADDER})),
            RedFlagCheck(t(19, 9)),  # found none: no mark
        ]
    )
    charts = window.show_charts()
    charts.set_range("2 weeks")
    timeline = charts.timeline
    marks = {grade: list(item.getData()[0]) for grade, item in timeline.red_flags.items()}
    assert [(grade.value, xs) for grade, xs in marks.items() if xs] == [
        ("emergency", [day_x(date(2026, 3, 18))])
    ]
    emergency = timeline.red_flags[next(iter(timeline.red_flags))]
    assert emergency.isVisible() and emergency.opts["symbol"] == "star"
    assert emergency.opts["symbol"] != timeline.flags.opts["symbol"]
    text = timeline.describe_at(day_x(date(2026, 3, 18)), 5)
    assert "RED FLAG, emergency now" in text and "Loss of bowel or bladder control" in text
    assert "RED FLAG" not in timeline.describe_at(day_x(date(2026, 3, 19)), 5)
    assert "red flag found: emergency now" in charts.legend.text().replace("&nbsp;", " ")
    assert "same day" not in charts.legend.text().replace("&nbsp;", " ")


def test_a_range_click_shows_at_once_and_a_busy_cursor_while_drawing(qtbot, known_entries):
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    from sciajournal.ui.charts.charts_view import ChartsView

    class Paints(QObject):
        #: Each button's state at each of its paints.
        checked: dict[QObject, list[bool]] = {}  # noqa: RUF012

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.checked.setdefault(watched, []).append(watched.isChecked())
            return False

    entries = Entries.of(known_entries[1])
    seen: list[tuple[object, list[bool]]] = []
    fail = []
    paints = Paints()

    def analysis(first, last):
        cursor = QApplication.overrideCursor()
        seen.append((cursor and cursor.shape(), [b.isChecked() for b in view.range_buttons]))
        # Both buttons were drawn anew before the analysis began: the clicked one chosen,
        # the one before no longer.
        assert paints.checked[view.range_buttons[4]][-1:] == [True]
        assert paints.checked[view.range_buttons[2]][-1:] == [False]
        if fail:
            raise RuntimeError("drawing failed")
        return analyse(entries, first, last, Settings(), today=NOW.date())

    view = ChartsView(analysis, lambda: date(2026, 3, 17), lambda: NOW.date())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    seen.clear()
    view.range_buttons[4].installEventFilter(paints)
    view.range_buttons[2].installEventFilter(paints)
    qtbot.mouseClick(view.range_buttons[4], Qt.MouseButton.LeftButton)  # "All"
    assert seen == [(Qt.CursorShape.WaitCursor, [False, False, False, False, True])]
    assert QApplication.overrideCursor() is None
    fail.append(True)
    with qtbot.capture_exceptions() as raised:
        qtbot.mouseClick(view.range_buttons[0], Qt.MouseButton.LeftButton)
    assert len(raised) == 1
    assert QApplication.overrideCursor() is None  # restored though drawing raised
    assert view.range_buttons[0].isChecked() and not view.range_buttons[4].isChecked()
