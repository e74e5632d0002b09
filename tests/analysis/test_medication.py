"""Medication against the package-label limits: aliases, units, as-needed only, runs."""

from datetime import date, datetime, timedelta, timezone

from sciajournal.analysis.medication import (
    longest_run,
    medication_summary,
    parse_aliases,
    parse_limits,
)
from sciajournal.core.entities import MedicationDose
from sciajournal.core.settings import Settings

CET = timezone(timedelta(hours=1))


def dose(day, hour, name, amount, unit="mg", quantity=1, as_needed=True):
    return MedicationDose(
        at=datetime(2026, 3, day, hour, tzinfo=CET),
        name=name,
        dose=amount,
        unit=unit,
        quantity=quantity,
        as_needed=as_needed,
    )


def test_brands_are_merged_into_their_medicine_without_regard_to_case():
    summary = medication_summary(
        [
            dose(1, 8, "Advil", 200, quantity=2),
            dose(1, 14, "NUROFEN", 400),
            dose(2, 8, "ibuprofen", 400),
        ],
        Settings(),
    )
    (use,) = summary.medicines
    assert use.name == "ibuprofen" and use.typed_names == ("Advil", "ibuprofen", "NUROFEN")
    assert (use.doses, use.days_used, use.usual_dose_mg) == (3, 2, 400)


def test_days_above_the_label_limit_count_as_needed_mg_per_day():
    doses = [
        dose(1, 8, "ibuprofen", 400),
        dose(1, 14, "ibuprofen", 400),
        dose(1, 20, "ibuprofen", 600),  # 1400 mg > 1200
        dose(2, 8, "ibuprofen", 400, quantity=3),  # 1200 mg: at the limit, not above
        dose(3, 8, "ibuprofen", 800, as_needed=False),
        dose(3, 20, "ibuprofen", 800, as_needed=False),  # scheduled: the label does not apply
    ]
    (use,) = medication_summary(doses, Settings()).medicines
    assert use.label_limit_mg == 1200 and use.days_above_label == 1
    assert use.highest_day_mg == 1400


def test_doses_without_mg_are_listed_but_not_counted_and_g_and_mcg_are_converted():
    summary = medication_summary(
        [
            dose(1, 8, "Tylenol", 1, unit="g", quantity=4),  # 4000 mg
            dose(1, 9, "paracetamol", 500),
            dose(1, 10, "Panadol", 10, unit="ml"),  # no mg without the product
            dose(1, 11, "paracetamol", 500_000, unit="mcg"),  # 500 mg
        ],
        Settings(),
    )
    (use,) = summary.medicines
    assert use.name == "paracetamol" and use.not_in_mg == 1
    assert (use.highest_day_mg, use.days_above_label) == (5000, 1)
    assert summary.not_in_mg == 1
    grain = medication_summary([dose(1, 8, "aspirin", 5, unit="gr")], Settings())
    assert grain.not_in_mg == 1  # a grain is not a gram


def test_product_names_are_matched_by_whole_words_case_accents_and_strength_aside():
    # The reviewer's journal: 1400 mg on 20 Nov and 1800 mg on 24 Nov printed "0 days".
    summary = medication_summary(
        [
            dose(1, 8, "Advil", 200, quantity=4),
            dose(1, 14, "MOTRIN IB", 600),
            dose(2, 7, "Motrin", 200),
            dose(2, 8, "Ibuprofen 400mg", 400),
            dose(2, 9, "Nurofen Express", 400),
            dose(2, 10, "ibuprofen ", 400),
            dose(2, 11, "Ibuprofène", 400),
            dose(3, 8, "Advil Liqui-Gels", 200),
            dose(3, 9, "Advilx", 200),  # a word that only starts with a brand: not it
        ],
        Settings(),
    )
    ibuprofen, other = summary.medicines
    assert ibuprofen.name == "ibuprofen" and ibuprofen.doses == 8
    assert (ibuprofen.days_above_label, ibuprofen.highest_day_mg) == (2, 1800)
    assert other.name == "Advilx" and other.label_limit_mg is None
    assert summary.matching_several == []


def test_a_name_matching_two_medicines_is_kept_apart_and_said_to():
    summary = medication_summary(
        [dose(1, 8, "Advil Dual Action with acetaminophen", 250, quantity=6)], Settings()
    )
    (use,) = summary.medicines
    assert use.name == "Advil Dual Action with acetaminophen"
    assert use.matches_several == ("ibuprofen", "paracetamol")
    assert use.label_limit_mg is None and not use.anti_inflammatory
    assert summary.matching_several == [use]


def test_the_longest_run_on_any_anti_inflammatory_spans_medicines():
    doses = [dose(1, 8, "ibuprofen", 400), dose(2, 8, "Aleve", 220), dose(3, 8, "ibuprofen", 400)]
    doses += [dose(5, 8, "ibuprofen", 400), dose(6, 8, "paracetamol", 500)]
    summary = medication_summary(doses, Settings())
    assert (summary.anti_inflammatory_run_days, summary.anti_inflammatory_run_end) == (
        3,
        date(2026, 3, 3),
    )
    assert not summary.run_above_label_days
    ibuprofen = next(u for u in summary.medicines if u.name == "ibuprofen")
    assert ibuprofen.longest_run_days == 1 and ibuprofen.anti_inflammatory
    paracetamol = next(u for u in summary.medicines if u.name == "paracetamol")
    assert not paracetamol.anti_inflammatory


def test_an_unknown_medicine_keeps_its_name_and_has_no_limit():
    (use,) = medication_summary([dose(1, 8, " gabapentin ", 300)], Settings()).medicines
    assert use.name == "gabapentin" and use.label_limit_mg is None and use.days_above_label == 0


def test_the_lists_are_settings():
    settings = Settings(
        medication_aliases="ibuprofen: Brufen", medication_label_limits_mg="Brufen 800"
    )
    (use,) = medication_summary(
        [dose(1, 8, "brufen", 400), dose(1, 9, "Brufen", 600)], settings
    ).medicines
    assert use.name == "ibuprofen" and use.label_limit_mg == 800 and use.days_above_label == 1
    assert parse_aliases("ibuprofen: Advil; ; aspirin")["advil"] == "ibuprofen"
    assert parse_limits("ibuprofen 1200 mg; nonsense; naproxen 660") == {
        "ibuprofen": 1200,
        "naproxen": 660,
    }


def test_longest_run():
    days = [date(2026, 3, d) for d in (1, 2, 3, 5, 6, 6)]
    assert longest_run(days) == (3, date(2026, 3, 3))
    assert longest_run([]) == (0, None)


def test_doses_before_walks_count_each_dose_once_per_medicine():
    from sciajournal.analysis.medication import doses_before_walks

    advil = dose(1, 8, "Advil", 400)
    counts = doses_before_walks([advil, advil, dose(1, 9, "ibuprofen", 200)], Settings())
    assert counts == {"ibuprofen": 2}
