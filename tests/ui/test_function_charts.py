"""The function charts: own activities, bothersomeness and leg symptoms per week, built
as real widgets from an analysis of a real journal, and shown in the Charts tab."""

import math
from datetime import date, datetime

import pytest

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    PainRating,
)
from sciajournal.core.enums import Reach
from sciajournal.core.settings import Settings
from sciajournal.ui.charts.chart_data import DAY, day_x
from sciajournal.ui.charts.function_chart_data import (
    bothersomeness_data,
    leg_weeks_data,
    scale_data,
)
from sciajournal.ui.charts.function_charts import BothersomenessChart, ScaleChart
from sciajournal.ui.charts.leg_weeks_chart import LegWeeksChart
from tests.clocks import MACHINE_OFFSET

LOCAL = MACHINE_OFFSET  # the computer's zone: what the forms show (tests/clocks.py)
FIRST, LAST = date(2026, 3, 2), date(2026, 3, 29)  # four whole weeks


def at(day, hour=9):
    return datetime(2026, 3, day, hour, tzinfo=LOCAL)


@pytest.fixture
def entries():
    shop = FunctionActivity(at(2, 8), "walk to the shop")
    socks = FunctionActivity(at(2, 8), "put on socks", retired=at(16, 8))
    film = FunctionActivity(at(16, 8), "sit through a film")
    scored = [
        FunctionRating(at(3, 20), (ActivityScore(shop.id, 2), ActivityScore(socks.id, 4))),
        FunctionRating(at(10, 20), (ActivityScore(shop.id, 4), ActivityScore(socks.id, 4))),
        FunctionRating(at(17, 20), (ActivityScore(shop.id, 5), ActivityScore(film.id, 3))),
    ]
    checks = [BothersomenessCheck(at(day, 20), 4, 3, 2, 5 - day // 10) for day in (3, 10, 24)]
    ratings = [
        PainRating(at(3), 3, 6, reach=Reach.FOOT, numbness=True),
        PainRating(at(4), 3, 5, reach=Reach.CALF, tingling=True),
        PainRating(at(11), 3, 4, reach=Reach.THIGH),
        PainRating(at(12), 3, 4, reach=Reach.BUTTOCK, numbness=True),
    ]
    return Entries.of([shop, socks, film, *scored, *checks, *ratings])


def analysed(entries):
    return analyse(entries, FIRST, LAST, Settings(), today=date(2026, 4, 10))


def test_scale_chart_draws_the_mean_and_every_activity(qtbot, entries):
    chart = ScaleChart()
    qtbot.addWidget(chart)
    data = scale_data(analysed(entries).function)
    chart.show_data(data)
    assert data.means == [3.0, 4.0, 4.0]
    xs, ys = chart.mean.getData()
    assert list(ys) == [3.0, 4.0, 4.0] and xs[0] == day_x(date(2026, 3, 3))
    names = [line.name for line in data.activities]
    assert names == ["put on socks (retired)", "walk to the shop", "sit through a film"]
    socks = chart.activity_lines[0].getData()[1]
    assert list(socks) == [4.0, 4.0]  # the retired activity keeps its history
    assert chart.legend_html().startswith("Change of the mean score: less than the 2 points")
    assert "mean 4.0 (walk to the shop 5, sit through a film 3)" in chart.move_cursor(2)
    # Shown again (another range): the activity lines are replaced, not added to.
    chart.show_data(data)
    assert len(chart.activity_lines) == 3


def test_bothersomeness_chart_shows_totals_and_a_change_without_a_verdict(qtbot, entries):
    chart = BothersomenessChart()
    qtbot.addWidget(chart)
    chart.show_data(bothersomeness_data(analysed(entries).function))
    assert list(chart.line.getData()[1]) == [14.0, 13.0, 12.0]
    legend = chart.legend_html()
    assert "-2" in legend and "no meaningful-change value is established" in legend
    assert "better" not in legend
    assert "total 12 of 24" in chart.move_cursor(2)


def test_leg_weeks_chart_stacks_reach_shares_and_draws_nerve_sign_shares(qtbot, entries):
    analysis = analysed(entries)
    chart = LegWeeksChart()
    qtbot.addWidget(chart)
    data = leg_weeks_data(analysis.function, analysis.leg_symptoms)
    chart.show_data(data)
    assert data.x[0] == day_x(date(2026, 3, 2)) + 3 * DAY and len(data.x) == 4
    assert data.reach_percent[Reach.FOOT][:2] == [50.0, 0.0]
    assert data.reach_percent[Reach.BUTTOCK][:2] == [0.0, 50.0]
    numbness = chart.sign_lines["numbness"].getData()[1]
    assert list(numbness[:2]) == [50.0, 50.0] and math.isnan(numbness[2])  # no ratings: a gap
    assert "not enough data" in chart.legend_html()  # 2 ratings a half: no trend called
    assert "Week of 09 Mar 2026: 2 ratings, 2 with reach (buttock 1, thigh 1)" in (
        chart.move_cursor(1)
    )


def test_the_charts_tab_shows_the_function_charts_from_the_journal(qtbot, journal, entries):
    from PySide6.QtCore import Qt

    from sciajournal.service.journal_analysis_service import analyse_journal
    from sciajournal.ui.charts.charts_view import ChartsView

    journal.add_many(list(entries))
    today = date(2026, 3, 29)
    view = ChartsView(
        lambda first, last: analyse_journal(journal, first, last, today),
        lambda: FIRST,
        lambda: today,
    )
    qtbot.addWidget(view)
    view.show()
    view.set_range("Month")
    bar = view.tabs.tabBar()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    for title in ("Own activities", "Bothersomeness", "Leg symptoms per week"):
        index = titles.index(title)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qtbot.waitUntil(lambda index=index: view.tabs.currentIndex() == index)
        assert view.legend.isVisible() and view.legend.text()
    assert view.function.scale.data.means == [3.0, 4.0, 4.0]
    assert "Change of the mean score: less than the 2 points" in (view.function.scale.legend_html())
    assert view.function.bothersomeness.data.totals == [14.0, 13.0, 12.0]
