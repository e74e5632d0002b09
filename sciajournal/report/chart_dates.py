"""Which points of the printed chart get a date under them, and in what words.

Under about a year, day and month ("28 Nov"), thinned to fit. From about a year on the
same day and month would recur, so the axis names months with their year ("Jan 2019")
or, over many years, the years alone ("2019"), placed where each month or year begins.
Pure Python, no Qt: the painter passes the plot's width and the font's label widths.
"""

import math
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise

#: From this span of the chart's points on, the axis says which year (weekly points are
#: Mondays, so a year's summary spans 352-364 days between its first and last point).
YEARS_FROM_DAYS = 350
#: Months between year-carrying labels, tried from the closest to the widest apart.
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
#: Room between two labels, in the same units as the widths.
LABEL_GAP = 8.0


def date_labels(
    days: Sequence[date], plot_width: float, text_width: Callable[[str], float]
) -> list[tuple[int, str]]:
    """(index of the point, label) for the chart's points `days`, evenly spread over
    `plot_width`; `text_width` measures a label in the same units."""
    count = len(days)
    if not count:
        return []
    slot = plot_width / count
    if (days[-1] - days[0]).days < YEARS_FROM_DAYS:
        every = max(1, math.ceil(count / (plot_width / 46)))
        return [(index, f"{day:%d %b}") for index, day in enumerate(days) if index % every == 0]
    # Where each month begins: the first point in it (not the first point of all,
    # which is usually part-way through its month).
    starts = [
        (index, day)
        for index, day in enumerate(days)
        if index and (day.year, day.month) != (days[index - 1].year, days[index - 1].month)
    ]
    labels: list[tuple[int, str]] = []
    for step in MONTH_STEPS:
        pattern = "%Y" if step >= 12 else "%b %Y"
        labels = [(index, day.strftime(pattern)) for index, day in starts if _on_step(day, step)]
        widest = max((text_width(text) for _, text in labels), default=0.0)
        closest = min(
            (slot * (b - a) for (a, _), (b, _) in pairwise(labels)),
            default=plot_width,
        )
        if closest >= widest + LABEL_GAP:
            return labels
    return labels


def _on_step(day: date, step: int) -> bool:
    if step >= 12:
        return day.month == 1 and day.year % (step // 12) == 0
    return (day.month - 1) % step == 0
