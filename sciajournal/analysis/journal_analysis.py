"""Everything the charts, the report and `sciajournal report --json` show, computed at once."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from sciajournal.analysis.collector import collector_paused
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
from sciajournal.core.entities import (
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.settings import Settings


@dataclass(frozen=True, slots=True)
class _Basis:
    """What the figures worked out on first use are worked out from (see JournalAnalysis)."""

    # Copies of the caller's lists, which are the caller's to change afterwards.
    pain: list[PainRating]
    red_flags: list[RedFlagCheck]
    bothersomeness: list[BothersomenessCheck]
    function_ratings: list[FunctionRating]
    walk_history: list[Walk]
    function_activities: list[FunctionActivity]
    #: The outcomes of the walks of the range's whole weeks and of the week the target
    #: builds on (progression.judged_weeks).
    week_outcomes: list[WalkOutcome]
    treatments: list[Treatment]
    doses: list[MedicationDose]
    judge: "_Judge"


@dataclass(frozen=True, eq=False)
class JournalAnalysis:
    """The analysis of a range. The walks' outcomes, the days and the red flags are worked
    out at once; every other figure when first asked for, from the same entries, and then
    kept (functools.cached_property). The Charts tab's first chart needs only the former:
    after a save, "All" over ten years spent two thirds of its analysis on figures of
    charts not on screen (issue 14). Equal analyses are equal in every figure (__eq__)."""

    first_day: date
    last_day: date
    #: The day the analysis was run for: its week is the week in progress.
    today: date
    settings: Settings
    outcomes: list[WalkOutcome]
    days: list[Day]
    #: Checks in the range that found at least one sign, newest first.
    red_flags: list[RedFlagCheck]
    #: Those, with the range's negative checks, the last screening and earlier red flags.
    red_flag_history: RedFlagHistory
    _basis: _Basis = field(repr=False)

    @cached_property
    def progression(self) -> Progression:
        basis = self._basis
        with collector_paused():
            return weekly_volume(
                basis.walk_history,
                basis.week_outcomes,
                self.first_day,
                self.last_day,
                self.settings,
                self.today,
                basis.red_flags,
            )

    @cached_property
    def tolerance(self) -> WalkingTolerance:
        with collector_paused():
            return walking_tolerance(self.outcomes)

    @cached_property
    def responses(self) -> list[WalkResponse]:
        with collector_paused():
            return self._basis.judge.walk_responses(self.outcomes)

    @cached_property
    def bands(self) -> list[Band]:
        with collector_paused():
            return flag_rate_by_band(self.outcomes)

    @cached_property
    def leg_correlation(self) -> Correlation:
        with collector_paused():
            return minutes_against_next_day_pain(self.days, leg=True)

    @cached_property
    def back_correlation(self) -> Correlation:
        with collector_paused():
            return minutes_against_next_day_pain(self.days, leg=False)

    @cached_property
    def treatments(self) -> list[TreatmentEffect]:
        return treatment_effects(self._basis.treatments)

    @cached_property
    def medications(self) -> list[MedicationUse]:
        return medication_use(self._basis.doses)

    @cached_property
    def medication(self) -> MedicationSummary:
        """Per medicine with aliases merged, against the package-label limits."""
        return medication_summary(self._basis.doses, self.settings)

    @cached_property
    def leg_symptoms(self) -> LegSymptoms:
        """Where leg symptoms reach, on which side, spreading or receding; nerve-sign counts."""
        with collector_paused():
            return leg_symptoms(self._basis.pain, self.first_day, self.last_day)

    @cached_property
    def function(self) -> FunctionMeasures:
        """Bothersomeness, own activities, sleep and sitting, leg symptoms per week."""
        basis = self._basis
        with collector_paused():
            return function_measures(
                basis.bothersomeness,
                basis.function_activities,
                basis.function_ratings,
                basis.pain,
                self.first_day,
                self.last_day,
                self.today,
            )

    def figures(self) -> tuple[object, ...]:
        """Every figure of the analysis, each worked out if it was not yet."""
        return tuple(getattr(self, name) for name in FIGURES)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JournalAnalysis):
            return NotImplemented
        return self is other or self.figures() == other.figures()

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside, as before


#: Every figure of an analysis, in the order of the fields it had when all were computed
#: at once.
FIGURES = (
    "first_day",
    "last_day",
    "today",
    "settings",
    "outcomes",
    "days",
    "progression",
    "tolerance",
    "responses",
    "bands",
    "leg_correlation",
    "back_correlation",
    "treatments",
    "medications",
    "medication",
    "leg_symptoms",
    "red_flags",
    "red_flag_history",
    "function",
)


class _Judge(Protocol):
    """Judges the walks: anew (_Afresh) or reusing what did not change (JudgedBefore)."""

    def walk_outcomes(
        self,
        walks: Sequence[Walk],
        ratings: Sequence[PainRating],
        settings: Settings,
        doses: Sequence[MedicationDose],
    ) -> list[WalkOutcome]: ...

    def walk_responses(self, outcomes: Sequence[WalkOutcome]) -> list[WalkResponse]: ...

    def daily_series(
        self,
        first_day: date,
        last_day: date,
        walks: Sequence[Walk],
        ratings: Sequence[PainRating],
        treatments: Sequence[Treatment],
        medications: Sequence[MedicationDose],
    ) -> list[Day]: ...


class _Afresh:
    """Every walk judged anew: what JudgedBefore gives too, without keeping anything."""

    @staticmethod
    def walk_outcomes(
        walks: Sequence[Walk],
        ratings: Sequence[PainRating],
        settings: Settings,
        doses: Sequence[MedicationDose],
    ) -> list[WalkOutcome]:
        return walk_outcomes(walks, RatingIndex(ratings), settings, doses)

    walk_responses = staticmethod(walk_responses)
    daily_series = staticmethod(daily_series)


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
    judge: _Judge = judged_before or _AFRESH
    judged = judge.walk_outcomes(entries.walks, entries.pain, settings, entries.medications)
    week_outcomes = [o for o in judged if week_start <= o.walk.start.date() <= week_end]
    outcomes = [o for o in week_outcomes if inside(o.walk.start.date())]
    walks = [o.walk for o in outcomes]
    treatments = [t for t in entries.treatments if inside(t.start.date())]
    doses = [d for d in entries.medications if inside(d.at.date())]
    days = judge.daily_series(first_day, last_day, walks, entries.pain, treatments, doses)
    history = red_flag_history(entries.red_flags, first_day, last_day)
    return JournalAnalysis(
        first_day=first_day,
        last_day=last_day,
        today=today,
        settings=settings,
        outcomes=outcomes,
        days=days,
        red_flags=history.flagged,
        red_flag_history=history,
        _basis=_Basis(
            pain=list(entries.pain),
            red_flags=list(entries.red_flags),
            bothersomeness=list(entries.bothersomeness),
            function_ratings=list(entries.function_ratings),
            walk_history=list(entries.walks if walk_history is None else walk_history),
            function_activities=list(
                entries.function_activities if function_activities is None else function_activities
            ),
            week_outcomes=week_outcomes,
            treatments=treatments,
            doses=doses,
            judge=judge,
        ),
    )
