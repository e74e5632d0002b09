"""Next week's walking target reads the same in the window and on the printed summary,
whichever day the printed range starts: both come from the one analysis of the target."""

from datetime import date, datetime, timedelta

from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag
from sciajournal.ui.main_window import MainWindow
from tests.analysis.scenario import (
    before,
    follow_up,
    pain_continued_late_last_week,
    rating,
    t,
    walk,
)
from tests.clocks import MACHINE_OFFSET
from tests.report.test_summary_pdf import pdf_pages, squash

NOW = datetime(2026, 3, 13, 20, 0, tzinfo=MACHINE_OFFSET)  # a Friday
HELD = "held at last week's volume: pain continued after 1 walk"


def test_a_summary_starting_this_week_holds_the_target_as_the_window_does(qtbot, journal, tmp_path):
    journal.add_many([*pain_continued_late_last_week(), rating(t(12, 9), 2, 2)])
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    charts = window.show_charts()
    charts.set_range("2 weeks")
    charts.tabs.setCurrentWidget(charts.weekly)
    shown = " ".join(charts.weekly.target_label.toPlainText().split())
    assert shown == f"week of 16 Mar (next week): at most 50 min {HELD}"

    # Printed from Thursday: last week's walks (5 and 7 March) are all before the range.
    out = tmp_path / "from-thursday.pdf"
    assert window.files.write_summary(out, date(2026, 3, 12), NOW.date(), "a4") >= 1
    printed = squash(" ".join(pdf_pages(out)))
    assert f"Suggested for the week of 16 Mar (next week): at most 50 min; {HELD}." in printed
    assert "all settled" not in printed and "at most 55 min" not in printed


def test_after_a_red_flag_the_window_and_the_summary_suggest_no_target(qtbot, journal, tmp_path):
    # The outside review: "Go to an emergency department now", and the weekly chart and
    # the printed summary still suggested 10 % more walking next week.
    walks = [walk(t(day, 10), 30) for day in (3, 5)]
    settled = [r for w in walks for r in (before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2))]
    emergency = RedFlagCheck(at=t(12, 9), signs=frozenset({RedFlag.BOWEL_BLADDER}))
    journal.add_many([*walks, *settled, emergency])
    window = MainWindow(journal, clock=lambda: NOW)
    qtbot.addWidget(window)
    charts = window.show_charts()
    charts.set_range("2 weeks")
    charts.tabs.setCurrentWidget(charts.weekly)
    why = (
        "a red-flag sign was recorded on Thu 12 Mar (emergency now: emergency department); "
        "stop exercising until you have been seen, then walk as your doctor advises"
    )
    assert charts.legend.text().startswith(f"No target for the week of 16 Mar (next week): {why}")
    assert "at most" not in charts.weekly.target_label.toPlainText()

    out = tmp_path / "summary.pdf"
    assert window.files.write_summary(out, date(2026, 2, 14), NOW.date(), "a4") >= 1
    printed = squash(" ".join(pdf_pages(out)))
    assert f"No target for the week of 16 Mar (next week): {why}." in printed
    assert "at most 66 min" not in printed
