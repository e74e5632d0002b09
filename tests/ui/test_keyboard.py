"""The keyboard alone: date fields, a visible focus ring in light and dark palettes, charts."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext
from sciajournal.demo import demo_entries
from sciajournal.ui.focus_ring import OWN_FOCUS_INDICATOR, FocusRingFollower, ring_colour
from sciajournal.ui.main_window import MainWindow
from sciajournal.ui.widgets.date_time_edit import DateTimeEdit
from tests.clocks import MACHINE_OFFSET
from tests.ui.menu_driving import menu_action

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LOCAL)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
        # A dark theme whose highlight is too dim to see on its own background.
        (QPalette.ColorRole.Highlight, "#1d3a57"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    original = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(original)


@pytest.fixture
def window(qtbot, journal):
    walk = Walk(start=NOW - timedelta(hours=4), minutes=30)
    journal.add_many(
        [
            walk,
            PainRating(
                at=walk.start, back=2, leg=3, context=PainContext.BEFORE_WALK, walk_id=walk.id
            ),
        ]
    )
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def ring_pixels(window: QWidget, widget: QWidget) -> float:
    """The share of the ring's outline, around `widget`, drawn in the ring colour."""
    ring = QApplication.instance().findChild(FocusRingFollower).ring
    assert ring.isVisible() and ring.widget() is widget
    image: QImage = window.grab().toImage()
    colour = ring_colour(widget.palette())
    drawn = ring.visible_rect()
    # Around the widget, or at worst on its edge: never a sliver somewhere else.
    own = widget.geometry().translated(-ring.x(), -ring.y())
    assert drawn.contains(own.adjusted(2, 2, -2, -2)), (type(widget).__name__, drawn, own)
    rect = drawn.translated(ring.mapTo(window, QPoint(0, 0)))
    edge = [
        QPoint(x, y) for x in range(rect.left(), rect.right()) for y in (rect.top(), rect.bottom())
    ]
    edge += [
        QPoint(x, y) for y in range(rect.top(), rect.bottom()) for x in (rect.left(), rect.right())
    ]
    inside = [p for p in edge if image.rect().contains(p)]

    def close(point: QPoint) -> bool:
        pixel = image.pixelColor(point)
        return (
            abs(pixel.red() - colour.red())
            + abs(pixel.green() - colour.green())
            + abs(pixel.blue() - colour.blue())
            < 40
        )

    return sum(close(p) for p in inside) / max(1, len(inside))


def test_every_tab_stop_of_the_window_shows_a_ring(qtbot, window, palette):
    seen: list[str] = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        qtbot.wait(20)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window
        name = focused.accessibleName() or type(focused).__name__
        seen.append(name)
        if focused.property(OWN_FOCUS_INDICATOR):
            continue
        assert ring_pixels(window, focused) > 0.8, f"no visible focus on {name} ({palette})"
    assert len(set(seen)) >= 6  # filters, list, follow-up button, tabs...


def test_the_ring_stands_out_from_a_dark_window_even_with_a_dim_highlight():
    palette = dark_palette()
    from sciajournal.ui.focus_ring import contrast

    assert contrast(palette.color(QPalette.ColorRole.Highlight), QColor("#2b2b2b")) < 3
    assert contrast(ring_colour(palette), QColor("#2b2b2b")) >= 3


# -- date and time fields ---------------------------------------------------------------


def open_walk_form(qtbot, window):
    menu_action(window, "Log", "Log walk").trigger()
    qtbot.waitUntil(lambda: window.active_form is not None and window.active_form.isVisible())
    form = window.active_form
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_a_date_time_field_takes_one_tab_in_and_one_out(qtbot, window):
    form = open_walk_form(qtbot, window)
    form.minutes.setFocus()
    qtbot.keyClick(form.minutes, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.time_edit
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.surface
    qtbot.keyClick(form.surface, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.time_edit
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.minutes


def test_alt_down_opens_the_calendar_and_enter_picks_a_day(qtbot, window):
    form = open_walk_form(qtbot, window)
    edit: DateTimeEdit = form.time_edit
    started = edit.date()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(lambda: calendar.window().isVisible())
    assert edit.date() == started  # Alt+Down no longer steps the day
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.window().isVisible())
    assert edit.date() == started.addDays(-1)
    assert form.isVisible()  # that Enter chose the day; it did not save the form
    assert QApplication.focusWidget() is edit


def test_the_summary_range_dates_are_single_tab_stops_with_a_calendar(qtbot, window):
    menu_action(window, "File", "Save summary as PDF").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first, last = dialog.range.first, dialog.range.last
    dialog.range.preset.setCurrentIndex(dialog.range.preset.count() - 1)  # Custom
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is last
    qtbot.keyClick(last, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: last.calendarWidget().window().isVisible())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not last.calendarWidget().window().isVisible())
    assert isinstance(last.date(), QDate)
    dialog.reject()


# -- charts -----------------------------------------------------------------------------


@pytest.fixture
def charts(qtbot, journal):
    journal.add_many(demo_entries(60, seed=3, end=NOW))
    shown = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    view = shown.show_charts()
    view.set_range("2 weeks")
    return view


def tab_until(qtbot, start: QWidget, wanted, limit: int = 30) -> list[QWidget]:
    """Press Tab from `start` until `wanted(widget)`; returns every widget visited."""
    visited = []
    start.setFocus()
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if wanted(visited[-1]):
            return visited
    raise AssertionError(f"Tab never reached it; visited {[type(w).__name__ for w in visited]}")


def test_every_chart_range_button_and_the_chart_are_tab_stops(qtbot, charts):
    buttons = charts.range_buttons
    visited = tab_until(qtbot, buttons[0], lambda w: w is charts.current_chart())
    assert all(button in visited for button in buttons[1:])
    # Space on a range button chooses that range, as a click does.
    buttons[3].setFocus()
    qtbot.keyClick(buttons[3], Qt.Key.Key_Space)
    assert charts.range_index() == 3 and buttons[3].isChecked()
    assert [b.isChecked() for b in buttons].count(True) == 1


def test_the_arrow_keys_read_out_each_day_of_the_timeline(qtbot, charts):
    chart = charts.timeline
    tab_until(qtbot, charts.range_buttons[0], lambda w: w is chart)
    data = chart.data
    assert charts.hover.text() == data.hover[-1]  # arriving shows the newest day at once
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert charts.hover.text() == data.hover[-3]
    assert chart.cursor_line.isVisible() and chart.cursor_line.value() == data.x[-3]
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert charts.hover.text() == data.hover[0]
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # stays on the first point
    assert charts.hover.text() == data.hover[0]
    assert chart.accessibleDescription() == data.hover[0]


def test_the_weekly_and_response_charts_read_out_by_keyboard_too(qtbot, charts):
    charts.set_range("3 months")
    charts.tabs.setCurrentWidget(charts.weekly)
    charts.weekly.setFocus()
    weekly = charts.weekly.data
    qtbot.keyClick(charts.weekly, Qt.Key.Key_Home)
    assert charts.hover.text() == weekly.hover[0]
    qtbot.keyClick(charts.weekly, Qt.Key.Key_End)
    if weekly.target_x is not None and weekly.target_x > weekly.x[-1]:  # a point of its own
        assert charts.hover.text().startswith(f"Suggested for the {weekly.target_week}: at most")
        qtbot.keyClick(charts.weekly, Qt.Key.Key_Left)
    assert charts.hover.text() == weekly.hover[-1]

    charts.tabs.setCurrentWidget(charts.response)
    charts.response.setFocus()
    labels = {point.label for point in charts.response.data.points}
    qtbot.keyClick(charts.response, Qt.Key.Key_Home)
    read = {charts.hover.text()}
    for _ in range(len(labels)):
        qtbot.keyClick(charts.response, Qt.Key.Key_Right)
        read.add(charts.hover.text())
    assert read == labels  # every walk's numbers, by keyboard alone
