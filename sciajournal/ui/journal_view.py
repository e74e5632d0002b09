"""The journal list: a filter bar (kind, date range) over day-grouped entries, newest first."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPen, QPixmap, QPolygonF
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


_icons: dict[Light | None, QPixmap] = {}


def light_icon(light: Light | None) -> QPixmap:
    """The light as a small coloured shape; a blank of the same size keeps rows aligned.

    Drawn once per light: the list asks for it every time it lays out or paints a row."""
    if light not in _icons:
        _icons[light] = _draw_light(light)
    return _icons[light]


def _draw_light(light: Light | None) -> QPixmap:
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


#: Rows read at least when a range is shown (more as the list scrolls to them): a screen
#: and a half, so a 10-year "All time" costs about what "Last 30 days" does.
FIRST_ROWS = 120
#: Days read at a time, doubled while a span brings fewer rows than a screen (a kind
#: filter with few entries), so ten sparse years take a handful of reads, not hundreds.
FIRST_SPAN_DAYS = 31
LONGEST_SPAN_DAYS = 4 * 366

#: Up to this many rows the list is laid out in one pass (about 20 ms here), in batches
#: beyond: scrolling deep into ten years read 14,000 rows (commit 8694062).
SINGLE_PASS_ROWS = 400

#: Rows for the entries from the first to the last day (local dates), newest first.
RowSource = Callable[[date, date], list[Row]]


def _days_of(rows: list[Row], first: date, last: date) -> tuple[int, int]:
    """Where the rows of first..last are: rows run newest day first, so they are one slice."""
    start = next((i for i, row in enumerate(rows) if row.day <= last), len(rows))
    end = next((i for i in range(start, len(rows)) if rows[i].day < first), len(rows))
    return start, end


class JournalModel(QAbstractListModel):
    """The journal's rows for a date range, read in spans of days as the list reaches them
    (Qt's canFetchMore/fetchMore); a change re-reads only the days around it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._source: RowSource | None = None
        self._first = self._last = self._read_from = date.min
        self._span = FIRST_SPAN_DAYS
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[Row]) -> None:
        """Show exactly these rows (nothing more to read)."""
        self.beginResetModel()
        self._rows = rows
        self._source = None
        self.endResetModel()

    def show_range(self, source: RowSource, first: date, last: date) -> None:
        """Show first..last from `source`: the newest rows now, the rest as they are reached."""
        self.beginResetModel()
        self._rows = []
        self._source = source
        self._first, self._last = first, last
        self._read_from = last + timedelta(days=1)
        self._span = FIRST_SPAN_DAYS
        self._rows = self._read_older(FIRST_ROWS)
        self.endResetModel()

    def use_source(self, source: RowSource) -> None:
        """Read from `source` from now on (the rows shown stay until reread)."""
        self._source = source

    def range(self) -> tuple[date, date] | None:
        """The range shown (None for fixed rows), oldest day first."""
        return None if self._source is None else (self._first, self._last)

    def read_range(self) -> tuple[date, date] | None:
        """The days read so far (None when nothing is), oldest first."""
        if self._source is None or self._read_from > self._last:
            return None
        return self._read_from, self._last

    def _read_older(self, wanted: int) -> list[Row]:
        """Rows of the days before those read so far, a span at a time, until `wanted`."""
        assert self._source is not None
        rows: list[Row] = []
        while len(rows) < wanted and self._read_from > self._first:
            last = self._read_from - timedelta(days=1)
            first = max(self._first, last - timedelta(days=self._span - 1))
            found = self._source(first, last)
            rows += found
            self._read_from = first
            if len(found) < wanted:
                self._span = min(self._span * 2, LONGEST_SPAN_DAYS)
        return rows

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._source is not None and self._read_from > self._first

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._read_older(FIRST_ROWS)
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows += rows
            self.endInsertRows()

    def reread(self, first: date, last: date) -> None:
        """Read first..last again (where already read) and change only the rows that differ,
        so the rest, the selection and the scroll position stay as they were."""
        read = self.read_range()
        if read is None:
            return
        first, last = max(first, read[0]), min(last, read[1])
        if first > last:
            return
        assert self._source is not None
        new = self._source(first, last)
        start, end = _days_of(self._rows, first, last)
        old = self._rows[start:end]
        same_head = 0
        while same_head < min(len(old), len(new)) and old[same_head] == new[same_head]:
            same_head += 1
        same_tail = 0
        while (
            same_tail < min(len(old), len(new)) - same_head
            and old[-1 - same_tail] == new[-1 - same_tail]
        ):
            same_tail += 1
        old_middle = old[same_head : len(old) - same_tail]
        new_middle = new[same_head : len(new) - same_tail]
        at = start + same_head
        both = min(len(old_middle), len(new_middle))
        if both:
            self._rows[at : at + both] = new_middle[:both]
            self.dataChanged.emit(self.index(at, 0), self.index(at + both - 1, 0))
        at += both
        if len(new_middle) > both:
            extra = new_middle[both:]
            self.beginInsertRows(QModelIndex(), at, at + len(extra) - 1)
            self._rows[at:at] = extra
            self.endInsertRows()
        elif len(old_middle) > both:
            gone = len(old_middle) - both
            self.beginRemoveRows(QModelIndex(), at, at + gone - 1)
            del self._rows[at : at + gone]
            self.endRemoveRows()

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
            return self._bold
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
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: the rows wrap to the width left beside it, and a scroll bar that
        # appears once they are laid out has them laid out again, narrower (at start-up,
        # before their first paint), and wrapped anew as a filter shows fewer rows.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.doubleClicked.connect(lambda index: self._request(self.editRequested, index))
        self._after_paint: list[Callable[[], object]] = []

    def after_next_paint(self, then: Callable[[], object]) -> None:
        """Call `then` in the event-loop turn after the rows are next painted.

        Here rather than with an event filter on viewport(): the first Python call of
        viewport() has PySide6 build every QWidget class of QtWidgets, with their enums,
        to find its type (30 ms at start-up, issue 14). The view's paintEvent is what
        paints the viewport."""
        self._after_paint.append(then)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        waiting, self._after_paint = self._after_paint, []
        for then in waiting:  # queued behind this paint, so the pixels reach the screen first
            QTimer.singleShot(0, then)

    def doItemsLayout(self) -> None:
        """All rows in one pass while they are few: a batched layout paints no row at all
        until its last batch, and a paint before then showed a blank list, which can be
        taken for an empty journal, under a filled Today panel (at start-up, and again
        as the panel's height settled)."""
        rows = self.model().rowCount() if self.model() is not None else 0
        if rows > SINGLE_PASS_ROWS:
            super().doItemsLayout()
            return
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        try:
            super().doItemsLayout()
        finally:
            self.setLayoutMode(QListView.LayoutMode.Batched)

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
        elif event.key() == Qt.Key.Key_End and self._read_to_the_first_entry():
            # Qt's own End would go to the last row laid out so far (layout is batched).
            model = self.model()
            last = model.index(model.rowCount() - 1, 0)
            self.setCurrentIndex(last)
            self.scrollTo(last, QAbstractItemView.ScrollHint.PositionAtBottom)
        else:
            super().keyPressEvent(event)

    def _read_to_the_first_entry(self) -> bool:
        """End goes to the journal's first entry, not to the last row read so far: rows
        are read as the list reaches them, and End reached only the next span (with
        "All time" on ten years, End stopped years short of the first entry). Whether
        there was more to read."""
        model = self.model()
        if model is None or not model.canFetchMore(QModelIndex()):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            while model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
        finally:
            QApplication.restoreOverrideCursor()
        return True


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
        self.show_state(empty_text)

    def show_state(self, empty_text: str) -> None:
        """The list, or `empty_text` in its place when it has no rows."""
        rows = self.model.rowCount() > 0
        self.list.setVisible(rows)
        self.empty.setVisible(not rows)
        self.empty.setText(empty_text)
