"""Nerve signs recorded on pain ratings, and when a new one should prompt the red-flag checklist.

domain.md, rule 4: a rating that records a nerve sign that is new against the previous
rating (symptoms in both legs, weakness, numbness or tingling reaching the foot) prompts
the red-flag checklist, at most once a day after a check that found none, so someone with
steady two-sided symptoms is not asked at every rating. The window only opens the form.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from sciajournal.core.entities import PainRating, RedFlagCheck
from sciajournal.core.enums import Reach, RedFlag, Side


class NerveSign(Enum):
    BOTH_LEGS = "symptoms in both legs"
    WEAKNESS = "weakness"
    NUMBNESS_TO_FOOT = "numbness reaching the foot"
    TINGLING_TO_FOOT = "tingling reaching the foot"


#: The checklist item a nerve sign already is: ticked in advance when the rating that
#: recorded it opens the checklist, so the Enter that follows logs what the patient has just
#: told us (and shows the notice) instead of a check that "found none". Weakness and
#: numbness or tingling reaching the foot are not checklist items by themselves (the
#: checklist asks whether weakness gets worse, or a deficit progresses): the patient answers.
CHECKLIST_ITEM_OF: dict[NerveSign, RedFlag] = {NerveSign.BOTH_LEGS: RedFlag.BOTH_LEGS}

#: After a red-flag check that found none, a new nerve sign does not prompt again this soon.
QUIET_AFTER_NEGATIVE_CHECK = timedelta(days=1)
#: How far back the caller should look for the previous rating and the last check; an older
#: previous rating is treated as none, so the sign counts as new (a prompt, never a miss).
PROMPT_LOOKBACK = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class ChecklistPrompt:
    rating: PainRating
    new_signs: frozenset[NerveSign]

    @property
    def reason(self) -> str:
        """ "Your rating records weakness, new since your previous rating."""
        signs = " and ".join(sign.value for sign in NerveSign if sign in self.new_signs)
        return f"Your pain rating records {signs}, new since your previous rating."

    @property
    def recorded_items(self) -> frozenset[RedFlag]:
        """The checklist items the rating itself recorded (ticked in advance)."""
        return frozenset(CHECKLIST_ITEM_OF[s] for s in self.new_signs if s in CHECKLIST_ITEM_OF)


def nerve_signs(rating: PainRating) -> frozenset[NerveSign]:
    signs = set()
    if rating.side is Side.BOTH:
        signs.add(NerveSign.BOTH_LEGS)
    if rating.weakness:
        signs.add(NerveSign.WEAKNESS)
    if rating.reach is Reach.FOOT:
        if rating.numbness:
            signs.add(NerveSign.NUMBNESS_TO_FOOT)
        if rating.tingling:
            signs.add(NerveSign.TINGLING_TO_FOOT)
    return frozenset(signs)


def previous_rating(rating: PainRating, ratings: Iterable[PainRating]) -> PainRating | None:
    """The latest other rating taken before this one (ties at the same minute by id)."""
    earlier = [r for r in ratings if r.id != rating.id and (r.at, r.id) < (rating.at, rating.id)]
    return max(earlier, key=lambda r: (r.at, r.id), default=None)


def checklist_prompt(
    rating: PainRating,
    ratings: Iterable[PainRating],
    checks: Iterable[RedFlagCheck],
    replaced: PainRating | None = None,
) -> ChecklistPrompt | None:
    """A prompt when `rating` (just saved) records a nerve sign its previous rating did not.

    `ratings` and `checks` should cover PROMPT_LOOKBACK before the rating. `replaced` is the
    rating's version before an edit: signs it already had are not new, so saving an entry
    unchanged never prompts.
    """
    previous = previous_rating(rating, ratings)
    new = nerve_signs(rating) - (nerve_signs(previous) if previous else frozenset())
    if replaced is not None:
        new -= nerve_signs(replaced)
    if not new:
        return None
    quiet_since = rating.at - QUIET_AFTER_NEGATIVE_CHECK
    if any(not c.signs and quiet_since <= c.at <= rating.at for c in checks):
        return None
    return ChecklistPrompt(rating, frozenset(new))


def first_checklist_prompt(
    saved: Iterable[PainRating],
    ratings: Iterable[PainRating],
    checks: Iterable[RedFlagCheck],
    replaced: Iterable[PainRating] = (),
) -> ChecklistPrompt | None:
    """The prompt for the first of several ratings saved together (a walk saves two)."""
    ratings = list(ratings)
    checks = list(checks)
    before_edit = {r.id: r for r in replaced}
    for rating in sorted(saved, key=lambda r: (r.at, r.id)):
        prompt = checklist_prompt(rating, ratings, checks, before_edit.get(rating.id))
        if prompt is not None:
            return prompt
    return None
