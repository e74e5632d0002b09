"""When a nerve sign recorded on a rating prompts the red-flag checklist (domain.md rule 4)."""

from datetime import datetime, timedelta, timezone

from sciajournal.analysis.nerve_signs import (
    NerveSign,
    checklist_prompt,
    first_checklist_prompt,
    nerve_signs,
)
from sciajournal.core.entities import PainRating, RedFlagCheck
from sciajournal.core.enums import Reach, RedFlag, Side

CET = timezone(timedelta(hours=1))


def t(day, hour=9):
    return datetime(2026, 3, day, hour, 0, tzinfo=CET)


def rating(at, **signs):
    return PainRating(at=at, back=3, leg=4, **signs)


def test_which_rating_fields_are_nerve_signs():
    assert nerve_signs(rating(t(1))) == frozenset()
    assert nerve_signs(rating(t(1), side=Side.BOTH)) == {NerveSign.BOTH_LEGS}
    assert nerve_signs(rating(t(1), weakness=True)) == {NerveSign.WEAKNESS}
    # numbness or tingling counts only when it reaches the foot
    assert nerve_signs(rating(t(1), numbness=True, reach=Reach.CALF)) == frozenset()
    assert nerve_signs(rating(t(1), numbness=True, tingling=True, reach=Reach.FOOT)) == {
        NerveSign.NUMBNESS_TO_FOOT,
        NerveSign.TINGLING_TO_FOOT,
    }


def test_a_sign_new_against_the_previous_rating_prompts():
    earlier = rating(t(1), side=Side.LEFT)
    now = rating(t(2), side=Side.BOTH)
    prompt = checklist_prompt(now, [earlier, now], [])
    assert prompt is not None and prompt.new_signs == {NerveSign.BOTH_LEGS}
    assert prompt.reason == (
        "Your pain rating records symptoms in both legs, new since your previous rating."
    )


def test_a_first_rating_with_a_sign_prompts():
    now = rating(t(2), weakness=True)
    assert checklist_prompt(now, [now], []) is not None


def test_a_steady_sign_does_not_prompt_again():
    earlier = rating(t(1), side=Side.BOTH)
    now = rating(t(2), side=Side.BOTH)
    assert checklist_prompt(now, [earlier, now], []) is None


def test_only_the_previous_rating_counts_not_an_older_one():
    older = rating(t(1), side=Side.BOTH)
    previous = rating(t(2), side=Side.LEFT)
    now = rating(t(3), side=Side.BOTH)
    assert checklist_prompt(now, [older, previous, now], []) is not None


def test_a_negative_check_in_the_last_day_quiets_the_prompt():
    earlier = rating(t(1))
    now = rating(t(2, 9), weakness=True)
    negative_yesterday = RedFlagCheck(at=t(1, 10))
    assert checklist_prompt(now, [earlier, now], [negative_yesterday]) is None
    negative_two_days_ago = RedFlagCheck(at=t(1, 8))
    assert checklist_prompt(now, [earlier, now], [negative_two_days_ago]) is not None
    # a check that found something does not quiet it: the new sign may be worse
    positive = RedFlagCheck(at=t(2, 8), signs=frozenset({RedFlag.FEVER}))
    assert checklist_prompt(now, [earlier, now], [positive]) is not None


def test_saving_an_edit_that_adds_no_sign_does_not_prompt():
    now = rating(t(2), weakness=True)
    assert checklist_prompt(now, [now], [], replaced=now) is None
    edited = PainRating(at=now.at, back=5, leg=4, weakness=True, side=Side.BOTH, id=now.id)
    prompt = checklist_prompt(edited, [edited], [], replaced=now)
    assert prompt is not None and prompt.new_signs == {NerveSign.BOTH_LEGS}


def test_the_first_of_several_saved_ratings_prompts():
    before = rating(t(2, 9))
    end = rating(t(2, 10), side=Side.BOTH)
    prompt = first_checklist_prompt([end, before], [before, end], [])
    assert prompt is not None and prompt.rating is end
