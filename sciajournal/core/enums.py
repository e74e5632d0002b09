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
        return list(Reach).index(self) + 1


class PainContext(StrEnum):
    STANDALONE = "standalone"
    BEFORE_WALK = "before_walk"
    END_OF_WALK = "end_of_walk"
    FOLLOW_UP = "follow_up"
    MORNING = "morning"
    BEDTIME = "bedtime"


#: Contexts that only make sense as part of a walk: the rating must name its walk.
WALK_CONTEXTS = frozenset({PainContext.BEFORE_WALK, PainContext.END_OF_WALK, PainContext.FOLLOW_UP})
#: Contexts that may name a walk (the next-morning rating answers a walk's follow-up).
LINKABLE_CONTEXTS = WALK_CONTEXTS | {PainContext.MORNING}


class TreatmentKind(StrEnum):
    ICE = "ice"
    HEAT = "heat"
    ALTERNATING = "alternating"


class RedFlag(StrEnum):
    """Signs that need urgent medical evaluation (domain.md, rule 4)."""

    BOWEL_BLADDER = "bowel_bladder"
    SADDLE_NUMBNESS = "saddle_numbness"
    BOTH_LEGS = "both_legs"
    WORSENING_WEAKNESS = "worsening_weakness"
    PROGRESSIVE_NEURO_DEFICIT = "progressive_neuro_deficit"
    FEVER = "fever"
    WEIGHT_LOSS = "weight_loss"
    PAIN_HOURS_AFTER_WALKING = "pain_hours_after_walking"


#: Wording for people, shared by the GUI checklist, the CLI and the report.
RED_FLAG_LABELS: dict[RedFlag, str] = {
    RedFlag.BOWEL_BLADDER: "Loss of bowel or bladder control",
    RedFlag.SADDLE_NUMBNESS: "Numbness in the saddle area (groin, buttocks, inner thighs)",
    RedFlag.BOTH_LEGS: "Symptoms in both legs",
    RedFlag.WORSENING_WEAKNESS: "Foot drop or leg weakness that is getting worse",
    RedFlag.PROGRESSIVE_NEURO_DEFICIT: "Severe or progressive numbness or loss of function",
    RedFlag.FEVER: "Fever together with back pain",
    RedFlag.WEIGHT_LOSS: "Unexplained weight loss",
    RedFlag.PAIN_HOURS_AFTER_WALKING: "Pain that continues for hours after walking",
}
