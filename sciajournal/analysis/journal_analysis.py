"""Everything the charts, the report and `sciajournal report --json` show, computed at once."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sciajournal.analysis.function_measures import FunctionMeasures, function_measures
from sciajournal.analysis.judged_before import JudgedBefore
from sciajournal.analysis.leg_symptoms import LegSymptoms, leg_symptoms
from sciajournal.analysis.medication import MedicationSummary, medication_summary
from sciajournal.analysis.outcomes import CONTEXT_MARGIN as CONTEXT_MARGIN  # re-exported
from sciajournal.analysis.outcomes import WalkOutcome, walk_outcomes
from sciajournal.analysis.outcomes import outcomes_by_walk as outcomes_by_walk  # re-exported
from sciajournal.analysis.progression import Progression, judged_weeks, weekly_volume
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.analysis.red_flag_history import RedFlagHistory, red_flag_history
from sciajournal.analysis.response import (
    Band,
    Correlation,
    WalkResponse,
    flag_rate_by_band,
    minutes_against_next_day_pain,
    walk_responses,
)
from sciajournal.analysis.series import Day, daily_series
from sciajournal.analysis.tolerance import WalkingTolerance, walking_tolerance
from sciajournal.analysis.treatments import (
    MedicationUse,
    TreatmentEffect,
    medication_use,
    treatment_effects,
)
from sciajournal.core.collection import Entries
from sciajournal.core.entities import FunctionActivity, RedFlagCheck, Walk
from sciajournal.core.settings import Settings


@dataclass(frozen=True, slots=True)
class JournalAnalysis:
    first_day: date
    last_day: date
    #: The day the analysis was run for: its week is the week in progress.
    today: date
    settings: Settings
    outcomes: list[WalkOutcome]
    days: list[Day]
    progression: Progression
    tolerance: WalkingTolerance
    responses: list[WalkResponse]
    bands: list[Band]
    leg_correlation: Correlation
    back_correlation: Correlation
    treatments: list[TreatmentEffect]
    medications: list[MedicationUse]
    #: Per medicine with aliases merged, against the package-label limits.
    medication: MedicationSummary
    #: Where leg symptoms reach, on which side, spreading or receding; nerve-sign counts.
    leg_symptoms: LegSymptoms
    #: Checks in the range that found at least one sign, newest first.
    red_flags: list[RedFlagCheck]
    #: Those, with the range's negative checks, the last screening and earlier red flags.
    red_flag_history: RedFlagHistory
    #: Bothersomeness, own activities, sleep and sitting, leg symptoms per week.
    function: FunctionMeasures


class _Afresh:
    """Every walk judged anew: what JudgedBefore gives too, without keeping anything."""

    walk_outcomes = staticmethod(walk_outcomes)
    walk_responses = staticmethod(walk_responses)


_AFRESH = _Afresh()


def analyse(
    entries: Entries,
    first_day: date,
    last_day: date,
    settings: Settings,
    *,
    walk_history: Sequence[Walk] | None = None,
    function_activities: Sequence[FunctionActivity] | None = None,
    today: date | None = None,
    judged_before: JudgedBefore | None = None,
) -> JournalAnalysis:
    """Analyse the local dates first_day..last_day (inclusive).

    `entries` may reach further (see CONTEXT_MARGIN): ratings outside the range are used
    as context for walks inside it, walks of the range's whole ISO weeks and of the week
    the target builds on (progression.judged_weeks) are judged for the weekly figures,
    red-flag checks up to EARLIER_RED_FLAG_WINDOW before it give the last screening and
    earlier red flags; the rest counts only inside the range.
    `walk_history` (default: the walks in `entries`) is every walk of the journal, so that
    a week is compared with the weeks before it however far back they are;
    `function_activities` (default: those in `entries`) every activity the patient named,
    since one named long before the range is still rated in it. `today` (default:
    last_day) decides which week is in progress. `judged_before` (optional) keeps walk
    outcomes between analyses of the same journal: the result is the same without it.
    """

    def inside(day: date) -> bool:
        return first_day <= day <= last_day

    today = last_day if today is None else today
    # The walks of the range's whole weeks and of the week the target builds on.
    week_start, week_end = judged_weeks(first_day, last_day, today)
    judge = judged_before or _AFRESH
    judged = judge.walk_outcomes(
        entries.walks, RatingIndex(entries.pain), settings, entries.medications
    )
    week_outcomes = [o for o in judged if week_start <= o.walk.start.date() <= week_end]
    outcomes = [o for o in week_outcomes if inside(o.walk.start.date())]
    walks = [o.walk for o in outcomes]
    treatments = [t for t in entries.treatments if inside(t.start.date())]
    doses = [d for d in entries.medications if inside(d.at.date())]
    days = daily_series(first_day, last_day, walks, entries.pain, treatments, doses)
    history = red_flag_history(entries.red_flags, first_day, last_day)
    progression = weekly_volume(
        entries.walks if walk_history is None else walk_history,
        week_outcomes,
        first_day,
        last_day,
        settings,
        today,
        entries.red_flags,
    )
    return JournalAnalysis(
        first_day=first_day,
        last_day=last_day,
        today=today,
        settings=settings,
        outcomes=outcomes,
        days=days,
        progression=progression,
        tolerance=walking_tolerance(outcomes),
        responses=judge.walk_responses(outcomes),
        bands=flag_rate_by_band(outcomes),
        leg_correlation=minutes_against_next_day_pain(days, leg=True),
        back_correlation=minutes_against_next_day_pain(days, leg=False),
        treatments=treatment_effects(treatments),
        medications=medication_use(doses),
        medication=medication_summary(doses, settings),
        leg_symptoms=leg_symptoms(entries.pain, first_day, last_day),
        red_flags=history.flagged,
        red_flag_history=history,
        function=function_measures(
            entries.bothersomeness,
            entries.function_activities if function_activities is None else function_activities,
            entries.function_ratings,
            entries.pain,
            first_day,
            last_day,
            today,
        ),
    )
