"""daily.csv: one row per day, the figures checked against numbers worked out by hand."""

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    MedicationDose,
    PainRating,
    RedFlagCheck,
    Treatment,
    Walk,
)
from sciajournal.core.enums import PainContext, RedFlag, TreatmentKind
from sciajournal.exchange.csv_export import DAILY_FILE, write_csv_export

CET = timezone(timedelta(hours=1))


def on(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=CET)


@pytest.fixture
def small(journal):
    walk = Walk(start=on(2, 9), minutes=30, distance_km=2.0, steps=3000)
    journal.add_many(
        [
            walk,
            # Before 2/3, follow-up 2 h after the walk ended 3/6: leg 3 points up, flagged.
            PainRating(at=on(2, 8, 50), back=2, leg=3, context=PainContext.BEFORE_WALK,
                       walk_id=walk.id),
            PainRating(at=on(2, 11, 45), back=3, leg=6, context=PainContext.FOLLOW_UP,
                       walk_id=walk.id),
            PainRating(at=on(2, 20), back=4, leg=5),
            # Advil is ibuprofen: 2 x 400 mg twice, as needed = 1600 mg, above the 1200 mg label.
            MedicationDose(at=on(2, 8), name="Advil", dose=400, quantity=2),
            MedicationDose(at=on(2, 14), name="ibuprofen", dose=400, quantity=2),
            MedicationDose(at=on(2, 8, 5), name="Pregabalin", dose=75, as_needed=False),
            RedFlagCheck(at=on(2, 21), signs=frozenset({RedFlag.FEVER, RedFlag.BOWEL_BLADDER})),
            Treatment(start=on(2, 19), kind=TreatmentKind.ICE),
            # No rating before or after: awaiting its follow-up, never "settled".
            Walk(start=on(3, 10), minutes=20),
            MedicationDose(at=on(3, 9), name="Lyrica", dose=1, unit="tablet", as_needed=False),
        ]
    )  # fmt: skip
    return journal


def daily(journal, tmp_path):
    write_csv_export(journal, tmp_path / "out", today=date(2026, 3, 4))
    text = (tmp_path / "out" / DAILY_FILE).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_each_day_has_its_hand_computed_figures(small, tmp_path):
    rows = daily(small, tmp_path)
    assert [row["date"] for row in rows] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    first, second, today = rows
    assert {key: first[key] for key in list(first)[:14]} == {
        "date": "2026-03-02",
        "walks": "1",
        "walking_minutes": "30",
        "distance_km": "2",
        "steps": "3000",
        "back_mean": "3",  # (2 + 3 + 4) / 3
        "back_max": "4",
        "leg_mean": "4.67",  # (3 + 6 + 5) / 3
        "leg_max": "6",
        "ratings": "3",
        "walks_pain_continued": "1",
        "walks_awaiting_follow_up": "0",
        "walks_not_judged": "0",
        "walks_settled": "0",
    }
    assert first["red_flags"] == (
        "Loss of bowel or bladder control (emergency now); Fever together with back pain (same day)"
    )
    assert first["medication_doses"] == "3"
    assert first["medicines"] == "ibuprofen 1600 mg (2 doses); Pregabalin 75 mg (1 dose)"
    assert first["above_label_limit"] == "ibuprofen"
    assert first["ice_heat_sessions"] == "1"

    assert (second["walks"], second["walking_minutes"], second["distance_km"]) == ("1", "20", "")
    # No rating that day: empty cells, never a 0 that reads as "no pain".
    assert [second[k] for k in ("back_mean", "back_max", "leg_mean", "leg_max")] == [""] * 4
    assert (second["walks_awaiting_follow_up"], second["walks_settled"]) == ("1", "0")
    assert second["medicines"] == "Lyrica 1 not in mg (1 dose)"
    assert second["above_label_limit"] == ""

    assert (today["walks"], today["walking_minutes"], today["ratings"]) == ("0", "0", "0")


def test_the_table_opens_as_a_ready_made_table(small, tmp_path):
    """A spreadsheet finds one header and rows of the same width, with plain numbers."""
    rows = daily(small, tmp_path)
    raw = (tmp_path / "out" / DAILY_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdate,walks,walking_minutes,") and b"\r\n" in raw
    widths = {len(line.split(b",")) for line in raw.splitlines() if b'"' not in line}
    assert len(widths) == 1
    for row in rows:
        for key in ("walking_minutes", "back_mean", "leg_mean"):
            assert row[key] == "" or float(row[key]) >= 0


FUNCTION_COLUMNS = (
    "times_woken",
    "hours_slept",
    "longest_comfortable_sitting_minutes",
    "sbi_total",
    "psfs_mean",
)


@pytest.fixture
def with_function(journal):
    shop, socks, sit = (
        FunctionActivity(added=on(1, 12), name=name) for name in ("Shopping", "Socks", "Sitting")
    )
    journal.add_many(
        [
            shop,
            socks,
            sit,
            # 2 March: a night woken twice, 5.5 h; two bedtime ratings, the longer sitting counts.
            PainRating(at=on(2, 7), back=3, leg=5, context=PainContext.MORNING, times_woken=2,
                       hours_slept=5.5),
            PainRating(at=on(2, 21), back=3, leg=4, context=PainContext.BEDTIME,
                       comfortable_sitting_minutes=40),
            PainRating(at=on(2, 22), back=3, leg=4, context=PainContext.BEDTIME,
                       comfortable_sitting_minutes=25),
            # SBI 4 + 3 + 1 + 5 = 13; PSFS (3 + 4 + 6) / 3 = 4.33.
            BothersomenessCheck(at=on(2, 9), leg_pain=4, numbness_tingling=3, weakness=1,
                                sitting_pain=5),
            FunctionRating(at=on(2, 20), scores=(ActivityScore(shop.id, 3),
                           ActivityScore(socks.id, 4), ActivityScore(sit.id, 6))),
            # 3 March: a recorded 0 is a 0; the day's later check and sitting are the day's.
            PainRating(at=on(3, 7), back=2, leg=3, context=PainContext.MORNING, times_woken=0),
            BothersomenessCheck(at=on(3, 8), leg_pain=6, numbness_tingling=6, weakness=6,
                                sitting_pain=6),
            BothersomenessCheck(at=on(3, 18), leg_pain=0, numbness_tingling=0, weakness=0,
                                sitting_pain=0),
            FunctionRating(at=on(3, 9), scores=(ActivityScore(shop.id, 1),)),
            # Socks 5, Sitting 6, Shopping not rated: (5 + 6) / 2 = 5.5.
            FunctionRating(at=on(3, 19), scores=(ActivityScore(socks.id, 5),
                           ActivityScore(sit.id, 6))),
        ]
    )  # fmt: skip
    return journal


def test_sleep_sitting_sbi_and_psfs_per_day(with_function, tmp_path):
    rows = daily(with_function, tmp_path)
    figures = {row["date"]: tuple(row[key] for key in FUNCTION_COLUMNS) for row in rows}
    assert figures == {
        "2026-03-01": ("", "", "", "", ""),  # only the activities were named
        "2026-03-02": ("2", "5.5", "40", "13", "4.33"),
        # hours slept and sitting not recorded: empty, not 0
        "2026-03-03": ("0", "", "", "0", "5.5"),
        "2026-03-04": ("", "", "", "", ""),
    }


def test_days_without_function_measures_have_empty_cells(small, tmp_path):
    for row in daily(small, tmp_path):
        assert [row[key] for key in FUNCTION_COLUMNS] == [""] * 5
