"""The common frame of every logging form: a time field, labelled rows, inline errors.

A form collects input and turns it into entries; it never sees the journal. On OK it
runs the shared validation (core.validation) and, if anything is wrong, marks each bad
field with its message and stays open, so nothing half-valid ever reaches the service.
From then on every change re-runs the checks, so a message goes as soon as the field is
put right (and changes if it is still wrong); the form grows to show what appears.
"""

import math
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciajournal.analysis.repeat_sittings import sitting_close_to
from sciajournal.core.entities import Entry
from sciajournal.core.timestamps import local_now, wall_time_folds
from sciajournal.core.validation import (
    Problem,
    entry_problems,
    future_problems,
)
from sciajournal.ui.widgets.colours import error_colour
from sciajournal.ui.widgets.date_time_edit import DateTimeEdit
from sciajournal.ui.widgets.pain_scale import PainScale
from sciajournal.ui.widgets.scrolling_body import ScrollingBody, fit_to_screen, grow_to_show

DATE_TIME_FORMAT = "ddd d MMM yyyy  HH:mm"
T = TypeVar("T")


def to_qdatetime(naive: datetime) -> QDateTime:
    """A naive local datetime for a QDateTimeEdit (whole minutes: the edit shows no seconds)."""
    return QDateTime.fromString(naive.strftime("%Y-%m-%dT%H:%M:%S"), Qt.DateFormat.ISODate)


def shown_text(widget: QWidget) -> str:
    """What a field shows the user, to tell whether they changed it."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if callable(composite := getattr(widget, "shown_text", None)):
        return str(composite())
    raise TypeError(f"cannot read {type(widget).__name__}")


class EntryForm(QDialog):
    """Subclasses add rows in __init__ and implement build() -> list of entries."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.result_entries: list[Entry] = []
        # The moment the time field was last set to by the form (now, or the entry's time):
        # saved as it is while the field still shows it (see chosen_time).
        self._shown_time: datetime | None = None
        # Loaded values a field may show rounded or trimmed, by field: (shown, exact value).
        self._loaded: dict[QWidget, tuple[str, Any]] = {}

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        body = QWidget()
        body.setLayout(self._form)
        self._body = ScrollingBody(body)
        layout.addWidget(self._body, 1)  # on a small screen the fields scroll...
        layout.addWidget(self.buttons)  # ...and Save and Cancel stay in view
        self.setMinimumWidth(520)
        self._fitted = False
        body.installEventFilter(self)  # its layout changing: grow to show the new rows
        # Once the layout has settled; a timer of the form's own, gone with the form.
        self._grow_timer = QTimer(self)
        self._grow_timer.setSingleShot(True)
        self._grow_timer.setInterval(0)
        self._grow_timer.timeout.connect(self._grow)
        self._row_errors: dict[QObject, QLabel] = {}  # each editable part: its row's message
        self._reveal: QWidget | None = None  # the first problem's row, scrolled into view
        self._checking = False  # after a Save refused: every change re-runs the checks

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:  # subclasses add their rows after __init__ here
            self._fitted = True
            fit_to_screen(self)
        super().showEvent(event)

    # -- building the form ----------------------------------------------------------

    def add_row(
        self,
        field: str,
        label: str,
        widget: QWidget,
        *,
        aliases: tuple[str, ...] = (),
        at_row: int | None = None,
    ) -> QWidget:
        """A labelled row whose error label shows problems of `field` (and `aliases`),
        at the end of the form or, with `at_row`, inserted there."""
        spoken = " ".join(label.replace("&", "").split())  # a two-line label, read as one
        if not widget.accessibleName():
            widget.setAccessibleName(spoken)
        error = QLabel()
        error.setVisible(False)
        error.setWordWrap(True)
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        error.setPalette(palette)
        error.setAccessibleName(f"{spoken} problem")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label)
        # A row of several widgets names the one its mnemonic should reach as focus proxy
        # (a label's buddy must take focus itself, or Alt+letter does nothing).
        caption.setBuddy(widget.focusProxy() or widget)
        if at_row is None:
            self._form.addRow(caption, holder)
        else:
            self._form.insertRow(at_row, caption, holder)
        for name in (field, *aliases):
            self._errors[name] = error
            self._fields[name] = widget
        self._watch_changes(widget, error)
        if isinstance(widget, QAbstractSpinBox | QComboBox):
            # Spin, date and combo boxes swallow Enter; in a form, Enter means Save.
            widget.installEventFilter(self)
            editor = widget.lineEdit() if isinstance(widget, QComboBox) else None
            if editor is not None:
                editor.installEventFilter(self)
        return widget

    def _watch_changes(self, widget: QWidget, error: QLabel) -> None:
        """Any edit in the row (its line edits, boxes, scales, ticks) calls `_changed`
        (a method of the form, so Qt disconnects it when the form is deleted)."""
        for part in [widget, *widget.findChildren(QWidget)]:
            if isinstance(part, QLineEdit | QPlainTextEdit):
                part.textChanged.connect(self._changed)
            elif isinstance(part, QComboBox):
                part.currentIndexChanged.connect(self._changed)
            elif isinstance(part, QAbstractButton) and part.isCheckable():
                if isinstance(part.parentWidget(), PainScale):
                    continue  # the scale itself says when it changed
                part.toggled.connect(self._changed)
            elif isinstance(part, PainScale):
                part.valueChanged.connect(self._changed)
            else:
                continue
            self._row_errors[part] = error

    def _changed(self) -> None:
        """A field changed: after a refused Save check everything again; before, the
        row's own message (from Add, say) goes, as it may no longer be true."""
        error = self._row_errors.get(self.sender())
        if error is None:
            return
        if self._checking:
            self.show_problems(self._problems()[1], move_focus=False)
        elif error.isVisible():
            error.clear()
            error.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._body.content and event.type() == QEvent.Type.LayoutRequest:
            if self._fitted:
                self._grow_timer.start()
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key_event = event
            plain = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
                popup = isinstance(watched, QComboBox) and watched.view().isVisible()
                if not popup:
                    self.accept()
                    return True
        return super().eventFilter(watched, event)

    def add_time_row(self, field: str, label: str = "&Time") -> QDateTimeEdit:
        edit = DateTimeEdit()  # one Tab stop, Alt+Down calendar
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.time_edit = edit
        self._show_time(self.now())
        self.add_row(field, label, edit)
        return edit

    def _show_time(self, moment: datetime) -> None:
        """Show `moment` in the computer's local time (the edit has no zone) and remember it."""
        self._shown_time = moment
        self.time_edit.setDateTime(to_qdatetime(moment.astimezone().replace(tzinfo=None)))

    def start_follows_duration(self, minutes: QDoubleSpinBox) -> None:
        """Until the user sets the start, assume the session just ended: start = now - duration.

        A start of "now" would put a 20-minute session's end in the future.
        """
        touched = False

        def follow() -> None:
            if touched:
                return
            start = self.now() - timedelta(minutes=minutes.value())
            self.time_edit.blockSignals(True)
            self._show_time(start.replace(second=0, microsecond=0))
            self.time_edit.blockSignals(False)

        def start_edited() -> None:
            nonlocal touched
            touched = True

        follow()
        minutes.valueChanged.connect(follow)
        self.time_edit.dateTimeChanged.connect(start_edited)

    def set_time(self, moment: datetime) -> None:
        """Show an entry's time; kept as it was (with its offset) unless the user changes it."""
        self._show_time(moment)

    def chosen_time(self) -> datetime:
        """The moment the time field names, in the computer's zone.

        Untouched, it is the moment the form put there: an entry's own time to the second
        and with its offset, or "now" as the clock says, also in the repeated hour of the
        night the clocks go back (02:15 the second time is 02:15 winter time). A time typed
        in the repeated hour is its first occurrence (summer time), as calendars take it,
        unless the field showed a time in the second pass: then it stays in the second pass
        (editing 02:15 to 02:20 there moves the entry 5 minutes, never an hour).
        """
        naive = self.time_edit.dateTime().toPython()
        assert isinstance(naive, datetime)
        naive = naive.replace(second=0, microsecond=0)
        shown = self._shown_time
        if shown is None:
            return wall_time_folds(naive)[0]
        shown_wall = shown.astimezone().replace(tzinfo=None)
        if shown_wall.replace(second=0, microsecond=0) == naive:
            return shown
        passes = wall_time_folds(shown_wall)
        in_second_pass = len(passes) > 1 and shown == passes[1]
        return wall_time_folds(naive)[-1 if in_second_pass else 0]

    def remember_loaded(self, widget: QWidget, exact: object) -> None:
        """Call after showing `exact` in `widget`: saving keeps `exact` unless the user edits."""
        self._loaded[widget] = (shown_text(widget), exact)

    def unless_edited(self, widget: QWidget, value: T) -> T:
        """`value` read from `widget`, or the exact loaded value if the field is untouched.

        A spin box shows 22.46 for 22.4567 and a text field trims spaces: an entry opened
        and saved unchanged must not change, to the last decimal.
        """
        loaded = self._loaded.get(widget)
        if loaded is not None and loaded[0] == shown_text(widget):
            kept: T = loaded[1]
            return kept
        return value

    def now(self) -> datetime:
        return self.clock().replace(second=0, microsecond=0)

    # -- accepting --------------------------------------------------------------------

    def build(self) -> list[Entry]:
        """The entries the form describes; what cannot be read goes to `self.problem`."""
        raise NotImplementedError

    def problem(self, field: str, message: str) -> None:
        """A field the form could not read (not a number, a scale left empty)."""
        self._form_problems.append(Problem(field, message))

    def read_number(self, edit: QLineEdit, field: str) -> float | None:
        """An optional number typed in `edit`; a bad one is a problem, not a crash."""
        text = edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            self.problem(field, f"“{edit.text().strip()}” is not a number")
            return None
        return whole_if_whole(value) if math.isfinite(value) else value

    def _problems(self) -> tuple[list[Entry], list[Problem]]:
        """The entries the form describes now, and everything wrong with them."""
        self._form_problems: list[Problem] = []
        entries = self.build()
        now = self.clock()
        problems = list(self._form_problems)
        unreadable = {problem.field for problem in problems}
        for entry in entries:
            problems += [
                problem
                for problem in entry_problems(entry) + future_problems(entry, now)
                if problem.field not in unreadable  # its placeholder value says nothing
            ]
        return entries, problems

    def accept(self) -> None:
        """Save when everything is right; otherwise show every problem at once and stay."""
        entries, problems = self._problems()
        if problems:
            self._checking = True
            self.show_problems(problems)
            return
        if not self.confirm(entries):
            return
        self.clear_problems()
        self.result_entries = entries
        super().accept()

    def confirm(self, entries: list[Entry]) -> bool:
        """Last word before saving valid entries (a form may ask); False keeps it open."""
        return True

    def ask_if_repeated(self, at: datetime, others: Iterable[datetime], question: str) -> bool:
        """Save a sitting close to another (analysis.repeat_sittings) only if the patient
        says so: `question` with {time}, the other one's time. Enter and Escape go back."""
        close = sitting_close_to(at, others)
        if close is None:
            return True
        return self.ask(
            question.format(time=close.astimezone().strftime("%H:%M")),
            "To change that one instead, cancel and edit it in the journal.",
            "&Save another",
        )

    def ask(self, question: str, detail: str, save_label: str) -> bool:
        """Whether the patient chooses `save_label` over going back to the form; Enter
        and Escape go back, so a Return meant for the form saves nothing."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(question)
        box.setInformativeText(detail)
        save = box.addButton(save_label, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("&Back to the form", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is save

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    def show_problems(self, problems: list[Problem], *, move_focus: bool = True) -> None:
        """Each problem under its field (only these); with `move_focus`, the first problem's
        field takes the focus and its row is scrolled into view."""
        texts: dict[QLabel, list[str]] = {}
        first: QWidget | None = None
        for problem in problems:
            label = self._errors.get(problem.field)
            if label is None:  # a field this form does not show: put it on the first row
                label = next(iter(self._errors.values()))
            text = problem.message if problem.field in self._errors else str(problem)
            texts.setdefault(label, []).append(text)
            first = first or self._fields.get(problem.field)
        for label in set(self._errors.values()):
            shown = "\n".join(texts.get(label, []))
            if label.text() != shown:  # untouched labels leave the layout alone
                label.setText(shown)
            label.setVisible(bool(shown))
        if move_focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self._reveal = first.parentWidget()  # the field with its message below it
            self._grow_timer.start()

    def _grow(self) -> None:
        """Taller to show rows or problems that appeared (within the screen); then the
        first problem's row is scrolled into view if the screen is too small for all."""
        if not self.isVisible():
            return
        grow_to_show(self, self._body)
        reveal, self._reveal = self._reveal, None
        if reveal is not None:
            self._body.ensureWidgetVisible(reveal)


def whole_if_whole(value: float) -> float:
    """20.0 typed in a spin box is stored as 20, as a form with a whole-number box did."""
    return int(value) if value.is_integer() else value
