"""Log a walk in one dialog: pain before, the walk itself, pain at the end.

Before saving, the form asks when the walk may not be meant (EntryForm.ask, whose default
is to go back): a new form saved exactly as it opened (a stray Return would log a made-up
10-minute walk), and a walk whose time overlaps another walk in the journal (core.
walk_overlap). An edit that keeps the walk's start and duration is not asked about again.
"""

import dataclasses
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from sciajournal.core.entities import Entry, PainRating, Walk, new_id
from sciajournal.core.enums import Pace, PainContext, Surface
from sciajournal.core.timestamps import local_now
from sciajournal.core.walk_overlap import overlapping_walks, starts_that_could_overlap
from sciajournal.ui.forms.entry_form import EntryForm, whole_if_whole
from sciajournal.ui.forms.walk_questions import (
    OVERLAP_DETAIL,
    UNTOUCHED_DETAIL,
    overlap_question,
    untouched_question,
)
from sciajournal.ui.step_counts import grouped_count, whole_count
from sciajournal.ui.widgets.choice_combo import ChoiceCombo
from sciajournal.ui.widgets.number_box import NumberBox, plain_number
from sciajournal.ui.widgets.pain_scale import PainScale

if TYPE_CHECKING:
    from sciajournal.storage.journal import Journal

#: The journal's walks that start in [start, end): what the form checks overlaps against.
WalksBetween = Callable[[datetime, datetime], Iterable[Walk]]

KM_PER_MILE = 1.609344
#: Wider than any valid walk, so a typed 900 reaches validation (which says why) intact.
MINUTES_BOX_MAXIMUM = 9999
SURFACE_LABELS = {
    Surface.FLAT: "Flat, even ground",
    Surface.UNEVEN: "Uneven ground",
    Surface.HILLS: "Hills",
    Surface.TREADMILL: "Treadmill",
}


def walks_starting_in(journal: "Journal") -> WalksBetween:
    """The form's view of `journal`: its walks starting in a span, nothing else."""
    return lambda start, end: journal.collection(kinds=[Walk], start=start, end=end).walks


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setAccessibleName(text)
    return label


class WalkForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        distance_unit: str = "km",
        existing: Walk | None = None,
        before: PainRating | None = None,
        end: PainRating | None = None,
        walks_between: WalksBetween | None = None,
    ) -> None:
        super().__init__("Edit walk" if existing else "Log walk", parent, clock)
        self._unit = distance_unit
        self._walks_between = walks_between
        self._existing, self._before, self._end = existing, before, end

        self._form.addRow(_heading("Before you set off"))
        self.before_back = PainScale("Back pain before")
        self.before_leg = PainScale("Leg pain before")
        self.add_row("pain_before", "&Back pain", self.before_back, aliases=("before",))
        self.add_row("pain_before_leg", "&Leg pain", self.before_leg)

        self._form.addRow(_heading("The walk"))
        self.minutes = NumberBox(maximum=MINUTES_BOX_MAXIMUM, decimals=1, suffix=" min")
        self.minutes.setValue(10)
        self.add_row("minutes", "&Duration", self.minutes)
        self.add_time_row("start", "&Started")
        if existing is None:
            self.start_follows_duration(self.minutes)

        self.surface = ChoiceCombo(list(Surface), labels=SURFACE_LABELS)
        self.add_row("surface", "S&urface", self.surface)
        self.pace = ChoiceCombo(list(Pace))
        self.add_row("pace", "&Pace", self.pace)
        self.distance = QLineEdit()
        self.distance.setPlaceholderText("optional")
        self.add_row("distance_km", f"Di&stance ({distance_unit})", self.distance)
        self.steps = QLineEdit()
        self.steps.setPlaceholderText("optional")
        self.add_row("steps", "S&teps", self.steps)
        self.symptoms_after = QLineEdit()
        self.symptoms_after.setPlaceholderText("minutes into the walk, if they did")
        self.add_row("symptoms_after_minutes", "Leg symptoms be&gan after", self.symptoms_after)

        flags = QWidget()
        grid = QGridLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        self.shoes = QCheckBox("Supportive s&hoes")
        self.poles = QCheckBox("Trekking p&oles")
        self.stretched_before = QCheckBox("Stretched be&fore")
        self.stretched_after = QCheckBox("Stretched &after")
        self.stopped_early = QCheckBox("Stopped early because of pa&in")
        for index, box in enumerate(
            (
                self.shoes,
                self.poles,
                self.stretched_before,
                self.stretched_after,
                self.stopped_early,
            )
        ):
            grid.addWidget(box, index // 2, index % 2)
        self.add_row("stopped_early", "Details", flags)

        self._form.addRow(_heading("At the end of the walk"))
        self.end_back = PainScale("Back pain at the end")
        self.end_leg = PainScale("Leg pain at the end")
        self.add_row("pain_end", "Bac&k pain", self.end_back)
        self.add_row("pain_end_leg", "L&eg pain", self.end_leg)
        self.notes = QLineEdit()
        self.add_row("notes", "&Notes", self.notes)
        if existing is not None:
            self._load(existing, before, end)
        self.before_back.setFocus()
        self._as_opened = self._shown()

    def _load(self, walk: Walk, before: PainRating | None, end: PainRating | None) -> None:
        self.minutes.setValue(walk.minutes)
        self.remember_loaded(self.minutes, walk.minutes)
        self.set_time(walk.start)
        self.surface.setValue(walk.surface)
        self.pace.setValue(walk.pace)
        if walk.distance_km is not None:
            if self._unit == "mi":
                self.distance.setText(plain_number(round(walk.distance_km / KM_PER_MILE, 3)))
            else:
                self.distance.setText(plain_number(walk.distance_km))
            self.remember_loaded(self.distance, walk.distance_km)
        if walk.steps is not None:
            self.steps.setText(grouped_count(walk.steps))  # "4,210", as the journal row
            self.remember_loaded(self.steps, walk.steps)
        if walk.symptoms_after_minutes is not None:
            self.symptoms_after.setText(plain_number(walk.symptoms_after_minutes))
            self.remember_loaded(self.symptoms_after, walk.symptoms_after_minutes)
        self.shoes.setChecked(walk.supportive_shoes)
        self.poles.setChecked(walk.trekking_poles)
        self.stretched_before.setChecked(walk.stretched_before)
        self.stretched_after.setChecked(walk.stretched_after)
        self.stopped_early.setChecked(walk.stopped_early)
        self.notes.setText(walk.notes)
        self.remember_loaded(self.notes, walk.notes)
        if before is not None:
            self.before_back.setValue(before.back)
            self.before_leg.setValue(before.leg)
        if end is not None:
            self.end_back.setValue(end.back)
            self.end_leg.setValue(end.leg)

    def build(self) -> list[Entry]:
        distance = self.read_number(self.distance, "distance_km")
        if distance is not None and self._unit == "mi":
            distance = round(distance * KM_PER_MILE, 3)
        grouped = whole_count(self.steps.text())  # "4,210": read whole, not as 4.21
        steps = self.read_number(self.steps, "steps") if grouped is None else grouped
        if steps is not None and steps != int(steps):
            self.problem("steps", f"steps are counted whole; {steps:g} is not")
        for field, back, leg in (
            ("pain_before", self.before_back, self.before_leg),
            ("pain_end", self.end_back, self.end_leg),
        ):
            if (back.value() is None) != (leg.value() is None):
                self.problem(field, "rate both back and leg, or neither")
        existing = self._existing
        walk = Walk(
            start=self.chosen_time(),
            minutes=self.unless_edited(self.minutes, whole_if_whole(self.minutes.value())),
            surface=self.surface.value() or Surface.FLAT,
            pace=self.pace.value() or Pace.SLOW,
            distance_km=self.unless_edited(self.distance, distance),
            steps=self.unless_edited(self.steps, None if steps is None else int(steps)),
            supportive_shoes=self.shoes.isChecked(),
            trekking_poles=self.poles.isChecked(),
            stretched_before=self.stretched_before.isChecked(),
            stretched_after=self.stretched_after.isChecked(),
            stopped_early=self.stopped_early.isChecked(),
            symptoms_after_minutes=self.unless_edited(
                self.symptoms_after, self.read_number(self.symptoms_after, "symptoms_after_minutes")
            ),
            pain_lasted_hours=existing.pain_lasted_hours if existing else None,
            notes=self.unless_edited(self.notes, self.notes.text().strip()),
            id=existing.id if existing else new_id(),
        )
        entries: list[Entry] = [walk]
        before = self._rating(
            self.before_back, self.before_leg, walk, PainContext.BEFORE_WALK, self._before
        )
        end = self._rating(self.end_back, self.end_leg, walk, PainContext.END_OF_WALK, self._end)
        entries += [r for r in (before, end) if r is not None]
        return entries

    def _shown(self) -> tuple[object, ...]:
        """Everything the form shows, to tell whether the patient changed anything."""
        lines = (self.minutes, self.time_edit, self.distance, self.steps, self.symptoms_after)
        ticks = (self.shoes, self.poles, self.stretched_before, self.stretched_after)
        return (
            *(scale.value() for scale in (self.before_back, self.before_leg)),
            *(scale.value() for scale in (self.end_back, self.end_leg)),
            *(line.text() for line in lines),
            self.surface.currentIndex(),
            self.pace.currentIndex(),
            *(tick.isChecked() for tick in (*ticks, self.stopped_early)),
            self.notes.text(),
        )

    def confirm(self, entries: list[Entry]) -> bool:
        walk = entries[0]
        assert isinstance(walk, Walk)
        untouched = self._existing is None and self._shown() == self._as_opened
        if untouched and not self.ask(untouched_question(walk), UNTOUCHED_DETAIL, "&Save the walk"):
            return False
        if self._walks_between is None:
            return True
        if self._time_kept(walk):
            return True  # asked (or imported, ticked) when it came in: not asked again
        overlapping = overlapping_walks(walk, self._walks_between(*starts_that_could_overlap(walk)))
        if not overlapping:
            return True
        return self.ask(overlap_question(walk, overlapping), OVERLAP_DETAIL, "&Save anyway")

    def _time_kept(self, walk: Walk) -> bool:
        """An edit that leaves the walk's start and duration as they were."""
        old = self._existing
        return old is not None and old.start == walk.start and old.minutes == walk.minutes

    def _rating(
        self,
        back: PainScale,
        leg: PainScale,
        walk: Walk,
        context: PainContext,
        existing: PainRating | None,
    ) -> PainRating | None:
        back_score, leg_score = back.value(), leg.value()
        if back_score is None or leg_score is None:
            return None
        if existing is not None and self._existing is not None:
            # Move the rating with the walk, so an unchanged walk leaves it where it was.
            moved = (
                walk.start - self._existing.start
                if context is PainContext.BEFORE_WALK
                else walk.end - self._existing.end
            )
            return dataclasses.replace(
                existing, at=existing.at + moved, back=back_score, leg=leg_score
            )
        at = walk.start - timedelta(minutes=1) if context is PainContext.BEFORE_WALK else walk.end
        return PainRating(at=at, back=back_score, leg=leg_score, context=context, walk_id=walk.id)
