"""The status panel's week figure is "so far", with no percentage against a whole week."""

from sciajournal.analysis.today import today_status
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.ui.status_panel import StatusPanel
from tests.analysis.scenario import t, walk


def test_the_week_in_progress_is_minutes_so_far_without_a_percentage(qtbot):
    # Tuesday 3 March 120 min; Monday 9 and Tuesday 10 March 40 min so far.
    entries = Entries.of([walk(t(3, 9), 120), walk(t(9, 9), 25), walk(t(10, 9), 15)])
    now = t(10, 18)
    panel = StatusPanel(lambda _walk: None, lambda _walk: None)
    qtbot.addWidget(panel)
    panel.show_status(today_status(entries, now, Settings()), Settings(), now)
    text = panel.today.text()
    assert "this week so far 40 min (last week 120 min)" in text
    assert "%" not in text
    # Under the guide so far (120 + 10 % = 132): nothing about the guide to show.
    assert not [item for item in panel.items if "guide" in item.text()]
