"""The common frame of every logging form: a time field, labelled rows, inline errors.

A form collects input and turns it into entries; it never sees the journal. On OK it
runs the shared validation (core.validation) and, if anything is wrong, marks each bad
field with its message and stays open, so nothing half-valid ever reaches the service.
"""

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.entities import Entry
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.core.validation import (
    Problem,
    entry_problems,
    future_problems,
)
from sciajournal.ui.widgets.colours import error_colour
from sciajournal.ui.widgets.date_time_edit import DateTimeEdit
from sciajournal.ui.widgets.scrolling_body import ScrollingBody, fit_to_screen

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
        self._original_time: datetime | None = None
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
        layout.addWidget(ScrollingBody(body), 1)  # on a small screen the fields scroll...
        layout.addWidget(self.buttons)  # ...and Save and Cancel stay in view
        self.setMinimumWidth(520)
        self._fitted = False

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
        if isinstance(widget, QAbstractSpinBox | QComboBox):
            # Spin, date and combo boxes swallow Enter; in a form, Enter means Save.
            widget.installEventFilter(self)
            editor = widget.lineEdit() if isinstance(widget, QComboBox) else None
            if editor is not None:
                editor.installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
        now = self.now().astimezone().replace(tzinfo=None)  # the edit shows local time
        edit = DateTimeEdit(to_qdatetime(now))  # one Tab stop, Alt+Down calendar
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.add_row(field, label, edit)
        self.time_edit = edit
        return edit

    def start_follows_duration(self, minutes: QDoubleSpinBox) -> None:
        """Until the user sets the start, assume the session just ended: start = now - duration.

        A start of "now" would put a 20-minute session's end in the future.
        """
        touched = False

        def follow() -> None:
            if touched:
                return
            start = self.now() - timedelta(minutes=minutes.value())
            naive = start.astimezone().replace(tzinfo=None)
            self.time_edit.blockSignals(True)
            self.time_edit.setDateTime(to_qdatetime(naive))
            self.time_edit.blockSignals(False)

        def start_edited() -> None:
            nonlocal touched
            touched = True

        follow()
        minutes.valueChanged.connect(follow)
        self.time_edit.dateTimeChanged.connect(start_edited)

    def set_time(self, moment: datetime) -> None:
        """Show an entry's time; kept as it was (with its offset) unless the user changes it."""
        self._original_time = moment
        local = moment.astimezone().replace(tzinfo=None)
        self.time_edit.setDateTime(to_qdatetime(local))

    def chosen_time(self) -> datetime:
        naive = self.time_edit.dateTime().toPython()
        assert isinstance(naive, datetime)
        naive = naive.replace(second=0, microsecond=0)
        original = self._original_time
        if original is not None:
            shown = original.astimezone().replace(tzinfo=None, second=0, microsecond=0)
            if shown == naive:
                return original
        return local_aware(naive)

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

    def accept(self) -> None:
        """Save when everything is right; otherwise show every problem at once and stay."""
        self.clear_problems()
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
        if problems:
            self.show_problems(problems)
            return
        self.result_entries = entries
        super().accept()

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        first: QWidget | None = None
        for problem in problems:
            label = self._errors.get(problem.field)
            if label is None:  # a field this form does not show: put it on the first row
                label = next(iter(self._errors.values()))
            text = problem.message if problem.field in self._errors else str(problem)
            label.setText(f"{label.text()}\n{text}".strip())
            label.setVisible(True)
            first = first or self._fields.get(problem.field)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


def whole_if_whole(value: float) -> float:
    """20.0 typed in a spin box is stored as 20, as a form with a whole-number box did."""
    return int(value) if value.is_integer() else value
