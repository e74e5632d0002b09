"""Complete, valid entries with every field set, for tests that need realistic values."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
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
    Pace,
    PainContext,
    Reach,
    RedFlag,
    Side,
    Surface,
    TreatmentKind,
)

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


def at(day: int = 1, hour: int = 9, minute: int = 15, tz: timezone = CET) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=tz)


def full_walk(**changes: object) -> Walk:
    built = Walk(
        start=at(),
        minutes=22.5,
        surface=Surface.UNEVEN,
        pace=Pace.MODERATE,
        distance_km=1.6,
        steps=2300,
        supportive_shoes=True,
        trekking_poles=True,
        stretched_before=True,
        stretched_after=False,
        stopped_early=True,
        symptoms_after_minutes=15,
        pain_lasted_hours=2.5,
        notes="Park loop, windy",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_pain(walk: Walk | None = None, **changes: object) -> PainRating:
    built = PainRating(
        at=at(hour=8),
        back=4,
        leg=6,
        context=PainContext.BEFORE_WALK if walk else PainContext.STANDALONE,
        walk_id=walk.id if walk else None,
        side=Side.RIGHT,
        reach=Reach.CALF,
        numbness=True,
        tingling=True,
        weakness=False,
        notes="stiff",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_treatment(**changes: object) -> Treatment:
    built = Treatment(
        start=at(hour=19),
        kind=TreatmentKind.ALTERNATING,
        minutes=20,
        body_area="lower back",
        back_before=5,
        leg_before=6,
        back_after=4,
        leg_after=4,
        notes="after dinner",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_medication(**changes: object) -> MedicationDose:
    built = MedicationDose(
        at=at(hour=12),
        name="Ibuprofen",
        dose=400,
        unit="mg",
        quantity=1.5,
        as_needed=True,
        notes="with food",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_red_flags(**changes: object) -> RedFlagCheck:
    built = RedFlagCheck(
        at=at(hour=21),
        signs=frozenset({RedFlag.SADDLE_NUMBNESS, RedFlag.BOTH_LEGS}),
        notes="called the GP",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_note(**changes: object) -> Note:
    return replace(Note(at=at(hour=16), text="PT session: new nerve glides"), **changes)  # type: ignore[arg-type]


def full_bothersomeness(**changes: object) -> BothersomenessCheck:
    built = BothersomenessCheck(
        at=at(hour=20),
        leg_pain=4,
        numbness_tingling=3,
        weakness=1,
        sitting_pain=5,
        notes="long drive on Tuesday",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def full_activity(**changes: object) -> FunctionActivity:
    built = FunctionActivity(added=at(hour=20, minute=5), name="Put on socks", notes="left foot")
    return replace(built, **changes)  # type: ignore[arg-type]


def full_function_rating(*activities: FunctionActivity, **changes: object) -> FunctionRating:
    scores = tuple(ActivityScore(a.id, 3 + index) for index, a in enumerate(activities))
    built = FunctionRating(at=at(hour=20, minute=10), scores=scores, notes="a better week")
    return replace(built, **changes)  # type: ignore[arg-type]


def morning_with_sleep(**changes: object) -> PainRating:
    built = full_pain(
        at=at(hour=7, minute=40),
        context=PainContext.MORNING,
        times_woken=2,
        hours_slept=5.5,
        notes="woke at 3",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def bedtime_with_sitting(**changes: object) -> PainRating:
    built = full_pain(
        at=at(hour=22, minute=30),
        context=PainContext.BEDTIME,
        comfortable_sitting_minutes=35,
        notes="sofa after dinner",
    )
    return replace(built, **changes)  # type: ignore[arg-type]


def one_of_each() -> list:  # type: ignore[type-arg]
    walk = full_walk()
    socks = full_activity()
    retired = full_activity(
        name="Sit through a film", added=at(hour=20, minute=1), retired=at(day=2, tz=CEST)
    )
    return [
        walk,
        full_pain(walk),
        full_pain(at=at(hour=10), context=PainContext.STANDALONE, walk_id=None, reach=None),
        full_treatment(),
        full_medication(),
        full_red_flags(),
        full_note(),
        full_bothersomeness(),
        socks,
        retired,
        full_function_rating(socks, retired),
        # Last, so that the kinds above keep the places tests index them by.
        morning_with_sleep(),
        bedtime_with_sitting(),
    ]
