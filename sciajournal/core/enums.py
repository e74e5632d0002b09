"""The fixed vocabularies of the journal (see shared/domain.md, "What they record").

Values are the snake_case strings stored in the database and the exchange format;
changing one is a schema change.
"""

from enum import StrEnum


class Surface(StrEnum):
    FLAT = "flat"
    UNEVEN = "uneven"
    HILLS = "hills"
    TREADMILL = "treadmill"


class Pace(StrEnum):
    SLOW = "slow"
    MODERATE = "moderate"
    BRISK = "brisk"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Reach(StrEnum):
    """How far down the leg symptoms reach; declaration order is distance from the spine."""

    BUTTOCK = "buttock"
    THIGH = "thigh"
    KNEE = "knee"
    CALF = "calf"
    FOOT = "foot"

    @property
    def depth(self) -> int:
        """1 for buttock ... 5 for foot, so that "reached further down" is a comparison."""
        return _REACH_DEPTH[self]  # looked up: the analysis asks this for every rating


_REACH_DEPTH = {reach: index + 1 for index, reach in enumerate(Reach)}


class PainContext(StrEnum):
    STANDALONE = "standalone"
    BEFORE_WALK = "before_walk"
    END_OF_WALK = "end_of_walk"
    FOLLOW_UP = "follow_up"
    MORNING = "morning"
    BEDTIME = "bedtime"


#: Contexts that only make sense as part of a walk: the rating must name its walk.
WALK_CONTEXTS = frozenset({PainContext.BEFORE_WALK, PainContext.END_OF_WALK, PainContext.FOLLOW_UP})
#: Ratings the walk form saves as part of the walk: they go when the walk is deleted. The
#: others linked to it (follow-up, next morning) were logged on their own and stay.
WALK_FORM_CONTEXTS = frozenset({PainContext.BEFORE_WALK, PainContext.END_OF_WALK})
#: Contexts that may name a walk (the next-morning rating answers a walk's follow-up).
LINKABLE_CONTEXTS = WALK_CONTEXTS | {PainContext.MORNING}


class TreatmentKind(StrEnum):
    ICE = "ice"
    HEAT = "heat"
    ALTERNATING = "alternating"


class RedFlag(StrEnum):
    """Signs that need medical evaluation (domain.md, rule 4).

    Declared most urgent first; analysis/red_flags.py grades each one.
    """

    BOWEL_BLADDER = "bowel_bladder"
    DIFFICULTY_PASSING_URINE = "difficulty_passing_urine"
    SADDLE_NUMBNESS = "saddle_numbness"
    NEW_SEXUAL_DYSFUNCTION = "new_sexual_dysfunction"
    WEAKNESS_BOTH_LEGS = "weakness_both_legs"
    WORSENING_WEAKNESS = "worsening_weakness"
    PROGRESSIVE_NEURO_DEFICIT = "progressive_neuro_deficit"
    BOTH_LEGS = "both_legs"
    FEVER = "fever"
    WEIGHT_LOSS = "weight_loss"
    PAIN_HOURS_AFTER_WALKING = "pain_hours_after_walking"
    NIGHT_PAIN_NOT_EASED_BY_REST = "night_pain_not_eased_by_rest"


#: Wording for people, shared by the GUI checklist, the CLI and the report.
RED_FLAG_LABELS: dict[RedFlag, str] = {
    RedFlag.BOWEL_BLADDER: "Loss of bowel or bladder control",
    RedFlag.DIFFICULTY_PASSING_URINE: "Difficulty passing urine",
    RedFlag.SADDLE_NUMBNESS: "Numbness in the saddle area (groin, buttocks, inner thighs)",
    RedFlag.NEW_SEXUAL_DYSFUNCTION: "New problems with sexual function",
    RedFlag.WEAKNESS_BOTH_LEGS: "Weakness in both legs",
    RedFlag.WORSENING_WEAKNESS: "Foot drop or leg weakness that is getting worse",
    RedFlag.PROGRESSIVE_NEURO_DEFICIT: "Severe or progressive numbness or loss of function",
    RedFlag.BOTH_LEGS: "Symptoms in both legs",
    RedFlag.FEVER: "Fever together with back pain",
    RedFlag.WEIGHT_LOSS: "Unexplained weight loss",
    RedFlag.PAIN_HOURS_AFTER_WALKING: "Pain that continues for hours after walking",
    RedFlag.NIGHT_PAIN_NOT_EASED_BY_REST: "Pain at night that rest does not ease",
}
