"""How urgent each red-flag sign is, and the words every screen and the report use for it.

domain.md, rule 4: each sign is graded emergency now / same day / soon. A check is worded
by its most urgent sign, so weight loss never reads "call an emergency service" and loss
of bladder control never reads "prompt assessment". This is the only place that grades.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag


class Urgency(Enum):
    """Declared most urgent first; compare with `rank`."""

    EMERGENCY = "emergency"
    SAME_DAY = "same_day"
    SOON = "soon"

    @property
    def rank(self) -> int:
        """0 for the most urgent grade."""
        return list(Urgency).index(self)


URGENCY_OF: dict[RedFlag, Urgency] = {
    # Signs of cauda equina syndrome: the emergency department, now.
    RedFlag.BOWEL_BLADDER: Urgency.EMERGENCY,
    RedFlag.DIFFICULTY_PASSING_URINE: Urgency.EMERGENCY,
    RedFlag.SADDLE_NUMBNESS: Urgency.EMERGENCY,
    RedFlag.NEW_SEXUAL_DYSFUNCTION: Urgency.EMERGENCY,
    RedFlag.WEAKNESS_BOTH_LEGS: Urgency.EMERGENCY,
    # A doctor today.
    RedFlag.WORSENING_WEAKNESS: Urgency.SAME_DAY,
    RedFlag.PROGRESSIVE_NEURO_DEFICIT: Urgency.SAME_DAY,
    RedFlag.BOTH_LEGS: Urgency.SAME_DAY,
    RedFlag.FEVER: Urgency.SAME_DAY,
    # A doctor within days.
    RedFlag.WEIGHT_LOSS: Urgency.SOON,
    RedFlag.PAIN_HOURS_AFTER_WALKING: Urgency.SOON,
    RedFlag.NIGHT_PAIN_NOT_EASED_BY_REST: Urgency.SOON,
}


@dataclass(frozen=True, slots=True)
class UrgencyWording:
    #: The grade as domain.md names it: "Emergency now".
    grade: str
    #: Where to go: "emergency department".
    where: str
    #: The notice's title and heading: what to do.
    heading: str
    #: The notice's explanation, in plain sentences.
    advice: str
    #: One sentence for the status panel and the journal row.
    short: str


WORDING: dict[Urgency, UrgencyWording] = {
    Urgency.EMERGENCY: UrgencyWording(
        grade="Emergency now",
        where="emergency department",
        heading="Go to an emergency department now",
        advice=(
            "These can be signs of cauda equina syndrome: pressure on the nerves at the "
            "base of the spine, which needs treatment within hours. Go to an emergency "
            "department now, or call an emergency service if you cannot get there. Do not "
            "wait to see whether it passes. Stop exercising."
        ),
        short="Go to an emergency department now.",
    ),
    Urgency.SAME_DAY: UrgencyWording(
        grade="Same day",
        where="a doctor today",
        heading="See a doctor today",
        advice=(
            "These signs need a doctor to examine you today. Contact your doctor or an "
            "out-of-hours service today, and stop exercising until you have been seen. "
            "If you lose control of your bladder or bowel, find it hard to pass urine, or "
            "the saddle area goes numb, go to an emergency department at once."
        ),
        short="See a doctor today.",
    ),
    Urgency.SOON: UrgencyWording(
        grade="Soon",
        where="a doctor within a few days",
        heading="See a doctor within a few days",
        advice=(
            "These signs need a doctor's assessment within the next few days: make an "
            "appointment, and stop exercising until you have been seen. If new signs "
            "appear, such as loss of bladder or bowel control, numbness in the saddle area "
            "or weakness in the legs, seek care at once."
        ),
        short="See a doctor within a few days.",
    ),
}


def urgency_of(sign: RedFlag) -> Urgency:
    return URGENCY_OF[sign]


def most_urgent(signs: Iterable[RedFlag]) -> Urgency | None:
    """The grade of the most urgent sign; None when there are no signs (a negative check)."""
    grades = [URGENCY_OF[sign] for sign in signs]
    return min(grades, key=lambda grade: grade.rank) if grades else None


def ordered_signs(signs: Iterable[RedFlag]) -> list[RedFlag]:
    """Most urgent first, then in checklist order."""
    order = list(RedFlag)
    return sorted(signs, key=lambda sign: (URGENCY_OF[sign].rank, order.index(sign)))


def signs_of(urgency: Urgency) -> list[RedFlag]:
    """The checklist's group for one grade, in checklist order."""
    return [sign for sign in RedFlag if URGENCY_OF[sign] is urgency]


def signs_text(signs: Iterable[RedFlag]) -> str:
    """ "Loss of bowel or bladder control; Fever together with back pain", most urgent first."""
    return "; ".join(RED_FLAG_LABELS[sign] for sign in ordered_signs(signs))


def graded_signs_text(signs: Iterable[RedFlag]) -> str:
    """Each sign with its grade, for the report: "Fever together with back pain (same day)"."""
    return "; ".join(
        f"{RED_FLAG_LABELS[sign]} ({WORDING[URGENCY_OF[sign]].grade.lower()})"
        for sign in ordered_signs(signs)
    )
