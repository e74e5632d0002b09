"""Activities I find hard (the Patient-Specific Functional Scale): rate each, manage the list.

Every current activity is rated 0 (cannot do it) to 10 (as well as before the problem).
The same form adds an activity (by name, with suggestions) and retires one: retiring
keeps every score it was given, and a new activity starts its own history. Saving
gives the changed activities and the rating together, one undoable step.

Opened on an existing rating (Edit), it shows that rating's activities and scores only.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sciajournal.analysis.functional_scale import (
    FEWEST_ACTIVITIES,
    MOST_ACTIVITIES,
    SCORE_MAX,
    UNKNOWN_ACTIVITY,
)
from sciajournal.core.entities import (
    ActivityScore,
    Entry,
    FunctionActivity,
    FunctionRating,
    new_id,
)
from sciajournal.core.timestamps import local_now
from sciajournal.core.validation import Problem, entry_problems
from sciajournal.ui.forms.entry_form import EntryForm
from sciajournal.ui.widgets.pain_scale import PainScale

#: Issue 16's suggestions: common activities sciatica makes hard.
SUGGESTIONS = (
    "Walk to the shop",
    "Put on socks",
    "Sit through a meal",
    "Sleep through the night",
    "Lift a shopping bag",
)
ANCHORS = ("cannot do it", "as before")
#: An activity's name wraps at about this many characters (names may have 80).
CAPTION_CHARS = 26
RETIRE, KEEP = "Retire", "Keep"  # no mnemonics: one per row would clash


@dataclass
class _Row:
    """One activity's row: its scale and, for a current activity, its Retire button."""

    activity: FunctionActivity
    scale: PainScale
    retire: QPushButton | None
    is_new: bool = False
    removed: bool = False  # a new row taken away before saving

    @property
    def retiring(self) -> bool:
        """Retired on saving (or, for a new row, removed): not rated."""
        return self.removed or (self.retire is not None and self.retire.text() == KEEP)

    @property
    def field(self) -> str:
        return f"activity {self.activity.id}"


class FunctionRatingForm(EntryForm):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        activities: Sequence[FunctionActivity] = (),
        latest: FunctionRating | None = None,
        existing: FunctionRating | None = None,
        sittings: Sequence[datetime] = (),
    ) -> None:
        """`activities`: every one named; `latest`: the last rating, whose order is kept;
        `sittings`: when the ratings already saved were made (one close by is asked about)."""
        title = "Activities I find hard"
        super().__init__(f"Edit: {title}" if existing else title, parent, clock)
        self._existing = existing
        self._sittings = sittings
        self._rows: list[_Row] = []
        first_time = existing is None and not any(a.retired is None for a in activities)
        question = (
            f"Name {FEWEST_ACTIVITIES} to {MOST_ACTIVITIES} activities that your sciatica "
            "makes hard, then rate how well you can do each now."
            if first_time
            else "How well can you do each activity now?"
        )
        intro = QLabel(
            f"<b>{question}</b><br>"
            f"0 = cannot do it at all, {SCORE_MAX} = as well as before the problem."
        )
        intro.setWordWrap(True)
        self._form.addRow(intro)
        known = {activity.id: activity for activity in activities}
        if existing is None:
            order = {s.activity_id: n for n, s in enumerate(latest.scores if latest else ())}
            current = sorted(
                (a for a in activities if a.retired is None),
                key=lambda a: (order.get(a.id, len(order)), a.added, a.id),
            )
            for activity in current:
                self._add_activity_row(activity, retirable=True)
            self._add_manager(current)
        else:
            for score in existing.scores:
                activity = known.get(score.activity_id) or FunctionActivity(
                    added=existing.at, name=UNKNOWN_ACTIVITY, id=score.activity_id
                )
                self._add_activity_row(activity, retirable=False).scale.setValue(score.score)
        self.add_time_row("at")
        self.notes = QLineEdit()
        self.add_row("notes", "N&otes", self.notes)
        if existing is not None:
            self.set_time(existing.at)
            self.notes.setText(existing.notes)
            self.remember_loaded(self.notes, existing.notes)
        first = self._rows[0].scale if self._rows else self.new_name
        first.setFocus()

    def _tab_chain(self) -> list[QWidget]:
        """Scale after scale (a digit on one moves to the next), then adding, then the
        Retire buttons, then time, notes, Save and Cancel."""
        rows = [row for row in self._rows if not row.removed]
        chain: list[QWidget] = [row.scale for row in rows]
        if self._existing is None:
            chain += [self.new_name, self.add_button]
            chain += [row.retire for row in rows if row.retire is not None]
        chain += [self.time_edit, self.notes, *self.buttons.buttons()]
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab, Shift+Tab and a scale's digit follow `_tab_chain`.

        Qt's own focus chain, rebuilt with setTabOrder after a row is added, lost the
        Retire buttons (Tab went Add -> Retire -> a scale), so the form keeps its own.
        """
        reachable = [
            widget
            for widget in self._tab_chain()
            if widget.isEnabled()  # (a row just added is shown only by the next event)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        current: QWidget | None = self.focusWidget()
        while current is not None and current not in reachable:
            current = current.parentWidget()  # the line edit inside the add box or time
        if current is None or not reachable:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        target = reachable[(reachable.index(current) + step) % len(reachable)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    # -- the rows -------------------------------------------------------------------

    def _add_activity_row(
        self, activity: FunctionActivity, *, retirable: bool, is_new: bool = False
    ) -> _Row:
        scale = PainScale(activity.name, maximum=SCORE_MAX, anchors=ANCHORS, measure="Ability")
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(scale, 1)
        retire = None
        if retirable:
            retire = QPushButton("Remove" if is_new else RETIRE)
            retire.setAccessibleName(f"{retire.text().replace('&', '')} {activity.name}")
            retire.setToolTip(
                "Take it off the list again (it is not saved yet)."
                if is_new
                else "Stop rating it from now on; the scores it was given stay."
            )
            line.addWidget(retire)
        row = _Row(activity, scale, retire, is_new)
        if retire is not None:
            retire.clicked.connect(lambda: self._toggle_retire(row))
        holder.setAccessibleName(activity.name)
        holder.setFocusProxy(scale)  # a problem on the row puts the focus on its scale
        # "&&": a label takes a lone "&" as a shortcut marker and hides it ("Bath & dress").
        label = activity.name.replace("&", "&&")
        self.add_row(row.field, label, holder, at_row=1 + len(self._rows))
        row_holder = holder.parentWidget()  # add_row's, with the error label
        assert row_holder is not None
        caption = self._form.labelForField(row_holder)
        assert isinstance(caption, QLabel)
        limit = caption.fontMetrics().averageCharWidth() * CAPTION_CHARS
        if caption.sizeHint().width() > limit:  # a long name wraps rather than widening the form
            caption.setWordWrap(True)
            caption.setFixedWidth(limit)
            caption.setMinimumHeight(caption.heightForWidth(limit))  # the form gives it room
        self._rows.append(row)
        return row

    def _toggle_retire(self, row: _Row) -> None:
        assert row.retire is not None
        if row.is_new:  # added in this form and never saved: simply taken away again
            row.removed = True
            holder = row.scale.parentWidget()
            assert holder is not None
            self._form.setRowVisible(holder.parentWidget() or holder, False)
        else:
            retiring = not row.retiring
            row.retire.setText(KEEP if retiring else RETIRE)
            row.scale.setEnabled(not retiring)
            if retiring:
                row.scale.setValue(None)
        self._show_advice()
        # Off the button (now "Keep"), so the next Return saves rather than undoing this:
        # back on the row when kept, on to the next row still rated when retired.
        self._focus_after(row)

    def _focus_after(self, changed: _Row) -> None:
        if not changed.retiring:
            changed.scale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        at = self._rows.index(changed)
        later = self._rows[at + 1 :] + self._rows[:at]
        rated = [row.scale for row in later if not row.retiring]
        target = rated[0] if rated else self.new_name
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_manager(self, current: Sequence[FunctionActivity]) -> None:
        self.new_name = QComboBox()
        self.new_name.setEditable(True)
        self.new_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = {a.name.casefold() for a in current}
        self.new_name.addItems([s for s in SUGGESTIONS if s.casefold() not in names])
        self.new_name.setCurrentIndex(-1)
        line_edit = self.new_name.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText("name an activity you find hard, or pick one")
        self.new_name.setAccessibleName("New activity")
        add = self.add_button = QPushButton("&Add")
        add.setAccessibleName("Add activity")
        add.clicked.connect(self.add_named_activity)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.new_name, 1)
        line.addWidget(add)
        holder.setFocusProxy(self.new_name)  # for Alt+N, the caption's mnemonic
        self.add_row("name", "Add a&n activity", holder)
        # Return in the box adds what was typed (the form's Return-saves would drop it).
        # (The combo box has the focus and hands the key to its line edit directly.)
        self.new_name.installEventFilter(self)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName("How many activities")
        self._form.addRow(self.advice)
        self._show_advice()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and self._existing is None
            and watched is getattr(self, "new_name", None)  # (None while it is built)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.new_name.currentText().strip()
        ):
            self.add_named_activity()
            return True
        return super().eventFilter(watched, event)  # an empty box: Return saves

    def add_named_activity(self) -> None:
        """The Add button: a row for the typed or picked name, rated like the others."""
        self.clear_problems()
        name = self.new_name.currentText().strip()
        activity = FunctionActivity(added=self.now(), name=name)
        problems = [p for p in entry_problems(activity) if p.field == "name"]
        taken = {r.activity.name.casefold() for r in self._rows if not r.retiring}
        if not problems and name.casefold() in taken:
            self.show_problems([Problem("name", f"“{name}” is already in your list")])
            return
        if problems:
            self.show_problems(problems)
            return
        row = self._add_activity_row(activity, retirable=True, is_new=True)
        index = self.new_name.findText(name)
        if index >= 0:
            self.new_name.removeItem(index)
        self.new_name.setCurrentIndex(-1)
        self.new_name.setEditText("")
        self._show_advice()
        row.scale.setFocus()

    def _show_advice(self) -> None:
        count = sum(1 for row in self._rows if not row.retiring)
        inside = FEWEST_ACTIVITIES <= count <= MOST_ACTIVITIES
        self.advice.setText(
            ""
            if inside
            else f"{FEWEST_ACTIVITIES} to {MOST_ACTIVITIES} activities are recommended; "
            f"you have {count}."
        )
        self.advice.setVisible(not inside)

    # -- saving ---------------------------------------------------------------------

    def confirm(self, entries: list[Entry]) -> bool:
        """A new rating minutes after another is most likely the same one saved twice."""
        rating = next((e for e in entries if isinstance(e, FunctionRating)), None)
        if rating is None or self._existing is not None:
            return True
        question = "You rated your activities at {time} already: save another rating?"
        return self.ask_if_repeated(rating.at, self._sittings, question)

    def build(self) -> list[Entry]:
        at = self.chosen_time()
        typed = self.new_name.currentText().strip() if self._existing is None else ""
        if typed:  # never drop what the user typed without a word
            self.problem("name", f"“{typed}” is not added yet: press Add, or clear the box")
        rated = [row for row in self._rows if not row.retiring]
        missing = [row for row in rated if row.scale.value() is None]
        changed = any(
            (row.is_new and not row.removed) or (not row.is_new and row.retiring)
            for row in self._rows
        )
        rating: FunctionRating | None = None
        if rated and len(missing) == len(rated) and changed and self._existing is None:
            pass  # only the list changed: saved without a rating
        elif not rated:
            if not changed:
                self.problem("name", "add an activity you find hard, then rate it")
        else:
            for row in missing:
                self.problem(row.field, f"choose from 0 (cannot do it) to {SCORE_MAX} (as before)")
            existing = self._existing
            rating = FunctionRating(
                at=at,
                scores=tuple(ActivityScore(r.activity.id, r.scale.value() or 0) for r in rated),
                notes=self.unless_edited(self.notes, self.notes.text().strip()),
                id=existing.id if existing else new_id(),
            )
        if self._existing is not None:
            return [rating] if rating is not None else []
        # Every current activity, changed or not, so that the window's edit keeps them all.
        activities: list[Entry] = [
            replace(row.activity, added=at)
            if row.is_new
            else replace(row.activity, retired=at)
            if row.retiring
            else row.activity
            for row in self._rows
            if not row.removed
        ]
        return activities + ([rating] if rating is not None else [])
