"""Plot-ready numbers for the function charts (own activities, bothersomeness, leg
symptoms per week), from the analysis. No Qt, no rules of its own."""

from dataclasses import dataclass, field

from sciajournal.analysis.bothersomeness import ITEM_LABELS, NO_VERDICT
from sciajournal.analysis.function_measures import FunctionMeasures
from sciajournal.analysis.leg_symptoms import DISTAL_FROM, LegSymptoms, ReachTrend
from sciajournal.analysis.week_frame import RangeWeek
from sciajournal.core.enums import Reach
from sciajournal.ui.charts.chart_data import DAY, day_x


@dataclass
class ActivityLine:
    name: str
    #: The activity it follows, whatever its name or the range shown.
    activity_id: str = ""
    x: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


@dataclass
class ScaleData:
    #: Each sitting: x and the mean score; hover text per sitting.
    x: list[float] = field(default_factory=list)
    means: list[float] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    activities: list[ActivityLine] = field(default_factory=list)
    verdict: str = ""


@dataclass
class BothersomenessData:
    x: list[float] = field(default_factory=list)
    totals: list[float] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    change: str = ""


@dataclass
class LegWeeksData:
    x: list[float] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    #: Per reach (buttock first), the share in % of the week's ratings with a reach.
    reach_percent: dict[Reach, list[float]] = field(default_factory=dict)
    #: Per nerve sign, the share in % of the week's ratings; NaN for a week without ratings.
    signs_percent: dict[str, list[float]] = field(default_factory=dict)
    hover: list[str] = field(default_factory=list)
    trend: str = ""


def _name(series_name: str, retired: bool) -> str:
    return series_name + (" (retired)" if retired else "")


def scale_data(measures: FunctionMeasures) -> ScaleData:
    scale = measures.functional_scale
    data = ScaleData(verdict=scale.verdict_text)
    names = {s.activity_id: s.name for s in scale.activities}
    for sitting in scale.sittings:
        data.x.append(day_x(sitting.at.date()))
        data.means.append(sitting.mean)
        scores = ", ".join(f"{names.get(a, a)} {s}" for a, s in sitting.scores.items())
        data.hover.append(f"{sitting.at:%a %d %b %Y}: mean {sitting.mean:.1f} ({scores})")
    for series in scale.activities:
        if not series.points:
            continue
        data.activities.append(
            ActivityLine(
                _name(series.name, series.retired is not None),
                series.activity_id,
                [day_x(at.date()) for at, _ in series.points],
                [float(score) for _, score in series.points],
            )
        )
    return data


def bothersomeness_data(measures: FunctionMeasures) -> BothersomenessData:
    sbi = measures.bothersomeness
    change = sbi.change_text if sbi.change is None else f"{sbi.change:+d} ({NO_VERDICT})"
    data = BothersomenessData(change=change)
    for point in sbi.points:
        data.x.append(day_x(point.at.date()))
        data.totals.append(float(point.total))
        items = ", ".join(f"{ITEM_LABELS[k].lower()} {v}" for k, v in point.items.items())
        data.hover.append(f"{point.at:%a %d %b %Y}: total {point.total} of 24 ({items})")
    return data


def week_label(week: RangeWeek) -> str:
    """A week's axis label: its Monday, "*" when partly outside the range, "so far"."""
    return (
        f"{week.monday:%d %b}"
        + ("*" if week.partly_outside_range else "")
        + (" so far" if week.in_progress else "")
    )


def trend_text(leg: LegSymptoms) -> str:
    first, second = leg.first_half.share, leg.second_half.share
    if leg.trend is ReachTrend.NOT_ENOUGH_DATA or first is None or second is None:
        return f"Over the period: {leg.trend.value} to call spreading or receding."
    return (
        f"Over the period: {leg.trend.value} (reaching the {DISTAL_FROM.value} or below: "
        f"{first * 100:.0f} % of ratings in the first half, {second * 100:.0f} % in the second)."
    )


def leg_weeks_data(measures: FunctionMeasures, leg: LegSymptoms) -> LegWeeksData:
    data = LegWeeksData(trend=trend_text(leg))
    data.reach_percent = {reach: [] for reach in Reach}
    data.signs_percent = {"numbness": [], "tingling": [], "weakness": []}
    for week in measures.leg_weeks:
        data.x.append(day_x(week.week.monday) + 3 * DAY)
        data.labels.append(week_label(week.week))
        for reach in Reach:
            share = week.reach_share(reach)
            data.reach_percent[reach].append(0.0 if share is None else share * 100)
        for sign in data.signs_percent:
            share = week.sign_share(getattr(week, sign))
            data.signs_percent[sign].append(float("nan") if share is None else share * 100)
        if not week.ratings:
            data.hover.append(f"Week of {week.week.monday:%d %b %Y}: no ratings")
            continue
        reaches = ", ".join(f"{r.value} {n}" for r, n in week.reach_counts.items() if n)
        data.hover.append(
            f"Week of {week.week.monday:%d %b %Y}"
            + (" (so far)" if week.week.in_progress else "")
            + f": {week.ratings} ratings, {week.with_reach} with reach"
            + (f" ({reaches})" if reaches else "")
            + f"; numbness {week.numbness}, tingling {week.tingling}, weakness {week.weakness}"
        )
    return data
