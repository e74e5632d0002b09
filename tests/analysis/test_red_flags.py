"""Red-flag grading: every sign graded exactly as domain.md rule 4 lists it."""

import pytest

from sciajournal.analysis.red_flags import (
    URGENCY_OF,
    WORDING,
    Urgency,
    graded_signs_text,
    most_urgent,
    ordered_signs,
    signs_of,
)
from sciajournal.core.enums import RED_FLAG_LABELS, RedFlag

EXPECTED = {
    Urgency.EMERGENCY: {
        RedFlag.BOWEL_BLADDER,
        RedFlag.DIFFICULTY_PASSING_URINE,
        RedFlag.SADDLE_NUMBNESS,
        RedFlag.NEW_SEXUAL_DYSFUNCTION,
        RedFlag.WEAKNESS_BOTH_LEGS,
    },
    Urgency.SAME_DAY: {
        RedFlag.WORSENING_WEAKNESS,
        RedFlag.PROGRESSIVE_NEURO_DEFICIT,
        RedFlag.BOTH_LEGS,
        RedFlag.FEVER,
    },
    Urgency.SOON: {
        RedFlag.WEIGHT_LOSS,
        RedFlag.PAIN_HOURS_AFTER_WALKING,
        RedFlag.NIGHT_PAIN_NOT_EASED_BY_REST,
    },
}


def test_every_sign_has_the_grade_domain_md_gives_it():
    assert {urgency: set(signs_of(urgency)) for urgency in Urgency} == EXPECTED
    assert set(URGENCY_OF) == set(RedFlag) == set(RED_FLAG_LABELS)


@pytest.mark.parametrize(
    ("signs", "expected"),
    [
        ({RedFlag.WEIGHT_LOSS}, Urgency.SOON),
        ({RedFlag.WEIGHT_LOSS, RedFlag.FEVER}, Urgency.SAME_DAY),
        ({RedFlag.FEVER, RedFlag.WEAKNESS_BOTH_LEGS}, Urgency.EMERGENCY),
        (set(), None),
    ],
)
def test_a_check_is_graded_by_its_most_urgent_sign(signs, expected):
    assert most_urgent(signs) is expected


def test_only_the_emergency_grade_speaks_of_an_emergency_department_now():
    assert "emergency department now" in WORDING[Urgency.EMERGENCY].heading
    for urgency in (Urgency.SAME_DAY, Urgency.SOON):
        assert "emergency service" not in WORDING[urgency].advice
        assert "now" not in WORDING[urgency].heading
    for wording in WORDING.values():
        assert "seriously compressed" not in wording.advice


def test_signs_are_listed_most_urgent_first_with_their_grade():
    signs = {RedFlag.WEIGHT_LOSS, RedFlag.BOWEL_BLADDER, RedFlag.FEVER}
    assert ordered_signs(signs) == [RedFlag.BOWEL_BLADDER, RedFlag.FEVER, RedFlag.WEIGHT_LOSS]
    assert graded_signs_text(signs) == (
        "Loss of bowel or bladder control (emergency now); "
        "Fever together with back pain (same day); Unexplained weight loss (soon)"
    )
