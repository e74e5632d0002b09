"""A believable, deterministic synthetic journal: a recovery story for demos, screenshots
and benchmarks.

The story: a patient starts with bad right-sided sciatica, walks 5-10 minutes a day
on flat ground and builds up by about 10 % a week. Pain eases over months, with a
flare-up every few months (a long car ride, lifting, a walk that was too long) after
which walking is cut back and rebuilt. Overdoing it shows up as pain that continues
after a walk. Function measures (weekly bothersomeness and activity ratings, sleep and
sitting) follow the same pain level: see demo_measures. The same seed and end date
always give the same entries.
"""

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sciajournal.core.entities import (
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
    Pace,
    PainContext,
    Reach,
    RedFlag,
    Side,
    Surface,
    TreatmentKind,
)
from sciajournal.core.timestamps import local_aware, local_now
from sciajournal.demo_measures import DemoMeasures

#: Twenty years of history is more than any demo or benchmark needs; far more would take
#: hours and gigabytes (and run past the years an entry may have).
MAX_DEMO_DAYS = 7300
FLARE_CAUSES = ("Long car ride", "Lifted a heavy box", "Gardening all afternoon", "Slept badly")


@dataclass
class _State:
    severity: float  # underlying nerve irritability, ~0-8
    tolerance: float  # minutes of walking that currently settle
    flare: float = 0.0  # extra pain from a flare-up, decays
    after_effect: float = 0.0  # pain carried into the next morning by a walk that was too much


def check_demo_days(days: int) -> None:
    if not 1 <= days <= MAX_DEMO_DAYS:
        raise ValueError(f"--days {days}: a demo covers 1 to {MAX_DEMO_DAYS} days (20 years)")


def demo_entries(days: int, seed: int = 1, end: datetime | None = None) -> list[Entry]:
    """Entries for `days` days ending at `end` (default now); nothing later than `end`."""
    check_demo_days(days)
    rng = random.Random(seed)
    end = end or local_now()
    first_day = end.date() - timedelta(days=days - 1)
    state = _State(severity=6.5, tolerance=8.0)
    measures = DemoMeasures(seed, days)
    entries: list[Entry] = []
    for day_index in range(days):
        day = first_day + timedelta(days=day_index)
        entries.extend(_day(rng, state, day, day_index, measures))
    entries.extend(measures.activities(end))
    return _as_it_stands_at(entries, end)


def _as_it_stands_at(entries: list[Entry], end: datetime) -> list[Entry]:
    """Entries made by `end`. A walk or an ice/heat session is logged once it is over (a form
    refuses one that ends in the future), so one still going on at `end` is left out. A walk
    left out takes the ratings that name it along, even the one two minutes before its
    start: a rating may not name a walk that is not in the journal (a demo made at 9:59 for
    a walk at 10:00 was refused)."""
    kept = [entry for entry in entries if _over(entry) <= end]
    walk_ids = {entry.id for entry in kept if isinstance(entry, Walk)}
    activity_ids = {entry.id for entry in kept if isinstance(entry, FunctionActivity)}
    return [
        entry
        for entry in kept
        if not (isinstance(entry, PainRating) and entry.walk_id not in (None, *walk_ids))
        and not (
            isinstance(entry, FunctionRating)
            and any(score.activity_id not in activity_ids for score in entry.scores)
        )
    ]


def _over(entry: Entry) -> datetime:
    """When an entry can first be logged: a walk or session when it ends."""
    if isinstance(entry, Walk | Treatment):
        return entry.start + timedelta(minutes=entry.minutes)
    return entry.when


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _at(day: date, hour: float) -> datetime:
    moment = datetime.combine(day, time()) + timedelta(minutes=round(hour * 60))
    return local_aware(moment)


def _score(value: float, rng: random.Random, spread: float = 0.45) -> int:
    return max(0, min(10, round(value + rng.gauss(0, spread))))


def _reach(leg: int) -> Reach | None:
    if leg <= 0:
        return None
    return list(Reach)[min(4, (leg - 1) // 2)]


def _day(
    rng: random.Random, state: _State, day: date, index: int, measures: DemoMeasures
) -> Iterator[Entry]:
    # Slow healing with a floor, plus flare-ups that decay over two to three weeks.
    state.severity = max(1.2, state.severity * 0.993)
    state.flare *= 0.85
    if index > 20 and rng.random() < 1 / 110:
        state.flare = rng.uniform(2.5, 4.0)
        state.tolerance = max(6.0, state.tolerance * 0.75)
        yield Note(at=_at(day, 20.5), text=rng.choice(FLARE_CAUSES), id=_uid(rng))
    pain_level = state.severity + state.flare
    state.after_effect *= 0.3  # most of it is gone by the day after
    back_level = pain_level * 0.75
    leg_level = pain_level
    rng_side = Side.BOTH if state.flare > 3.5 and rng.random() < 0.1 else Side.RIGHT

    if rng.random() < 0.85:
        morning_leg = _score(leg_level + state.after_effect, rng)
        morning = PainRating(
            at=_at(day, 7.5 + rng.random()),
            back=_score(back_level + state.after_effect / 2, rng),
            leg=morning_leg,
            context=PainContext.MORNING,
            side=rng_side,
            reach=_reach(morning_leg),
            numbness=pain_level > 5 and rng.random() < 0.5,
            id=_uid(rng),
        )
        yield measures.morning(morning, pain_level + state.after_effect)
    if index < 21:  # scheduled anti-inflammatory in the first three weeks
        for hour in (8.0, 14.0, 20.0):
            yield MedicationDose(
                at=_at(day, hour + rng.random() * 0.5),
                name="Ibuprofen",
                dose=400,
                unit="mg",
                as_needed=False,
                id=_uid(rng),
            )
    elif pain_level > 4 and rng.random() < 0.5:
        yield MedicationDose(
            at=_at(day, 12 + rng.random() * 6),
            name=rng.choice(("Ibuprofen", "Ibuprofen", "Naproxen")),
            dose=400 if rng.random() < 0.7 else 250,
            unit="mg",
            id=_uid(rng),
        )

    walks_today = 0 if rng.random() < (0.45 if state.flare > 2 else 0.15) else 1
    if walks_today and index > 30 and rng.random() < 0.15:
        walks_today = 2
    for number in range(walks_today):
        yield from _walk(rng, state, day, number, back_level, leg_level, rng_side)

    if pain_level > 3.5 and rng.random() < 0.35:
        kind = rng.choice(
            (TreatmentKind.ICE, TreatmentKind.HEAT, TreatmentKind.HEAT, TreatmentKind.ALTERNATING)
        )
        before = _score(leg_level, rng)
        relief = {TreatmentKind.ICE: 1.3, TreatmentKind.HEAT: 1.0, TreatmentKind.ALTERNATING: 1.1}
        start = _at(day, 18.5 + rng.random())
        leg_after = max(0, before - round(relief[kind] + rng.gauss(0, 0.7)))
        # The back, from its own level without further random draws (the demo's sequence
        # of draws, and so every demo journal of a seed, stays as it was).
        back_before = min(10, max(0, round(back_level)))
        yield Treatment(
            start=start,
            kind=kind,
            minutes=20,
            body_area="lower back",
            back_before=back_before,
            leg_before=before,
            back_after=max(0, back_before - round(relief[kind])),
            leg_after=leg_after,
            id=_uid(rng),
        )
    yield from measures.weekly(index, _at(day, 19.5), pain_level)
    if index % 7 == 3 and index < 100:
        yield Note(at=_at(day, 16.0), text="Physiotherapy session", id=_uid(rng))
    if index % 30 == 10:
        signs = frozenset({RedFlag.PAIN_HOURS_AFTER_WALKING}) if state.flare > 3 else frozenset()
        yield RedFlagCheck(at=_at(day, 21.0), signs=signs, id=_uid(rng))
    if rng.random() < 0.3:
        bedtime_leg = _score(leg_level * 0.9, rng)
        bedtime = PainRating(
            at=_at(day, 22 + rng.random()),
            back=_score(back_level, rng),
            leg=bedtime_leg,
            context=PainContext.BEDTIME,
            side=rng_side,
            reach=_reach(bedtime_leg),
            id=_uid(rng),
        )
        yield measures.bedtime(bedtime, pain_level)


def _walk(
    rng: random.Random,
    state: _State,
    day: date,
    number: int,
    back_level: float,
    leg_level: float,
    side: Side,
) -> Iterator[Entry]:
    # Mostly within tolerance; now and then too ambitious, which is what flags are for.
    too_much = rng.random() < 0.035
    ambition = 1.5 if too_much else rng.choice((0.85, 0.95, 1.0, 1.0, 1.05, 1.1))
    if state.tolerance < 10:  # the first weeks: 5-10 minutes, as advised
        ambition = min(ambition, 1.1)
    minutes = max(5, min(60, round(state.tolerance * ambition)))
    overdone = minutes > state.tolerance * 1.3
    start = _at(day, (9.5 if number == 0 else 16.0) + rng.random() * 1.5)
    walk_id = _uid(rng)
    surface = (
        Surface.FLAT
        if state.tolerance < 20 or rng.random() < 0.6
        else rng.choice((Surface.UNEVEN, Surface.HILLS, Surface.TREADMILL))
    )
    pace = Pace.SLOW if state.tolerance < 15 else rng.choice((Pace.SLOW, Pace.MODERATE, Pace.BRISK))
    speed_kmh = {Pace.SLOW: 3.2, Pace.MODERATE: 4.2, Pace.BRISK: 5.2}[pace]
    before_leg = _score(leg_level, rng)
    end_rise = rng.choice((2, 3)) if overdone else rng.choice((0, 0, 1, 1, 2))
    end_leg = min(10, before_leg + end_rise)
    continued = overdone and rng.random() < 0.8
    yield Walk(
        start=start,
        minutes=minutes,
        surface=surface,
        pace=pace,
        distance_km=round(minutes / 60 * speed_kmh, 2),
        steps=round(minutes * {Pace.SLOW: 85, Pace.MODERATE: 100, Pace.BRISK: 115}[pace]),
        supportive_shoes=True,
        trekking_poles=state.tolerance < 12 and rng.random() < 0.4,
        stretched_before=rng.random() < 0.6,
        stretched_after=rng.random() < 0.4,
        stopped_early=overdone and rng.random() < 0.3,
        symptoms_after_minutes=round(minutes * 0.7) if end_leg >= 5 else None,
        pain_lasted_hours=round(rng.uniform(2.5, 6), 1)
        if continued and rng.random() < 0.5
        else None,
        id=walk_id,
    )
    before_back = _score(back_level, rng)
    yield PainRating(
        at=start - timedelta(minutes=2),
        back=before_back,
        leg=before_leg,
        context=PainContext.BEFORE_WALK,
        walk_id=walk_id,
        side=side,
        reach=_reach(before_leg),
        id=_uid(rng),
    )
    end = start + timedelta(minutes=minutes)
    yield PainRating(
        at=end + timedelta(minutes=1),
        back=min(10, before_back + (1 if overdone else 0)),
        leg=end_leg,
        context=PainContext.END_OF_WALK,
        walk_id=walk_id,
        side=side,
        reach=_reach(end_leg if overdone else before_leg),
        tingling=overdone and end_leg >= 5,  # new tingling is a nerve sign: only when overdone
        id=_uid(rng),
    )
    if rng.random() < 0.9:  # the odd follow-up is forgotten
        follow_leg = min(10, before_leg + 2 + (rng.random() < 0.4)) if continued else before_leg
        yield PainRating(
            at=end + timedelta(hours=2, minutes=rng.randint(0, 40)),
            back=min(10, before_back + (1 if continued else 0)),
            leg=follow_leg,
            context=PainContext.FOLLOW_UP,
            walk_id=walk_id,
            side=side,
            reach=_reach(before_leg),
            id=_uid(rng),
        )
    # Build up by up to 10 % a week (about 1.4 % a day), cut back after a bad walk.
    if continued:
        state.after_effect = rng.choice((1.0, 2.0, 2.5))
        state.tolerance = max(6.0, state.tolerance * 0.9)
    else:
        state.tolerance = min(45.0, state.tolerance * (1 + 0.10 / 7 * (1 if number == 0 else 0)))
