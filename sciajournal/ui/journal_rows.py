"""The journal view's rows: day headings and one readable line per entry, newest first.

Pure Python (no Qt), so what the patient reads is tested without a window. A walk's
own before and end ratings are folded into the walk's line; its follow-up has a line.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from sciajournal.analysis.bothersomeness import TOTAL_MAX, sbi_total
from sciajournal.analysis.outcomes import (
    NOT_JUDGED_TEXT,
    REASON_TEXT,
    Light,
    NotJudged,
    Outcome,
    Reason,
    WalkOutcome,
    light_for,
    painkiller_text,
)
from sciajournal.analysis.red_flags import WORDING, Urgency, most_urgent, signs_text
from sciajournal.analysis.today import NO_FOLLOW_UP_RECORDED, follow_up_still_asked
from sciajournal.core.collection import Entries
from sciajournal.core.entities import (
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
from sciajournal.core.enums import PainContext, Side
from sciajournal.core.settings import Settings
from sciajournal.ui.step_counts import steps_text

KM_PER_MILE = 1.609344
# Says what the light is about: "red light · settled" read as a contradiction to a newcomer.
LIGHT_WORDS = {
    Light.GREEN: "pain at the end: low (green)",
    Light.AMBER: "pain at the end: moderate (amber)",
    Light.RED: "pain at the end: high (red)",
}


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    day: date
    entry: Entry | None = None  # None for a day heading
    #: Needs the patient's eye: a red flag, pain that continued, a follow-up that is due.
    urgent: bool = False
    #: A walk's traffic light (analysis decides it from the pain at the end of the walk).
    light: Light | None = None
    #: A red flag: shown in the error colour, apart from the bold of other urgent rows.
    alarm: bool = False

    @property
    def is_heading(self) -> bool:
        return self.entry is None


def _n(value: float) -> str:
    return f"{value:g}"


def _pair(rating: PainRating) -> str:
    return f"back {rating.back}, leg {rating.leg}"


SIDE_WORDS = {Side.LEFT: "left leg", Side.RIGHT: "right leg", Side.BOTH: "both legs"}


def _walk_time(walk: Walk, rating: PainRating) -> str:
    """ "09:00", or "26 Nov 09:00" when the walk is not on the rating's day (a walk
    moved to another day keeps its linked ratings: the row must not pass for same-day)."""
    if walk.start.date() == rating.at.date():
        return walk.start.strftime("%H:%M")
    return f"{walk.start.day} {walk.start.strftime('%b %H:%M')}"


def walk_text(
    walk: Walk, outcome: WalkOutcome | None, settings: Settings, now: datetime
) -> tuple[str, bool]:
    parts = [f"Walk {_n(round(walk.minutes, 1))} min", walk.surface.value, walk.pace.value]
    if walk.distance_km is not None:
        if settings.distance_unit == "mi":
            parts.append(f"{walk.distance_km / KM_PER_MILE:.1f} mi")
        else:
            parts.append(f"{walk.distance_km:.1f} km")
    if walk.steps is not None:  # a device's count; a hand-logged walk rarely has one
        parts.append(steps_text(walk.steps))
    if walk.stopped_early:
        parts.append("stopped early")
    text = ", ".join(parts)
    urgent = False
    if outcome is not None:
        if outcome.baseline is not None and outcome.end is not None:
            text += (
                f" · pain back {outcome.baseline.back} → {outcome.end.back}, "
                f"leg {outcome.baseline.leg} → {outcome.end.leg}"
            )
        elif outcome.end is not None:
            text += f" · pain at the end {_pair(outcome.end)}"
        elif outcome.baseline is not None and outcome.baseline.walk_id == walk.id:
            text += f" · pain before {_pair(outcome.baseline)}"
        if outcome.light is not None:  # the word, so the light reads without its colour
            text += f" · {LIGHT_WORDS[outcome.light]}"
        # Every judgment below is the analysis's; this only words it.
        if outcome.outcome is Outcome.PAIN_CONTINUED:
            parts = [REASON_TEXT[reason] for reason in outcome.reasons]
            evidence = outcome.evidence
            if evidence is not None and evidence.reason is Reason.NEXT_MORNING_RAISED:
                # Name what the next morning was compared with: the row's own pair is the walk's.
                earlier = (
                    "previous morning"
                    if evidence.earlier is outcome.previous_morning
                    else "the rating before the walk"
                )
                worded = (
                    f": {_pair(evidence.later)} vs {earlier} {_pair(evidence.earlier)}: "
                    f"{evidence.change.text}"
                )
            else:
                worded = "" if evidence is None else f": {evidence.change.text}"
            if evidence is not None and evidence.reason in outcome.reasons:
                # The change belongs to its own reason: "+2 leg" is not a nerve sign's.
                parts[outcome.reasons.index(evidence.reason)] += worded
            text += f" · ⚠ pain continued ({'; '.join(parts)})"
            urgent = True
        elif outcome.outcome is Outcome.AWAITING_FOLLOW_UP:
            due = outcome.follow_up_due
            early = NotJudged.FOLLOW_UP_TOO_EARLY in outcome.not_judged
            if early:
                text += " · the follow-up was taken early"
            if follow_up_still_asked(outcome, now) and due <= now:
                text += f" · follow-up due since {due.strftime('%H:%M')}"
                urgent = True
            elif due <= now:  # no longer asked for: the walk stays unjudged, and says so
                text += f" · not judged ({NO_FOLLOW_UP_RECORDED})"
            else:
                text += f" · follow-up due {due.strftime('%H:%M')}"
        elif outcome.outcome is Outcome.NOT_JUDGED:
            text += f" · not judged ({NOT_JUDGED_TEXT[NotJudged.NO_BASELINE]})"
        else:
            change = outcome.follow_up_change
            text += " · settled" + (f" (follow-up: {change.text})" if change else "")
            follow_up = outcome.follow_up
            if (
                follow_up is not None
                and light_for(max(follow_up.back, follow_up.leg), settings) is Light.RED
            ):
                # Settled means "no worse than before", not "fine": say so when it is high.
                text += f", but pain is still high ({_pair(follow_up)})"
        notes = [
            NOT_JUDGED_TEXT[item]
            for item in outcome.not_judged
            if item in (NotJudged.SPREAD, NotJudged.NERVE_SIGNS, NotJudged.NEXT_MORNING)
        ]
        masked = painkiller_text(outcome)
        if masked:
            notes.append(masked)
        if notes:
            text += " · " + "; ".join(notes)
    return text, urgent


def sleep_and_sitting_text(rating: PainRating) -> str:
    """ ", woke twice, slept 5.5 h" for a morning rating; ", sat comfortably 35 min" at bedtime."""
    parts = []
    if rating.times_woken is not None:
        times = {0: "not woken by pain", 1: "woken once", 2: "woken twice"}
        parts.append(times.get(rating.times_woken, f"woken {rating.times_woken} times"))
    if rating.hours_slept is not None:
        parts.append(f"slept {_n(rating.hours_slept)} h")
    if rating.comfortable_sitting_minutes is not None:
        parts.append(f"sat comfortably up to {_n(rating.comfortable_sitting_minutes)} min")
    return "".join(f", {part}" for part in parts)


def bothersomeness_text(check: BothersomenessCheck) -> str:
    return (
        f"Sciatica bothersomeness, last week: {sbi_total(check)} of {TOTAL_MAX} "
        f"(leg pain {check.leg_pain}, numbness or tingling {check.numbness_tingling}, "
        f"weakness {check.weakness}, pain when sitting {check.sitting_pain}; 0-6 each)"
    )


def function_rating_text(rating: FunctionRating, activities: Mapping[str, FunctionActivity]) -> str:
    scores = ", ".join(
        f"{activities[s.activity_id].name if s.activity_id in activities else 'an activity'} "
        f"{s.score}"
        for s in rating.scores
    )
    return f"Activities I find hard (0 = cannot do, 10 = as before): {scores}"


def activity_text(activity: FunctionActivity) -> str:
    text = f"Activity I find hard, named: {activity.name}"
    if activity.retired is not None:
        text += f" · retired {activity.retired.strftime('%d %b %Y')}, its scores kept"
    return text


def entry_text(
    entry: Entry,
    walks: Mapping[str, Walk],
    activities: Mapping[str, FunctionActivity] | None = None,
) -> tuple[str, bool]:
    match entry:
        case PainRating():
            linked = walks.get(entry.walk_id or "")
            after = f" after the {_walk_time(linked, entry)} walk" if linked else ""
            label = {
                PainContext.STANDALONE: "Pain",
                PainContext.MORNING: "Morning pain",
                PainContext.BEDTIME: "Bedtime pain",
                PainContext.FOLLOW_UP: "Follow-up pain",
                PainContext.BEFORE_WALK: "Pain before walking",
                PainContext.END_OF_WALK: "Pain at the end of the walk",
            }[entry.context]
            text = f"{label}: {_pair(entry)}{after}"
            if entry.side is not None:  # "both legs" is itself a red-flag sign: never hidden
                text += f", {SIDE_WORDS[entry.side]}"
            if entry.reach is not None:
                text += f", down to the {entry.reach.value}"
            symptoms = [
                name
                for name, present in (
                    ("numbness", entry.numbness),
                    ("tingling", entry.tingling),
                    ("weakness", entry.weakness),
                )
                if present
            ]
            if symptoms:
                text += ", " + ", ".join(symptoms)
            return text + sleep_and_sitting_text(entry), False
        case Treatment():
            text = f"{entry.kind.value.capitalize()} {_n(entry.minutes)} min, {entry.body_area}"
            for part, rated_before, rated_after in (
                ("back", entry.back_before, entry.back_after),
                ("leg", entry.leg_before, entry.leg_after),
            ):
                if rated_before is not None and rated_after is not None:
                    text += f", {part} {rated_before} → {rated_after}"
            return text, False
        case MedicationDose():
            amount = "" if entry.quantity == 1 else f"{_n(entry.quantity)} × "
            how = "as needed" if entry.as_needed else "scheduled"
            return f"{entry.name} {amount}{_n(entry.dose)} {entry.unit} ({how})", False
        case RedFlagCheck():
            if entry.signs:
                wording = WORDING[most_urgent(entry.signs) or Urgency.SOON]
                notes = f" Notes: {entry.notes}" if entry.notes else ""
                return (
                    f"⚠ RED FLAG, {wording.grade.upper()}: {signs_text(entry.signs)}. "
                    f"{wording.short}{notes}",
                    True,
                )
            notes = f" Notes: {entry.notes}" if entry.notes else ""
            return f"Red-flag check: none of the warning signs.{notes}", False
        case Note():
            return f"Note: {entry.text}", False
        case BothersomenessCheck():
            notes = f". Notes: {entry.notes}" if entry.notes else ""
            return bothersomeness_text(entry) + notes, False
        case FunctionActivity():
            return activity_text(entry), False
        case FunctionRating():
            notes = f". Notes: {entry.notes}" if entry.notes else ""
            return function_rating_text(entry, activities or {}) + notes, False
    raise TypeError(entry)


def journal_rows(
    entries: Entries,
    outcomes: Mapping[str, WalkOutcome],
    settings: Settings,
    now: datetime,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    kinds: Iterable[type] | None = None,
) -> list[Row]:
    """Rows for the entries in first_day..last_day (local dates), newest day first."""
    wanted = tuple(kinds) if kinds is not None else None
    walks = {walk.id: walk for walk in entries.walks}
    activities = {activity.id: activity for activity in entries.function_activities}
    lines: list[tuple[datetime, str, Row]] = []
    for entry in entries:
        day = entry.when.date()
        if (first_day and day < first_day) or (last_day and day > last_day):
            continue
        if wanted is not None and not isinstance(entry, wanted):
            continue
        if (
            isinstance(entry, PainRating)
            and entry.context
            in (
                PainContext.BEFORE_WALK,
                PainContext.END_OF_WALK,
            )
            and entry.walk_id in walks
            and (wanted is None or Walk in wanted)
        ):
            continue  # shown in its walk's line
        light = None
        if isinstance(entry, Walk):
            outcome = outcomes.get(entry.id)
            text, urgent = walk_text(entry, outcome, settings, now)
            light = outcome.light if outcome else None
        else:
            text, urgent = entry_text(entry, walks, activities)
        alarm = isinstance(entry, RedFlagCheck) and bool(entry.signs)
        clock = entry.when.strftime("%H:%M")
        row = Row(f"{clock}  {text}", day, entry, urgent, light=light, alarm=alarm)
        lines.append((entry.when, entry.id, row))
    lines.sort(key=lambda line: (line[0], line[1]), reverse=True)
    rows: list[Row] = []
    for day, group in groupby((line[2] for line in lines), key=lambda row: row.day):
        rows.append(Row(day.strftime("%A %d %B %Y"), day))
        rows.extend(group)
    return rows
