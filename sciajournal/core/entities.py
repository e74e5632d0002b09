"""The nine kinds of journal entry as immutable value objects.

They carry no database identity beyond `id` (a UUID string that export and import
preserve) and are what every layer passes around: the service stores them, analysis
reads them, forms produce them. Validation lives in `validation.py`.

An id is kept in one canonical spelling (lower case, hyphenated): the same UUID written
in capitals or without hyphens by another tool is the same entry, so every entry
canonicalises its id (and a rating its walk link) as it is made, wherever it comes from.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sciajournal.core.enums import (
    Pace,
    PainContext,
    Reach,
    RedFlag,
    Side,
    Surface,
    TreatmentKind,
)


def new_id() -> str:
    return str(uuid.uuid4())


#: The spelling str(uuid.UUID(...)) gives: checked first, because every entry read from the
#: journal already has it and parsing 20,000 UUIDs was a third of loading ten years.
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def canonical_id(value: str) -> str:
    """`value` as a lower-case hyphenated UUID; unchanged when it is not a UUID at all
    (validation then refuses it, naming the field)."""
    if not isinstance(value, str) or _CANONICAL_ID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return value


def _canonicalise(entry: object, *names: str) -> None:
    for name in names:
        value = getattr(entry, name)
        if value is not None:
            # Frozen dataclass: the same way its generated __init__ sets fields.
            object.__setattr__(entry, name, canonical_id(value))


@dataclass(frozen=True, slots=True)
class Walk:
    start: datetime
    minutes: float
    surface: Surface = Surface.FLAT
    pace: Pace = Pace.SLOW
    distance_km: float | None = None
    steps: int | None = None
    supportive_shoes: bool = False
    trekking_poles: bool = False
    stretched_before: bool = False
    stretched_after: bool = False
    stopped_early: bool = False
    #: Minutes into the walk when leg symptoms began (neurogenic claudication), if they did.
    symptoms_after_minutes: float | None = None
    #: How long the patient says pain stayed raised after the walk, when they recorded it.
    pain_lasted_hours: float | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.start

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True, slots=True)
class PainRating:
    at: datetime
    back: int
    leg: int
    context: PainContext = PainContext.STANDALONE
    #: The walk this rating belongs to; required for before/end/follow-up ratings.
    walk_id: str | None = None
    side: Side | None = None
    reach: Reach | None = None
    numbness: bool = False
    tingling: bool = False
    weakness: bool = False
    notes: str = ""
    id: str = field(default_factory=new_id)
    #: Morning rating only: how often pain woke the patient last night, and hours slept.
    times_woken: int | None = None
    hours_slept: float | None = None
    #: Bedtime rating only: the longest sitting today that was comfortable, in minutes.
    comfortable_sitting_minutes: float | None = None

    def __post_init__(self) -> None:
        _canonicalise(self, "id", "walk_id")

    @property
    def when(self) -> datetime:
        return self.at


@dataclass(frozen=True, slots=True)
class Treatment:
    start: datetime
    kind: TreatmentKind
    minutes: float = 20
    body_area: str = "lower back"
    #: Back and leg pain 0-10 before and after the session, when rated (schema 0003;
    #: before it one unlabelled "pain" number, now copied into both: see the migration).
    back_before: int | None = None
    leg_before: int | None = None
    back_after: int | None = None
    leg_after: int | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.start


@dataclass(frozen=True, slots=True)
class MedicationDose:
    at: datetime
    name: str
    dose: float
    unit: str = "mg"
    quantity: float = 1
    as_needed: bool = True
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.at


@dataclass(frozen=True, slots=True)
class RedFlagCheck:
    """A red-flag checklist as answered; `signs` empty means the check found none."""

    at: datetime
    signs: frozenset[RedFlag] = frozenset()
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.at


@dataclass(frozen=True, slots=True)
class Note:
    at: datetime
    text: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.at


@dataclass(frozen=True, slots=True)
class BothersomenessCheck:
    """The Sciatica Bothersomeness Index (Patrick et al. 1995), answered for the last week.

    Each item is how bothersome it was, 0 (not at all) to 6 (extremely); the total is
    0-24. Scoring and its wording live in analysis; this is just the answers.
    """

    at: datetime
    leg_pain: int
    numbness_tingling: int
    weakness: int
    sitting_pain: int
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.at


@dataclass(frozen=True, slots=True)
class FunctionActivity:
    """An activity the patient named for the Patient-Specific Functional Scale.

    Retiring one (`retired` set) keeps every score already given to it; a new
    activity is a new entry, so history is never rewritten.
    """

    added: datetime
    name: str
    retired: datetime | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.added


@dataclass(frozen=True, slots=True)
class ActivityScore:
    """One activity's rating: 0 (cannot do it) to 10 (as well as before the problem)."""

    activity_id: str
    score: int

    def __post_init__(self) -> None:
        _canonicalise(self, "activity_id")


@dataclass(frozen=True, slots=True)
class FunctionRating:
    """A sitting of the Patient-Specific Functional Scale: a score for each activity
    rated then (usually every activity not retired); the mean is computed in analysis."""

    at: datetime
    scores: tuple[ActivityScore, ...]
    notes: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _canonicalise(self, "id")

    @property
    def when(self) -> datetime:
        return self.at


Entry = (
    Walk
    | PainRating
    | Treatment
    | MedicationDose
    | RedFlagCheck
    | Note
    | BothersomenessCheck
    | FunctionActivity
    | FunctionRating
)
ENTRY_TYPES: tuple[type[Entry], ...] = (
    Walk,
    PainRating,
    Treatment,
    MedicationDose,
    RedFlagCheck,
    Note,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
)
