"""The weekly chart's data marks "well above" (over 30 % in two weeks) apart from "above"."""

from datetime import date, timedelta

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.ui.charts.chart_data import weekly_data
from tests.analysis.scenario import t, walk


def test_well_above_weeks_are_a_field_of_their_own():
    # Weeks of 2, 9, 16, 23 Mar: 100, 120 (above), 200 (well above), 190 (a fall, but
    # +58 % on two weeks: well above).
    walks = [walk(t(3, 10) + timedelta(weeks=i), m) for i, m in enumerate([100, 120, 200, 190])]
    analysis = analyse(
        Entries.of(walks), date(2026, 3, 2), date(2026, 3, 29), Settings(), today=date(2026, 4, 6)
    )
    data = weekly_data(analysis)
    assert data.above_guide == [False, True, True, True]
    assert data.well_above == [False, False, True, True]
    assert "well above the guide over two weeks" in data.hover[3]
