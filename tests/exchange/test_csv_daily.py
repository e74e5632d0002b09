"""daily.csv: one row per day, the figures checked against numbers worked out by hand."""

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest

from sciajournal.core.entities import MedicationDose, PainRating, RedFlagCheck, Treatment, Walk
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
