"""The date range controls shared by the journal view and the summary dialog."""

from datetime import date

from sciajournal.ui.widgets.date_range import ALL_TIME, CUSTOM, DateRangeControls, to_qdate

PRESETS = [("Last 7 days", 7), ("All time", ALL_TIME), ("Custom", CUSTOM)]
TODAY = date(2026, 3, 20)


def test_presets_set_the_dates_and_editing_a_date_makes_it_custom(qtbot):
    controls = DateRangeControls(PRESETS, 0, TODAY)
    qtbot.addWidget(controls.preset)
    assert controls.date_range() == (date(2026, 3, 14), TODAY)
    with qtbot.waitSignal(controls.changed):
        controls.first.setDate(to_qdate(date(2026, 3, 1)))
    assert controls.preset.currentText() == "Custom"
    assert controls.date_range() == (date(2026, 3, 1), TODAY)


def test_all_time_has_no_bounds_and_reversed_dates_are_put_in_order(qtbot):
    controls = DateRangeControls(PRESETS, 1, TODAY)
    qtbot.addWidget(controls.preset)
    assert controls.date_range() == (None, None)
    assert controls.first.isHidden() and controls.last.isHidden() and controls.between().isHidden()
    controls.preset.setCurrentText("Custom")
    assert not controls.first.isHidden() and not controls.between().isHidden()
    controls.last.setDate(to_qdate(date(2026, 1, 1)))
    controls.first.setDate(to_qdate(date(2026, 2, 1)))
    assert controls.date_range() == (date(2026, 1, 1), date(2026, 2, 1))
