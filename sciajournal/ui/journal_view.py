"""The journal list: a filter bar (kind, date range) over day-grouped entries, newest first."""

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from sciajournal.analysis.outcomes import Light
from sciajournal.core.entities import Entry
from sciajournal.core.kind_names import KIND_NAMES, kinds_name
from sciajournal.ui.journal_rows import Row
from sciajournal.ui.widgets.colours import error_colour
from sciajournal.ui.widgets.date_range import ALL_TIME, CUSTOM, DateRangeControls

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

KIND_FILTERS: list[tuple[str, tuple[type, ...] | None]] = [
    ("All entries", None),
    *((kinds_name(kind), (kind,)) for kind in KIND_NAMES),
]
RANGE_PRESETS: list[tuple[str, int]] = [
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last year", 365),
    ("All time", ALL_TIME),
    ("Custom", CUSTOM),
]


#: The traffic light's colours and shapes: a shape as well, so it reads without colour
#: (the row also says "pain at the end: moderate (amber)" in words).
LIGHT_LOOKS = {
    Light.GREEN: ("#2e7d32", "circle"),
    Light.AMBER: ("#e69500", "triangle"),
    Light.RED: ("#c62828", "square"),
}
ICON_SIZE = 14


def light_icon(light: Light | None) -> QPixmap:
    """The light as a small coloured shape; a blank of the same size keeps rows aligned."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    if light is None:
        return pixmap
    colour, shape = LIGHT_LOOKS[light]
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202020"), 1))
    painter.setBrush(QColor(colour))
    box = QRectF(1.5, 1.5, ICON_SIZE - 3, ICON_SIZE - 3)
    if shape == "circle":
        painter.drawEllipse(box)
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()])
        )
    else:
        painter.drawRect(box.adjusted(1, 1, -1, -1))
    painter.end()
    return pixmap


class JournalModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.FontRole and (row.is_heading or row.urgent or row.alarm):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.alarm:
            return error_colour(QApplication.palette())  # apart from a flagged walk's bold
        if role == Qt.ItemDataRole.DecorationRole and not row.is_heading:
            return light_icon(row.light)
        if role == Qt.ItemDataRole.ToolTipRole and not row.is_heading:
            return row.text  # long lines are cut at the window's edge
        if role == Qt.ItemDataRole.SizeHintRole and row.is_heading:
            return QSize(0, 30)  # air above each day
        if role == Qt.ItemDataRole.TextAlignmentRole and row.is_heading:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        if role == ENTRY_ROLE:
            return row.entry
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self._rows[index.row()].is_heading:
            return Qt.ItemFlag.ItemIsEnabled  # a heading is not an entry to select
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class EntryList(QListView):
    """Enter or double-click edits, Delete deletes: the window decides what that means."""

    editRequested = Signal(object)
    deleteRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Journal entries")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)  # a flagged walk says why, in full
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(lambda index: self._request(self.editRequested, index))

    def selected_entry(self) -> Entry | None:
        index = self.currentIndex()
        entry: Entry | None = index.data(ENTRY_ROLE) if index.isValid() else None
        return entry

    def _request(self, signal: SignalInstance, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is not None:
            signal.emit(entry)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request(self.editRequested, self.currentIndex())
        elif event.key() == Qt.Key.Key_Delete:
            self._request(self.deleteRequested, self.currentIndex())
        else:
            super().keyPressEvent(event)


class JournalView(QWidget):
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Show")
        self.kind.addItems([label for label, _kinds in KIND_FILTERS])
        # Last 30 days by default: quick to open, and what a day-to-day user reads.
        self.range = DateRangeControls(RANGE_PRESETS, 1, date.today(), self)
        self.model = JournalModel(self)
        self.list = EntryList()
        self.list.setModel(self.model)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)

        bar = QHBoxLayout()
        for text, widget in (("Sho&w", self.kind), ("&Range", self.range.preset)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.range.first)
        bar.addWidget(self.range.between())
        bar.addWidget(self.range.last)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.kind.currentIndexChanged.connect(self.filtersChanged)
        self.range.changed.connect(self.filtersChanged)

    def set_today(self, today: date) -> None:
        self.range.set_today(today)

    def kinds(self) -> tuple[type, ...] | None:
        return KIND_FILTERS[self.kind.currentIndex()][1]

    def date_range(self) -> tuple[date | None, date | None]:
        return self.range.date_range()

    def show_rows(self, rows: list[Row], empty_text: str) -> None:
        self.model.set_rows(rows)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(empty_text)
