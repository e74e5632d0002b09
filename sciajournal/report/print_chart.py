"""The summary's chart, drawn with QPainter so that it is vector graphics in the PDF.

Made for black-and-white paper: grey bars for walking, a solid line with filled circles
for leg pain, a dashed line with open squares for back pain, and small triangles where a
mean moved by the meaningful number of points since the previous day or week.
"""

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from sciajournal.report.chart_dates import date_labels
from sciajournal.report.fonts import painter_font
from sciajournal.report.summary_content import ChartPoint

BAR_FILL = QColor(200, 200, 200)
INK = QColor(0, 0, 0)


def _nice_ceiling(value: float) -> float:
    if value <= 10:
        return 10
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def draw_chart(
    painter: QPainter,
    area: QRectF,
    chart: Sequence[ChartPoint],
    by_week: bool,
    change_points: int,
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(painter_font(painter, 7.5))
    metrics = painter.fontMetrics()  # in logical units, as painter_font promises
    legend_height = metrics.height() * 1.6
    plot = QRectF(
        area.left() + 42, area.top() + 8, area.width() - 42 - 34, area.height() - 30 - legend_height
    )
    top_minutes = _nice_ceiling(max((p.minutes for p in chart), default=0) * 1.1)

    def y_minutes(value: float) -> float:
        return plot.bottom() - value / top_minutes * plot.height()

    def y_pain(value: float) -> float:
        return plot.bottom() - value / 10 * plot.height()

    thin = QPen(INK, 0.6)
    grid = QPen(QColor(170, 170, 170), 0.4, Qt.PenStyle.DotLine)
    # Axes, grid and their labels.
    for tick in range(0, 11, 2):
        y = y_pain(tick)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(INK)
        painter.drawText(
            QRectF(plot.right() + 4, y - 7, 30, 14), Qt.AlignmentFlag.AlignLeft, str(tick)
        )
        minutes = top_minutes * tick / 10
        painter.drawText(
            QRectF(plot.left() - 40, y - 7, 36, 14), Qt.AlignmentFlag.AlignRight, f"{minutes:g}"
        )
    painter.setPen(thin)
    painter.drawRect(plot)
    painter.save()
    painter.translate(area.left() + 8, plot.center().y())
    painter.rotate(-90)
    unit = "week" if by_week else "day"
    painter.drawText(QRectF(-80, -8, 160, 14), Qt.AlignmentFlag.AlignCenter, f"walking min/{unit}")
    painter.restore()
    painter.save()
    painter.translate(area.right() - 4, plot.center().y())
    painter.rotate(90)
    painter.drawText(QRectF(-80, -8, 160, 14), Qt.AlignmentFlag.AlignCenter, "pain 0-10")
    painter.restore()

    count = len(chart)
    if count:
        slot = plot.width() / count
        bar = slot * 0.7
        painter.setBrush(QBrush(BAR_FILL))
        painter.setPen(QPen(INK, 0.4))
        for index, point in enumerate(chart):
            if point.minutes > 0:
                x = plot.left() + slot * index + (slot - bar) / 2
                painter.drawRect(
                    QRectF(
                        x, y_minutes(point.minutes), bar, plot.bottom() - y_minutes(point.minutes)
                    )
                )
        # Date labels: day and month, or with the year over a year or more.
        painter.setPen(INK)
        days = [point.day for point in chart]
        for index, text in date_labels(days, plot.width(), metrics.horizontalAdvance):
            x = plot.left() + slot * (index + 0.5)
            painter.drawText(
                QRectF(x - 30, plot.bottom() + 3, 60, 14), Qt.AlignmentFlag.AlignCenter, text
            )
        for attribute, step, dashed, filled in (
            ("leg", "leg_step", False, True),
            ("back", "back_step", True, False),
        ):
            _draw_line(painter, plot, chart, attribute, step, dashed, filled, slot, y_pain)

    # Legend.
    painter.setPen(INK)
    legend_y = area.bottom() - legend_height + 2
    items = [
        ("bar", f"walking minutes per {unit}"),
        ("leg", "leg pain (mean)"),
        ("back", "back pain (mean)"),
        ("step", f"change of {change_points}+ points since the {unit} before"),
    ]
    x = plot.left()
    for kind, text in items:
        _legend_mark(painter, kind, QPointF(x + 9, legend_y + 7))
        width = metrics.horizontalAdvance(text)
        painter.setPen(INK)
        painter.drawText(QRectF(x + 22, legend_y, width + 4, 14), Qt.AlignmentFlag.AlignLeft, text)
        x += 22 + width + 18
    painter.restore()


def _draw_line(
    painter: QPainter,
    plot: QRectF,
    chart: Sequence[ChartPoint],
    attribute: str,
    step_attribute: str,
    dashed: bool,
    filled: bool,
    slot: float,
    y_pain: object,
) -> None:
    to_y = y_pain  # a callable; typed loosely to keep the signature short
    pen = QPen(INK, 1.3, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    path = QPainterPath()
    started = False
    points: list[tuple[QPointF, int]] = []
    for index, point in enumerate(chart):
        value = getattr(point, attribute)
        if value is None:
            started = False  # a gap, not a zero
            continue
        position = QPointF(plot.left() + slot * (index + 0.5), to_y(value))  # type: ignore[operator]
        if started:
            path.lineTo(position)
        else:
            path.moveTo(position)
            started = True
        points.append((position, getattr(point, step_attribute)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.setPen(QPen(INK, 0.8))
    marker = min(3.2, slot * 0.3) if len(chart) > 60 else 3.2
    for position, step in points:
        if filled:
            painter.setBrush(QBrush(INK))
            painter.drawEllipse(position, marker, marker)
        else:
            painter.setBrush(QBrush(QColor("white")))
            painter.drawRect(
                QRectF(position.x() - marker, position.y() - marker, 2 * marker, 2 * marker)
            )
        if step:
            _triangle(painter, QPointF(position.x(), position.y() - 9 * step), up=step > 0)


def _triangle(painter: QPainter, centre: QPointF, up: bool) -> None:
    size = 4.0
    tip = -size if up else size
    path = QPainterPath(QPointF(centre.x(), centre.y() + tip))
    path.lineTo(centre.x() - size, centre.y() - tip)
    path.lineTo(centre.x() + size, centre.y() - tip)
    path.closeSubpath()
    painter.setBrush(QBrush(INK))
    painter.setPen(QPen(INK, 0.5))
    painter.drawPath(path)


def _legend_mark(painter: QPainter, kind: str, at: QPointF) -> None:
    painter.setPen(QPen(INK, 0.6))
    if kind == "bar":
        painter.setBrush(QBrush(BAR_FILL))
        painter.drawRect(QRectF(at.x() - 6, at.y() - 5, 12, 10))
    elif kind == "leg":
        painter.setPen(QPen(INK, 1.3))
        painter.drawLine(QPointF(at.x() - 9, at.y()), QPointF(at.x() + 9, at.y()))
        painter.setBrush(QBrush(INK))
        painter.drawEllipse(at, 3.2, 3.2)
    elif kind == "back":
        painter.setPen(QPen(INK, 1.3, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(at.x() - 9, at.y()), QPointF(at.x() + 9, at.y()))
        painter.setPen(QPen(INK, 0.8))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRect(QRectF(at.x() - 3.2, at.y() - 3.2, 6.4, 6.4))
    else:
        _triangle(painter, QPointF(at.x() - 4, at.y()), up=True)
        _triangle(painter, QPointF(at.x() + 5, at.y()), up=False)
