"""The common frame of every logging form: a time field, labelled rows, inline errors.

A form collects input and turns it into entries; it never sees the journal. On OK it
runs the shared validation (core.validation) and, if anything is wrong, marks each bad
field with its message and stays open, so nothing half-valid ever reaches the service.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.entities import Entry
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.core.validation import Problem, ValidationError, validate_entry
from sciajournal.ui.widgets.date_time_edit import DateTimeEdit

DATE_TIME_FORMAT = "ddd d MMM yyyy  HH:mm"


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on the current light or dark background."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")


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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # -- building the form ----------------------------------------------------------

    def add_row(
        self, field: str, label: str, widget: QWidget, *, aliases: tuple[str, ...] = ()
    ) -> QWidget:
        """A labelled row whose error label shows problems of `field` (and `aliases`)."""
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
        error = QLabel()
        error.setVisible(False)
        error.setWordWrap(True)
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(self.palette()))
        error.setPalette(palette)
        error.setAccessibleName(f"{label.replace('&', '')} problem")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self._form.addRow(caption, holder)
        for name in (field, *aliases):
            self._errors[name] = error
            self._fields[name] = widget
        if isinstance(widget, QAbstractSpinBox | QComboBox):
            # Spin, date and combo boxes swallow Enter; in a form, Enter means Save.
            widget.installEventFilter(self)
            if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                widget.lineEdit().installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key_event = QKeyEvent(event) if not isinstance(event, QKeyEvent) else event
            plain = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
                popup = isinstance(watched, QComboBox) and watched.view().isVisible()
                if not popup:
                    self.accept()
                    return True
        return super().eventFilter(watched, event)

    def add_time_row(self, field: str, label: str = "&Time") -> QDateTimeEdit:
        now = self.now().replace(tzinfo=None)
        edit = DateTimeEdit(QDateTime(now.date(), now.time()))  # one Tab stop, Alt+Down calendar
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.add_row(field, label, edit)
        self.time_edit = edit
        return edit

    def set_time(self, moment: datetime) -> None:
        """Show an entry's time; kept as it was (with its offset) unless the user changes it."""
        self._original_time = moment
        local = moment.astimezone().replace(tzinfo=None)
        self.time_edit.setDateTime(QDateTime(local.date(), local.time()))

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

    def now(self) -> datetime:
        return self.clock().replace(second=0, microsecond=0)

    # -- accepting --------------------------------------------------------------------

    def build(self) -> list[Entry]:
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_problems()
        try:
            entries = self.build()
            for entry in entries:
                validate_entry(entry)
        except ValidationError as error:
            self.show_problems(error.problems)
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


def optional_number(edit: QLineEdit, field: str, problems: list[Problem]) -> float | None:
    """Parse an optional number typed in a line edit; a bad one becomes a problem, not a crash."""
    text = edit.text().strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        problems.append(Problem(field, f"{edit.text()!r} is not a number"))
        return None
