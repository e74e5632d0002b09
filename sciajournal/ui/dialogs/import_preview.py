"""File > Import of a device file: reading with progress and Cancel, then the walks found,
each with a checkbox, before anything is written.

What each walk is (new, already in your journal, overlapping a walk logged by hand, left
out and why) is decided below the window (exchange.device_plan), the same as for
`import --dry-run`; this dialog only shows it and lets the user change the ticks. New
walks are ticked; those overlapping a hand-logged walk and those left out can be ticked
to take them anyway; walks already in the journal, and outings no walk can be, cannot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.entities import Walk
from sciajournal.ui.widgets.screen_room import available_size

if TYPE_CHECKING:
    from sciajournal.exchange.device_plan import DeviceImportPlan, FoundWalk

COLUMNS = ("Walk", "Minutes", "km", "Surface", "Pace", "Source", "Status")
MEGABYTE = 1024 * 1024
#: The progress bar counts in thousandths: Qt's int is 32 bits and exports pass 2 GB.
PROGRESS_RANGE = 1000


def muted(palette: QPalette) -> QColor:
    """Greyed text that can still be read: between the text and the background (Qt's
    disabled grey is too faint on white to read a reason in)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 55 + base.red() * 45) // 100,
        (text.green() * 55 + base.green() * 45) // 100,
        (text.blue() * 55 + base.blue() * 45) // 100,
    )


def _size(count: int) -> str:
    return f"{count / MEGABYTE:.1f} MB" if count >= MEGABYTE else f"{count / 1024:.0f} KB"


def _intro(plan: DeviceImportPlan) -> str:
    found, file_name = len(plan.found), plan.file_name
    if not found:
        return f"No walks found in {file_name}."
    new = sum(f.ticked_by_default for f in plan.found)
    text = f"{found} recording{'s' if found > 1 else ''} found in {file_name}: "
    if new == 0:
        text += "none is new."
    elif new == found:
        text += "all new, and ticked." if found > 1 else "new, and ticked."
    else:
        text += f"{new} new, ticked."
    if any(f.takeable and not f.ticked_by_default for f in plan.found):
        text += " To import one left out, or one that overlaps a walk you logged, tick it."
    return text


class WalkTable(QTableWidget):
    """The walks found, a row each; Space ticks or unticks the current row's walk
    (whichever of its cells has the focus)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self.currentRow() >= 0:
            tick = self.item(self.currentRow(), 0)
            if tick is not None and tick.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                ticked = tick.checkState() == Qt.CheckState.Checked
                tick.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)  # Enter is left to the dialog: it imports


class ImportPreview(QDialog):
    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.setWindowTitle(f"Import walks from {file_name}")
        self.found: list[FoundWalk] = []

        self.reading = QLabel(f"Reading {file_name}…")
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_RANGE)
        self.progress.setValue(0)
        self.progress.setAccessibleName(f"Reading {file_name}")
        reading_page = QWidget()
        reading_layout = QVBoxLayout(reading_page)
        reading_layout.addStretch()
        reading_layout.addWidget(self.reading)
        reading_layout.addWidget(self.progress)
        reading_layout.addStretch()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = WalkTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName(f"Walks found in {file_name}")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._ticks_changed)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("Also left out")
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.intro)
        preview_layout.addWidget(self.table, 1)
        preview_layout.addWidget(self.notes)

        self.pages = QStackedWidget()
        self.pages.addWidget(reading_page)
        self.pages.addWidget(preview_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setEnabled(False)  # until the file is read
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(420, 160)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(min(PROGRESS_RANGE, done * PROGRESS_RANGE // max(total, 1)))
        self.reading.setText(f"Reading {self.file_name}… {_size(done)} of {_size(total)}")

    def show_plan(self, plan: DeviceImportPlan) -> None:
        """The walks found, ticked as the plan says; the Import button writes the ticked."""
        self.found = list(plan.found)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.found))
        for row, found in enumerate(self.found):
            self._fill_row(row, found)
        self.table.blockSignals(False)
        self.intro.setText(_intro(plan))
        if plan.notes:
            self.notes.setText("Also left out: " + "; ".join(plan.notes) + ".")
        self.notes.setVisible(bool(plan.notes))
        self.pages.setCurrentIndex(1)
        self._ticks_changed()
        self._grow_on_screen(960, 460)
        self.import_button.setDefault(True)
        self.table.setFocus()
        first = next((row for row, f in enumerate(self.found) if f.ticked_by_default), 0)
        self.table.setCurrentCell(first, 0)

    def _grow_on_screen(self, width: int, height: int) -> None:
        """From the small reading box to the table's size, kept on the screen (a small
        screen at 150 % has about 850 x 500) and centred where the box was."""
        room = available_size(self)
        centre = self.geometry().center()
        self.resize(min(max(self.width(), width), room.width()), min(height, room.height()))
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry().size() - self.size()
        left = centre.x() - self.width() // 2
        top = centre.y() - self.height() // 2
        left = max(screen.left(), min(left, screen.right() - self.width() - frame.width()))
        top = max(screen.top(), min(top, screen.bottom() - self.height() - frame.height()))
        self.move(left, top)

    def _fill_row(self, row: int, found: FoundWalk) -> None:
        walk = found.walk
        km = "" if walk.distance_km is None else f"{walk.distance_km:.2f}"
        cells = [
            f"{walk.start:%a %d %b %Y, %H:%M}",
            f"{walk.minutes:g}",
            km,
            walk.surface.value,
            walk.pace.value,
            found.source,
            found.status,
        ]
        grey = muted(self.table.palette())
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if not found.ticked_by_default:
                item.setForeground(grey)
            item.setToolTip(found.status)
            self.table.setItem(row, column, item)
        tick = self.table.item(row, 0)
        assert tick is not None
        if found.takeable:
            tick.setFlags(tick.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        else:  # already there, or no walk can be: a greyed box, the row still reachable
            tick.setFlags(Qt.ItemFlag.NoItemFlags)
        checked = found.ticked_by_default
        tick.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        tick.setData(Qt.ItemDataRole.AccessibleDescriptionRole, found.status)

    def ticked(self) -> list[bool]:
        return [
            self.table.item(row, 0).checkState() == Qt.CheckState.Checked  # type: ignore[union-attr]
            for row in range(self.table.rowCount())
        ]

    def chosen(self) -> list[Walk]:
        """The ticked walks, the ones Import writes."""
        return [
            found.walk
            for found, ticked in zip(self.found, self.ticked(), strict=True)
            if ticked and found.takeable
        ]

    def _ticks_changed(self, _item: QTableWidgetItem | None = None) -> None:
        count = len(self.chosen())
        self.import_button.setText(f"Import {count} walk{'' if count == 1 else 's'}")
        self.import_button.setEnabled(count > 0)
