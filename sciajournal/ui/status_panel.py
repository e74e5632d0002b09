"""Today at a glance, and anything that needs the patient's attention now."""

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sciajournal.analysis.red_flags import WORDING, Urgency, most_urgent, signs_text
from sciajournal.analysis.today import TodayStatus
from sciajournal.core.entities import Walk
from sciajournal.core.settings import Settings


class StatusPanel(QFrame):
    """Rebuilt from a TodayStatus; the window supplies what the buttons do."""

    def __init__(
        self,
        ask_follow_up: Callable[[Walk], object],
        ask_morning: Callable[[Walk], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Today")
        self._ask_follow_up = ask_follow_up
        self._ask_morning = ask_morning
        self.today = QLabel()
        self.today.setAccessibleName("Today's totals")
        self.today.setWordWrap(True)
        self.attention = QVBoxLayout()
        self.attention.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today)
        layout.addLayout(self.attention)
        self.items: list[QLabel] = []

    def show_status(self, status: TodayStatus, settings: Settings, now: datetime) -> None:
        walked = (
            f"{status.walk_minutes_today:g} min walking ({status.walks_today} "
            f"walk{'s' if status.walks_today != 1 else ''})"
            if status.walks_today
            else "no walk yet"
        )
        latest = status.latest_rating
        pain = (
            f"latest pain back {latest.back}, leg {latest.leg} ({latest.at.strftime('%a %H:%M')})"
            if latest
            else "no pain rating yet"
        )
        self.today.setText(
            # The week in progress: minutes so far, no percentage against a whole week.
            f"<b>Today</b>: {walked} · {pain} · this week so far {status.week_minutes:g} min "
            f"(last week {status.last_week_minutes:g} min)"
        )
        self._clear()
        for check in status.red_flags:
            wording = WORDING[most_urgent(check.signs) or Urgency.SOON]
            self._item(
                f"⚠ <b>Red flag logged {check.at.strftime('%a %d %b %H:%M')}, "
                f"{wording.grade.lower()}</b>: {signs_text(check.signs)}. {wording.short}",
            )
        for follow_up in status.follow_ups:
            walk = follow_up.walk
            if follow_up.is_due(now):
                self._item(
                    f"How is your pain now? Follow-up for the {walk.start.strftime('%a %H:%M')} "
                    f"walk ({walk.minutes:g} min) due since {follow_up.due.strftime('%H:%M')}.",
                    "Ra&te follow-up",
                    partial(self._ask_follow_up, walk),
                )
            else:
                self._item(
                    f"Follow-up for the {walk.start.strftime('%H:%M')} walk due at "
                    f"{follow_up.due.strftime('%H:%M')}."
                )
        if status.morning_rating_for is not None:
            walk = status.morning_rating_for
            self._item(
                "How is your pain this morning, after the "
                f"{walk.start.strftime('%a %H:%M')} walk ({walk.minutes:g} min)?",
                "Rate &morning pain",
                partial(self._ask_morning, walk),
            )
        guide = status.week_guide_minutes
        if status.week_above_guide and guide is not None:
            self._item(
                f"This week's walking ({status.week_minutes:g} min) is already above the "
                f"{settings.weekly_increase_percent:g} % guide (last week "
                f"{status.last_week_minutes:g} min, guide {guide:.0f} min)."
            )

    def _clear(self) -> None:
        while self.attention.count():
            item = self.attention.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.items = []

    def _item(
        self, text: str, button_text: str | None = None, action: Callable[[], object] | None = None
    ) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        layout.addWidget(label, 1)
        if button_text and action:
            button = QPushButton(button_text)
            button.clicked.connect(lambda _checked=False: action())
            layout.addWidget(button)
        self.attention.addWidget(row)
        self.items.append(label)
