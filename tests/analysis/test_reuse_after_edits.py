"""An analysis that reuses earlier figures (JudgedBefore: walk outcomes, days_before: the
days) equals a full analysis, figure by figure, floats exactly, after every edit a patient
can make: each kind of entry added, edited, deleted or moved (across a week boundary
too), at the start, in the middle and at the end of ten years, with the charts' ranges
("All" and "Month") analysed in turn as the Charts tab does."""

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest

from sciajournal.analysis.changed_entries import MOST_CHANGES, changed, on_days
from sciajournal.analysis.journal_analysis import FIGURES, JournalAnalysis, analyse
from sciajournal.analysis.judged_before import JudgedBefore
from sciajournal.analysis.outcomes import Outcome
from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
    BothersomenessCheck,
    Entry,
    FunctionRating,
    MedicationDose,
    Note,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
    new_id,
)
from sciajournal.core.enums import PainContext, RedFlag
from sciajournal.core.settings import Settings
from sciajournal.demo import demo_entries
from tests.analysis.scenario import before, follow_up, rating, t, walk

CET = timezone(timedelta(hours=1))
END = datetime(2026, 3, 20, 21, tzinfo=CET)
TODAY = END.date()
KINDS = (
    Walk,
    PainRating,
    Treatment,
    MedicationDose,
    RedFlagCheck,
    Note,
    BothersomenessCheck,
    FunctionRating,
)
WHERE = ("start", "middle", "end")


#: The figures the reuse works out itself, and the walking progression, which rests on the
#: reused outcomes; the others are worked out on first use from the same entries.
REUSED = ("outcomes", "days", "red_flags", "red_flag_history", "progression")


def same_figures(reused: JournalAnalysis, full: JournalAnalysis, names=FIGURES) -> None:
    for name in names:
        assert getattr(reused, name) == getattr(full, name), name


def when(entry: Entry) -> datetime:
    return entry.when


def moved(entry: Entry, to: datetime) -> Entry:
    return (
        replace(entry, start=to) if isinstance(entry, Walk | Treatment) else replace(entry, at=to)
    )  # type: ignore[type-var]


def across_a_week(moment: datetime) -> datetime:
    """From a Sunday evening to the Monday after, or from a Monday to the Sunday before."""
    local = moment.date()
    sunday = local + timedelta(days=6 - local.weekday())
    if local.weekday() == 0:
        return datetime.combine(local - timedelta(days=1), time(23, 30), moment.tzinfo)
    return datetime.combine(sunday + timedelta(days=1), time(0, 30), moment.tzinfo)


def edited(entry: Entry, rng: random.Random) -> Entry:
    """The entry with its figures changed, as an edit saves it: a new object, same id."""
    if isinstance(entry, Walk):
        return replace(entry, minutes=rng.choice((5.0, 22.5, 45.0)), distance_km=1.25)
    if isinstance(entry, PainRating):
        context = rng.choice((entry.context, PainContext.STANDALONE, PainContext.MORNING))
        return replace(entry, back=rng.randint(0, 10), leg=rng.randint(0, 10), context=context)
    if isinstance(entry, MedicationDose):
        return replace(entry, quantity=entry.quantity + 1)
    if isinstance(entry, RedFlagCheck):
        return replace(entry, signs=frozenset() if entry.signs else frozenset({RedFlag.FEVER}))
    return moved(entry, when(entry) + timedelta(minutes=rng.randint(-90, 90)))


ACTIONS = ("add", "edit", "delete", "move", "move across a week")


def edit(
    entries: list[Entry], rng: random.Random, where: str, kind: type, action: str
) -> list[Entry]:
    of_kind = sorted((e for e in entries if type(e) is kind), key=when)
    if not of_kind:
        return entries
    n = len(of_kind)
    low, high = {"start": (0, n // 20), "middle": (n // 2 - n // 20, n // 2 + n // 20)}.get(
        where, (n - n // 20 - 1, n - 1)
    )
    old = of_kind[rng.randint(low, max(low, high))]
    if action == "add":
        new = moved(replace(old, id=new_id()), when(old) + timedelta(minutes=rng.randint(5, 300)))  # type: ignore[type-var]
        return [*entries, new]
    if action == "delete":
        return [e for e in entries if e is not old]
    if action == "edit":
        new = edited(old, rng)
    elif action == "move":
        new = moved(old, when(old) + timedelta(hours=rng.uniform(-30, 30)))
    else:
        new = moved(old, across_a_week(when(old)))
    return [new if e is old else e for e in entries]


@pytest.fixture(scope="module")
def ten_years() -> list[Entry]:
    return list(demo_entries(3650, seed=3, end=END))


def test_reused_figures_are_those_of_a_full_analysis_after_every_edit(ten_years) -> None:
    rng = random.Random(11)
    entries = ten_years
    kept = JudgedBefore()
    first_day = min(e.when for e in entries).date()
    ranges = [(first_day, TODAY), (TODAY - timedelta(days=29), TODAY)]
    made = 0
    rounds = 10
    for step in range(rounds):
        # Each range after each round of edits, as the Charts tab analyses the month shown
        # and then "All": each reuse starts from the same range's analysis one round before.
        grouped = Entries.of(entries)
        for first, last in ranges:
            reused = analyse(grouped, first, last, Settings(), today=TODAY, judged_before=kept)
            full = analyse(grouped, first, last, Settings(), today=TODAY)
            whole = step == rounds - 1 or last - first < timedelta(days=31)
            same_figures(reused, full, FIGURES if whole else REUSED)
        for where in (*WHERE, rng.choice(WHERE)):  # every kind with every action, in turn
            kind, action = KINDS[made % len(KINDS)], ACTIONS[made // len(KINDS) % len(ACTIONS)]
            entries = edit(entries, rng, where, kind, action)
            made += 1
    assert made == len(KINDS) * len(ACTIONS)


def test_edits_outside_the_month_shown_and_in_it() -> None:
    rng = random.Random(5)
    kept = JudgedBefore()
    entries: list[Entry] = list(demo_entries(365, seed=8, end=END))
    first_day = min(e.when for e in entries).date()
    month = (TODAY - timedelta(days=29), TODAY)
    analyse(Entries.of(entries), *month, Settings(), today=TODAY, judged_before=kept)
    analyse(Entries.of(entries), first_day, TODAY, Settings(), today=TODAY, judged_before=kept)
    for where, kind in zip(WHERE, (Walk, PainRating, MedicationDose), strict=True):
        entries = edit(entries, rng, where, kind, "move across a week")
    for span in (month, (first_day, TODAY)):
        reused = analyse(Entries.of(entries), *span, Settings(), today=TODAY, judged_before=kept)
        same_figures(reused, analyse(Entries.of(entries), *span, Settings(), today=TODAY))


def test_a_walk_whose_baseline_is_deleted_is_not_judged_not_settled() -> None:
    kept = JudgedBefore()
    day = date(2026, 3, 12)
    out = walk(t(12, 10), 30)
    baseline = before(out, 3, 3)
    entries = [out, baseline, follow_up(out, timedelta(hours=2), 3, 3)]
    first = analyse(Entries.of(entries), day, day, Settings(), judged_before=kept)
    assert first.outcomes[0].outcome is Outcome.SETTLED
    without = [e for e in entries if e is not baseline]
    again = analyse(Entries.of(without), day, day, Settings(), judged_before=kept)
    assert again.outcomes[0].outcome is Outcome.NOT_JUDGED
    assert again.days[0].back_mean == 3.0 and again.days[0].ratings == 1


def test_a_rating_linked_to_a_walk_far_from_it_is_still_its_own() -> None:
    # Linked by id, not by time: a follow-up logged a week late still decides the walk.
    kept = JudgedBefore()
    first_day, last_day = date(2026, 3, 1), date(2026, 3, 20)
    out = walk(t(2, 10), 30)
    late = rating(t(9, 10), 3, 9, PainContext.FOLLOW_UP, out)
    entries = [out, before(out, 3, 3), rating(t(9, 9), 3, 3)]
    analyse(Entries.of(entries), first_day, last_day, Settings(), judged_before=kept)
    again = analyse(
        Entries.of([*entries, late]), first_day, last_day, Settings(), judged_before=kept
    )
    assert again.outcomes[0].outcome is Outcome.PAIN_CONTINUED
    assert again == analyse(Entries.of([*entries, late]), first_day, last_day, Settings())


def test_changed_tells_entries_apart_by_identity() -> None:
    a, b, c = (rating(t(day, 9), 1, 1) for day in (1, 2, 3))
    twin = replace(b)  # equal, but another object: an edit that changed nothing
    assert changed([a, b, c], [a, b, c]) == changed([], []) and not changed([a], [a])
    found = changed([a, b, c], [a, twin, c])
    assert found is not None and found.gone == [b] and found.new == [twin]
    assert changed([a, b, c], [a, c, b]) is None  # the same entries in another order
    assert changed([a, b], [a, b, b]) is not None  # one more of b: found as new
    assert changed([a, b, c, b], [a, c]) is None  # b twice: cannot tell by identity
    many = [rating(t(1, 9) + timedelta(minutes=i), 1, 1) for i in range(MOST_CHANGES + 1)]
    assert changed([], many) is None


def test_on_days_finds_a_days_entries_whatever_their_offset() -> None:
    far_east = timezone(timedelta(hours=13))
    far_west = timezone(timedelta(hours=-11))
    late_west = rating(datetime(2026, 3, 9, 23, 0, tzinfo=far_west), 1, 1)  # 10 Mar in UTC
    early_east = rating(datetime(2026, 3, 10, 0, 30, tzinfo=far_east), 1, 1)  # 9 Mar in UTC
    others = [rating(t(day, 12), 1, 1) for day in range(5, 15)]
    ordered = sorted([*others, late_west, early_east], key=when)
    day = {date(2026, 3, 9)}
    assert on_days(ordered, when, day) == [e for e in ordered if e.when.date() in day]
    days = {date(2026, 3, 10), date(2026, 3, 9)}
    assert on_days(ordered, when, days) == [e for e in ordered if e.when.date() in days]
    backwards = ordered[::-1]  # not in time order: all are looked at
    assert on_days(backwards, when, days) == [e for e in backwards if e.when.date() in days]
