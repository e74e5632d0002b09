"""Checks every entry before anything is written; each problem names its field.

The service calls `validate_entry` for every add, edit and import, so the GUI, the
CLI and the importers share one set of rules. Values may arrive from forms or files
with the wrong type, so types are checked as well as ranges.
"""

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    Entry,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import (
    LINKABLE_CONTEXTS,
    WALK_CONTEXTS,
    Pace,
    PainContext,
    Reach,
    RedFlag,
    Side,
    Surface,
    TreatmentKind,
)

MAX_WALK_MINUTES = 720
MAX_DISTANCE_KM = 100.0
MAX_STEPS = 200_000
MAX_PAIN_LASTED_HOURS = 72
MAX_TREATMENT_MINUTES = 240
MAX_TEXT = 10_000
MAX_NAME = 100
MAX_UNIT = 20
MAX_QUANTITY = 100
MAX_DOSE = 100_000
#: Sciatica Bothersomeness Index items: 0 (not at all) to 6 (extremely).
MAX_BOTHERSOMENESS = 6
#: Patient-Specific Functional Scale: 0 (cannot do it) to 10 (as before the problem).
MAX_FUNCTION_SCORE = 10
#: An activity is named in a few words ("put on socks"); the list and charts show it whole.
MAX_ACTIVITY_NAME = 80
MAX_TIMES_WOKEN = 20
MAX_HOURS_SLEPT = 24
MAX_SITTING_MINUTES = 24 * 60
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_OFFSET_MINUTES = 14 * 60
#: How far ahead of the clock an entry may end: clocks differ and forms round to the minute.
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, problems: list[Problem], where: str = "") -> None:
        self.problems = problems
        self.where = where
        text = "; ".join(str(p) for p in problems)
        super().__init__(f"{where}: {text}" if where else text)

    def located(self, where: str) -> "ValidationError":
        """The same problems, prefixed with the record they were found in."""
        return ValidationError(self.problems, where)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, name: str, message: str) -> None:
        self.problems.append(Problem(name, message))

    def timestamp(self, name: str, value: Any) -> None:
        if not isinstance(value, datetime):
            self.fail(name, "is missing or not a date and time")
            return
        offset = value.utcoffset()
        if offset is None:
            self.fail(name, "has no time zone offset")
            return
        minutes = offset.total_seconds() / 60
        if abs(minutes) > MAX_OFFSET_MINUTES or minutes != int(minutes):
            self.fail(name, "has an impossible UTC offset")
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            self.fail(name, f"year {value.year} is outside {MIN_YEAR}-{MAX_YEAR}")

    def number(
        self,
        name: str,
        value: Any,
        low: float,
        high: float,
        *,
        optional: bool = False,
        whole: bool = False,
        low_inclusive: bool = True,
        unit: str = "",
    ) -> None:
        if value is None:
            if not optional:
                self.fail(name, "is required")
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(name, f"must be a number, not {value!r}")
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(name, "must be a finite number")
            return
        if whole and value != int(value):
            self.fail(name, f"must be a whole number, not {value}")
            return
        too_low = value < low if low_inclusive else value <= low
        if too_low or value > high:
            if low_inclusive:
                allowed = f"from {_fmt(low)} to {_fmt(high)}{unit}"
            else:
                allowed = f"more than {_fmt(low)} and at most {_fmt(high)}{unit}"
            self.fail(name, f"must be {allowed}, not {_fmt(value)}")

    def pain(self, name: str, value: Any, *, optional: bool = False) -> None:
        self.number(name, value, 0, 10, optional=optional, whole=True)

    def choice(self, name: str, value: Any, kind: type[StrEnum], *, optional: bool = False) -> None:
        if value is None:
            if not optional:
                self.fail(name, "is required")
            return
        if not isinstance(value, kind):
            allowed = ", ".join(member.value for member in kind)
            self.fail(name, f"must be one of {allowed}, not {value!r}")

    def flag(self, name: str, value: Any) -> None:
        if not isinstance(value, bool):
            self.fail(name, f"must be true or false, not {value!r}")

    def text(self, name: str, value: Any, limit: int, *, required: bool = False) -> None:
        if not isinstance(value, str):
            self.fail(name, "must be text")
            return
        if required and not value.strip():
            self.fail(name, "must not be empty")
        if len(value) > limit:
            self.fail(name, f"is too long ({len(value)} characters, at most {limit})")

    def identifier(self, name: str, value: Any, *, optional: bool = False) -> None:
        if value is None:
            if not optional:
                self.fail(name, "is required")
            return
        try:
            uuid.UUID(str(value))
        except ValueError:
            self.fail(name, f"is not a valid id: {value!r}")


def _fmt(value: float) -> str:
    return f"{value:g}"


def validate_entry(entry: Entry) -> None:
    """Raise ValidationError listing every wrong field of `entry`."""
    problems = entry_problems(entry)
    if problems:
        raise ValidationError(problems)


def entry_problems(entry: Entry) -> list[Problem]:
    """Every wrong field of `entry`, so a form can show them together with its own."""
    check = _Checker()
    check.identifier("id", entry.id)
    match entry:
        case Walk():
            _check_walk(check, entry)
        case PainRating():
            _check_pain(check, entry)
        case Treatment():
            _check_treatment(check, entry)
        case MedicationDose():
            _check_medication(check, entry)
        case RedFlagCheck():
            _check_red_flags(check, entry)
        case Note():
            check.timestamp("at", entry.at)
            check.text("text", entry.text, MAX_TEXT, required=True)
        case BothersomenessCheck():
            _check_bothersomeness(check, entry)
        case FunctionActivity():
            _check_activity(check, entry)
        case FunctionRating():
            _check_function_rating(check, entry)
        case _:
            raise TypeError(f"not a journal entry: {entry!r}")
    return check.problems


def future_problems(entry: Entry, now: datetime) -> list[Problem]:
    """An entry records what has happened: none may end more than FUTURE_TOLERANCE from now.

    A future entry would also vanish from today's view and totals until its time came.
    """
    if isinstance(entry, Walk | Treatment):
        field, ends = "start", entry.start + timedelta(minutes=entry.minutes)
    elif isinstance(entry, FunctionActivity):
        field, ends = "added", entry.added
    else:
        field, ends = "at", entry.when
    ahead = ends - now
    if ahead <= FUTURE_TOLERANCE:
        return []
    minutes = round(ahead.total_seconds() / 60)
    later = f"{minutes} minutes" if minutes < 120 else f"{ahead.total_seconds() / 3600:.0f} hours"
    if ahead >= timedelta(days=2):
        later = f"{ahead.days} days"
    if field == "start":
        what = "walk" if isinstance(entry, Walk) else "session"
        return [Problem(field, f"the {what} would end {later} from now: enter when it started")]
    return [Problem(field, f"this time is {later} from now: enter when it happened")]


def _check_walk(check: _Checker, walk: Walk) -> None:
    check.timestamp("start", walk.start)
    check.number("minutes", walk.minutes, 0, MAX_WALK_MINUTES, low_inclusive=False, unit=" min")
    check.choice("surface", walk.surface, Surface)
    check.choice("pace", walk.pace, Pace)
    check.number("distance_km", walk.distance_km, 0, MAX_DISTANCE_KM, optional=True)
    check.number("steps", walk.steps, 0, MAX_STEPS, optional=True, whole=True)
    for name in (
        "supportive_shoes",
        "trekking_poles",
        "stretched_before",
        "stretched_after",
        "stopped_early",
    ):
        check.flag(name, getattr(walk, name))
    symptoms_after = walk.symptoms_after_minutes
    if (
        isinstance(walk.minutes, int | float)
        and isinstance(symptoms_after, int | float)
        and walk.minutes < symptoms_after <= MAX_WALK_MINUTES
    ):  # say why: the usual "from 0 to 10" would hide that the limit is the walk itself
        check.fail(
            "symptoms_after_minutes",
            f"leg symptoms began after {_fmt(symptoms_after)} min, "
            f"but the walk lasted {_fmt(walk.minutes)}",
        )
    else:
        check.number("symptoms_after_minutes", symptoms_after, 0, MAX_WALK_MINUTES, optional=True)
    check.number(
        "pain_lasted_hours",
        walk.pain_lasted_hours,
        0,
        MAX_PAIN_LASTED_HOURS,
        optional=True,
        unit=" h",
    )
    check.text("notes", walk.notes, MAX_TEXT)


def _check_pain(check: _Checker, rating: PainRating) -> None:
    check.timestamp("at", rating.at)
    check.pain("back", rating.back)
    check.pain("leg", rating.leg)
    check.choice("context", rating.context, PainContext)
    check.identifier("walk_id", rating.walk_id, optional=True)
    if rating.context in WALK_CONTEXTS and rating.walk_id is None:
        check.fail("walk_id", f"is required for a {rating.context.value} rating")
    if rating.walk_id is not None and rating.context not in LINKABLE_CONTEXTS:
        check.fail("walk_id", f"a {rating.context} rating cannot belong to a walk")
    check.choice("side", rating.side, Side, optional=True)
    check.choice("reach", rating.reach, Reach, optional=True)
    for name in ("numbness", "tingling", "weakness"):
        check.flag(name, getattr(rating, name))
    check.text("notes", rating.notes, MAX_TEXT)
    _check_sleep_and_sitting(check, rating)


def _check_sleep_and_sitting(check: _Checker, rating: PainRating) -> None:
    """Last night's sleep belongs to the morning rating, the day's sitting to bedtime's."""
    check.number("times_woken", rating.times_woken, 0, MAX_TIMES_WOKEN, optional=True, whole=True)
    check.number("hours_slept", rating.hours_slept, 0, MAX_HOURS_SLEPT, optional=True, unit=" h")
    check.number(
        "comfortable_sitting_minutes",
        rating.comfortable_sitting_minutes,
        0,
        MAX_SITTING_MINUTES,
        optional=True,
        unit=" min",
    )
    context = _context_words(rating)
    if rating.context is not PainContext.MORNING:
        for name in ("times_woken", "hours_slept"):
            if getattr(rating, name) is not None:
                check.fail(name, f"only a morning rating records the night, not a {context} one")
    if rating.context is not PainContext.BEDTIME and rating.comfortable_sitting_minutes is not None:
        check.fail(
            "comfortable_sitting_minutes",
            f"only a bedtime rating records the day's sitting, not a {context} one",
        )


def _check_treatment(check: _Checker, treatment: Treatment) -> None:
    check.timestamp("start", treatment.start)
    check.choice("kind", treatment.kind, TreatmentKind)
    check.number(
        "minutes", treatment.minutes, 0, MAX_TREATMENT_MINUTES, low_inclusive=False, unit=" min"
    )
    check.text("body_area", treatment.body_area, MAX_NAME)
    for name in ("back_before", "leg_before", "back_after", "leg_after"):
        check.pain(name, getattr(treatment, name), optional=True)
    check.text("notes", treatment.notes, MAX_TEXT)


def _check_medication(check: _Checker, dose: MedicationDose) -> None:
    check.timestamp("at", dose.at)
    check.text("name", dose.name, MAX_NAME, required=True)
    check.number("dose", dose.dose, 0, MAX_DOSE, low_inclusive=False)
    check.text("unit", dose.unit, MAX_UNIT, required=True)
    check.number("quantity", dose.quantity, 0, MAX_QUANTITY, low_inclusive=False)
    check.flag("as_needed", dose.as_needed)
    check.text("notes", dose.notes, MAX_TEXT)


def _check_red_flags(check: _Checker, red_flags: RedFlagCheck) -> None:
    check.timestamp("at", red_flags.at)
    if not isinstance(red_flags.signs, frozenset) or not all(
        isinstance(sign, RedFlag) for sign in red_flags.signs
    ):
        allowed = ", ".join(sign.value for sign in RedFlag)
        check.fail("signs", f"must be a set of: {allowed}")
    check.text("notes", red_flags.notes, MAX_TEXT)


def _check_bothersomeness(check: _Checker, sbi: BothersomenessCheck) -> None:
    check.timestamp("at", sbi.at)
    for name in ("leg_pain", "numbness_tingling", "weakness", "sitting_pain"):
        check.number(name, getattr(sbi, name), 0, MAX_BOTHERSOMENESS, whole=True)
    check.text("notes", sbi.notes, MAX_TEXT)


def _check_activity(check: _Checker, activity: FunctionActivity) -> None:
    check.timestamp("added", activity.added)
    check.text("name", activity.name, MAX_ACTIVITY_NAME, required=True)
    if activity.retired is not None:
        check.timestamp("retired", activity.retired)
        if (
            isinstance(activity.retired, datetime)
            and isinstance(activity.added, datetime)
            and activity.retired.utcoffset() is not None
            and activity.added.utcoffset() is not None
            and activity.retired < activity.added
        ):
            check.fail("retired", "is before the activity was added")
    check.text("notes", activity.notes, MAX_TEXT)


def _check_function_rating(check: _Checker, rating: FunctionRating) -> None:
    """The scores themselves; that each names an activity in the journal is the service's
    check (it needs the journal), as a walk link is."""
    check.timestamp("at", rating.at)
    scores = rating.scores
    if not isinstance(scores, tuple) or not all(isinstance(s, ActivityScore) for s in scores):
        check.fail("scores", "must be a list of activity scores")
    elif not scores:
        check.fail("scores", "must rate at least one activity")
    else:
        seen: set[str] = set()
        for index, score in enumerate(scores):
            check.identifier(f"scores[{index}].activity_id", score.activity_id)
            if score.activity_id in seen:
                check.fail(f"scores[{index}].activity_id", "rates the same activity twice")
            seen.add(score.activity_id)
            check.number(f"scores[{index}].score", score.score, 0, MAX_FUNCTION_SCORE, whole=True)
    check.text("notes", rating.notes, MAX_TEXT)


def _context_words(rating: PainRating) -> str:
    return str(rating.context).replace("_", " ")
