"""Page one's words for leg symptoms, medication and what helped (no PDF needed)."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.leg_symptoms import leg_symptoms
from sciajournal.analysis.medication import medication_summary
from sciajournal.analysis.treatments import treatment_effects
from sciajournal.core.entities import MedicationDose, PainRating, Treatment
from sciajournal.core.enums import Reach, Side, TreatmentKind
from sciajournal.core.settings import Settings
from sciajournal.report.page_one_content import (
    leg_symptom_lines,
    medication_notes,
    medication_rows,
    treatment_rows,
)

CET = timezone(timedelta(hours=1))


def at(day, hour=9):
    return datetime(2026, 3, day, hour, tzinfo=CET)


def test_leg_symptoms_in_a_few_lines():
    ratings = [
        PainRating(at=at(d), back=2, leg=5, reach=Reach.THIGH, side=Side.LEFT) for d in range(1, 6)
    ]
    ratings += [
        PainRating(at=at(d), back=2, leg=5, reach=Reach.FOOT, side=Side.BOTH, tingling=True)
        for d in range(11, 16)
    ]
    lines = leg_symptom_lines(leg_symptoms(ratings, date(2026, 3, 1), date(2026, 3, 20)))
    assert lines == [
        "Reaches (10 of 10 ratings recorded it): thigh 5, foot 5; furthest: foot.",
        "Side (10 ratings): left 5, both 5.",
        "Reaching the knee or below: 0 % of ratings in the first half (to 10 Mar), "
        "100 % in the second: spreading.",
        "Nerve signs on ratings: numbness 0, tingling 5, weakness 0, both legs 5 (of 10).",
    ]


def test_medication_rows_and_label_words():
    doses = [
        MedicationDose(at=at(d, h), name="Advil", dose=400)
        for d in (1, 2, 3)
        for h in (8, 13, 18, 22)  # 1600 mg a day
    ]
    doses.append(MedicationDose(at=at(4, 8), name="Tylenol", dose=10, unit="ml", as_needed=False))
    summary = medication_summary(doses, Settings())
    rows = medication_rows(summary, 30, {"ibuprofen": 2})
    assert rows[0] == [
        "ibuprofen (Advil)",
        "12",
        "3 of 30",
        "400 mg",
        "3 (limit 1200 mg)",
        "3 days",
        "2",
    ]
    assert rows[1][0] == "paracetamol (Tylenol)" and rows[1][3] == "–"
    notes = medication_notes(summary)
    assert "ibuprofen: 3 days above the usual label limit: ask your doctor or pharmacist." in notes
    assert "1 dose not recorded in mg: listed, not added up or compared with a label." in notes
    assert not any("take" in note.casefold() for note in notes)  # never an instruction


def test_a_name_matching_two_medicines_is_said_to_be_left_out():
    doses = [MedicationDose(at=at(1, 8), name="Advil with Tylenol", dose=200)]
    notes = medication_notes(medication_summary(doses, Settings()))
    assert (
        '"Advil with Tylenol" names more than one medicine (ibuprofen, paracetamol): not added '
        "to any of them or compared with a label; check the names in Settings."
    ) in notes


def test_treatments_that_were_not_used_are_left_out():
    effects = treatment_effects(
        [Treatment(start=at(1), kind=TreatmentKind.ICE, back_before=5, back_after=3, leg_before=6)]
    )
    assert treatment_rows(effects) == [["Ice", "1", "-2.0 points (1 rated)", "not rated"]]
