"""The Patient-Specific Functional Scale (Stratford et al. 1995): sittings, activities, change.

The patient names 3-5 activities they find hard and rates each 0 (cannot do it) to 10
(as well as before the problem). A sitting's score is the mean of the activities rated
at that sitting, so an activity retired midway keeps its history and later sittings
average the activities rated then. About 2 points is a meaningful change of the score
(domain.md); it is judged on the unrounded means, and only between two sittings: with
fewer the change is "not judged", never "no change".
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from statistics import fmean

from sciajournal.core.entities import FunctionActivity, FunctionRating

SCORE_MAX = 10
#: How many activities the patient names (3-5): the rating form says so outside it.
FEWEST_ACTIVITIES, MOST_ACTIVITIES = 3, 5
#: A change of the mean score this large (points) is meaningful (domain.md).
MEANINGFUL_POINTS = 2.0
#: Sittings needed before a change is judged.
MIN_SITTINGS = 2
#: Means of whole scores: keep 1.9999999 (a float artefact of thirds) from missing 2.
_EPSILON = 1e-9
UNKNOWN_ACTIVITY = "activity not in the journal"


class Verdict(StrEnum):
    BETTER = "meaningfully_better"
    WORSE = "meaningfully_worse"
    LESS_THAN_MEANINGFUL = "less_than_meaningful"
    NOT_JUDGED = "not_judged"


# The words name the threshold from its one home, MEANINGFUL_POINTS.
VERDICT_TEXT = {
    Verdict.BETTER: f"meaningfully better ({MEANINGFUL_POINTS:g} points or more)",
    Verdict.WORSE: f"meaningfully worse ({MEANINGFUL_POINTS:g} points or more)",
    Verdict.LESS_THAN_MEANINGFUL: (
        f"less than the {MEANINGFUL_POINTS:g} points that count as meaningful"
    ),
    Verdict.NOT_JUDGED: "not judged",
}


@dataclass(frozen=True, slots=True)
class Sitting:
    at: datetime
    #: The mean of the scores given at this sitting, unrounded.
    mean: float
    #: Activity id -> score, for the activities rated at this sitting.
    scores: dict[str, int]
    rating_id: str


@dataclass(frozen=True, slots=True)
class ActivitySeries:
    activity_id: str
    name: str
    added: datetime | None
    retired: datetime | None
    points: list[tuple[datetime, int]]

    @property
    def change(self) -> int | None:
        """Last score minus the first in the range; shown without a verdict (the 2-point
        rule is for the mean score, not for one activity)."""
        if len(self.points) < 2:
            return None
        return self.points[-1][1] - self.points[0][1]


@dataclass(frozen=True, slots=True)
class FunctionalScale:
    sittings: list[Sitting]
    activities: list[ActivitySeries]

    @property
    def first(self) -> Sitting | None:
        return self.sittings[0] if self.sittings else None

    @property
    def latest(self) -> Sitting | None:
        return self.sittings[-1] if self.sittings else None

    @property
    def change(self) -> float | None:
        """Latest mean minus the first, unrounded; None with fewer than MIN_SITTINGS."""
        if len(self.sittings) < MIN_SITTINGS:
            return None
        return self.sittings[-1].mean - self.sittings[0].mean

    @property
    def verdict(self) -> Verdict:
        change = self.change
        if change is None:
            return Verdict.NOT_JUDGED
        if change >= MEANINGFUL_POINTS - _EPSILON:
            return Verdict.BETTER  # higher is better: 10 is "as before the problem"
        if change <= -MEANINGFUL_POINTS + _EPSILON:
            return Verdict.WORSE
        return Verdict.LESS_THAN_MEANINGFUL

    @property
    def not_judged_reason(self) -> str | None:
        if self.change is not None:
            return None
        if not self.sittings:
            return "not enough data: no activity ratings in this period"
        return f"not enough data: only one sitting in this period (needs {MIN_SITTINGS})"

    @property
    def same_activities(self) -> bool | None:
        """Whether the first and latest sittings rated the same activities; None without two."""
        if len(self.sittings) < MIN_SITTINGS:
            return None
        return set(self.sittings[0].scores) == set(self.sittings[-1].scores)

    @property
    def verdict_text(self) -> str:
        reason = self.not_judged_reason
        if reason is not None:
            return f"{VERDICT_TEXT[Verdict.NOT_JUDGED]} ({reason})"
        text = VERDICT_TEXT[self.verdict]
        if self.same_activities is False:
            text += "; not the same activities rated first and last"
        return text


def sitting(rating: FunctionRating) -> Sitting | None:
    """The rating as a sitting, or None when it scored nothing."""
    if not rating.scores:
        return None
    scores = {score.activity_id: score.score for score in rating.scores}
    return Sitting(rating.at, fmean(score.score for score in rating.scores), scores, rating.id)


def functional_scale(
    activities: Iterable[FunctionActivity],
    ratings: Iterable[FunctionRating],
    first_day: date,
    last_day: date,
) -> FunctionalScale:
    """Sittings on first_day..last_day, and the series of every activity rated in them or
    in use during the range. `activities` should be all of the journal's: one named long
    before the range is still rated in it."""
    inside = sorted(
        (r for r in ratings if first_day <= r.at.date() <= last_day), key=lambda r: (r.at, r.id)
    )
    sittings = [s for s in (sitting(rating) for rating in inside) if s is not None]
    known = {activity.id: activity for activity in activities}
    points: dict[str, list[tuple[datetime, int]]] = {}
    for each in sittings:
        for activity_id, score in each.scores.items():
            points.setdefault(activity_id, []).append((each.at, score))
    # Activities in use during the range but not rated in it are listed too, with no points.
    for named in known.values():
        in_use = named.added.date() <= last_day and (
            named.retired is None or named.retired.date() >= first_day
        )
        if in_use:
            points.setdefault(named.id, [])
    series = []
    for activity_id, activity_points in points.items():
        activity = known.get(activity_id)
        series.append(
            ActivitySeries(
                activity_id,
                activity.name if activity else UNKNOWN_ACTIVITY,
                activity.added if activity else None,
                activity.retired if activity else None,
                activity_points,
            )
        )
    series.sort(key=lambda s: (s.added is None, s.added.timestamp() if s.added else 0.0, s.name))
    return FunctionalScale(sittings, series)
