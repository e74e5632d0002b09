"""Small builders for analysis tests: explicit times, plain lists, no database."""

from datetime import datetime, timedelta, timezone

from sciajournal.analysis.outcomes import WalkOutcome, walk_outcome
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.entities import PainRating, Walk
from sciajournal.core.enums import PainContext, Reach
from sciajournal.core.settings import Settings

CET = timezone(timedelta(hours=1))


def t(day: int, hour: int, minute: int = 0, tz: timezone = CET, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=tz)


def walk(start: datetime, minutes: float = 30, **fields: object) -> Walk:
    return Walk(start=start, minutes=minutes, **fields)  # type: ignore[arg-type]


def rating(
    at: datetime,
    back: int,
    leg: int,
    context: PainContext = PainContext.STANDALONE,
    of: Walk | None = None,
    reach: Reach | None = None,
    **fields: object,
) -> PainRating:
    return PainRating(
        at=at,
        back=back,
        leg=leg,
        context=context,
        walk_id=of.id if of else None,
        reach=reach,
        **fields,  # type: ignore[arg-type]
    )


def before(of: Walk, back: int, leg: int, **fields: object) -> PainRating:
    return rating(of.start - timedelta(minutes=5), back, leg, PainContext.BEFORE_WALK, of, **fields)


def end(of: Walk, back: int, leg: int, **fields: object) -> PainRating:
    return rating(of.end, back, leg, PainContext.END_OF_WALK, of, **fields)


def follow_up(of: Walk, after: timedelta, back: int, leg: int, **fields: object) -> PainRating:
    return rating(of.end + after, back, leg, PainContext.FOLLOW_UP, of, **fields)


def morning(at: datetime, back: int, leg: int) -> PainRating:
    return rating(at, back, leg, PainContext.MORNING)


def outcome(of: Walk, ratings: list[PainRating], settings: Settings | None = None) -> WalkOutcome:
    return walk_outcome(of, RatingIndex(ratings), settings or Settings())


def flagged_then_settled(day: int) -> tuple[Walk, Walk, list[PainRating | Walk]]:
    """A 30-minute walk on `day` after which leg pain stayed 3 points up, then a
    20-minute walk the next day that settled: the smallest journal with both outcomes."""
    flagged = walk(t(day, 10), 30)
    settled = walk(t(day + 1, 10), 20)
    entries: list[PainRating | Walk] = [
        flagged,
        before(flagged, 2, 3),
        end(flagged, 3, 5),
        follow_up(flagged, timedelta(hours=2), 3, 6),
        settled,
        before(settled, 2, 3),
        follow_up(settled, timedelta(hours=2), 2, 3),
    ]
    return flagged, settled, entries


def pain_continued_late_last_week() -> list[PainRating | Walk]:
    """Today is Friday 13 March 2026. Last week (2-8 March) had 50 min: a walk that settled
    on Thursday 5 March and one after which pain continued on Saturday 7 March; this week a
    walk that settled on Tuesday. Next week's target must be held at 50 min, whichever day
    of this week a range starts on."""
    last_week_ok, last_week_flagged = walk(t(5, 10), 30), walk(t(7, 10), 20)
    this_week = walk(t(10, 10), 20)
    entries: list[PainRating | Walk] = [last_week_ok, last_week_flagged, this_week]
    for settled in (last_week_ok, this_week):
        entries += [before(settled, 2, 2), follow_up(settled, timedelta(hours=2), 2, 2)]
    flagged = last_week_flagged
    entries += [before(flagged, 2, 3), follow_up(flagged, timedelta(hours=2), 3, 6)]
    return entries
