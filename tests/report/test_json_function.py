"""`report --json`'s function section and leg-symptom weeks, from a real journal file."""

import json
from datetime import datetime, timedelta, timezone

from sciajournal.core.entities import (
    ActivityScore,
    BothersomenessCheck,
    FunctionActivity,
    FunctionRating,
    PainRating,
)
from sciajournal.core.enums import PainContext, Reach
from sciajournal.storage.journal import Journal
from tests.report.test_json_report import report

CET = timezone(timedelta(hours=1))


def at(day, hour, month=3):
    return datetime(2026, month, day, hour, tzinfo=CET)


def test_function_fields_in_the_json_report(journal_path):
    # Named in February, before the range: still rated in it, so still listed and averaged.
    shop = FunctionActivity(at(20, 8, month=2), "walk to the shop")
    socks = FunctionActivity(at(20, 8, month=2), "put on socks", retired=at(16, 8))
    film = FunctionActivity(at(16, 8), "sit through a film")
    entries = [
        shop,
        socks,
        film,
        FunctionRating(at(3, 20), (ActivityScore(shop.id, 3), ActivityScore(socks.id, 2))),
        FunctionRating(at(23, 20), (ActivityScore(shop.id, 6), ActivityScore(film.id, 3))),
        BothersomenessCheck(at(3, 20), 5, 4, 3, 6),
        BothersomenessCheck(at(23, 20), 3, 3, 2, 4),
        PainRating(
            at(3, 7),
            3,
            5,
            PainContext.MORNING,
            times_woken=3,
            hours_slept=5.5,
            reach=Reach.CALF,
            numbness=True,
        ),
        PainRating(
            at(4, 7), 3, 5, PainContext.MORNING, times_woken=2, hours_slept=6, reach=Reach.FOOT
        ),
        PainRating(
            at(4, 22),
            3,
            4,
            PainContext.BEDTIME,
            comfortable_sitting_minutes=20,
            reach=Reach.THIGH,
            tingling=True,
        ),
        PainRating(at(24, 22), 2, 2, PainContext.BEDTIME, comfortable_sitting_minutes=45),
    ]
    with Journal.open(journal_path) as journal:
        journal.add_many(entries)
    result = report(journal_path, "--json", "--from", "2026-03-02", "--to", "2026-03-29")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)

    function = document["function"]
    sbi = function["bothersomeness"]
    assert [c["total"] for c in sbi["checks"]] == [18, 12]
    assert sbi["latest"]["sitting_pain"] == 4
    assert (sbi["change"], sbi["verdict"]) == (-6, None)

    psfs = function["functional_scale"]
    assert [s["mean"] for s in psfs["sittings"]] == [2.5, 4.5]
    assert psfs["change"] == 2 and psfs["verdict"] == "meaningfully_better"
    assert psfs["same_activities"] is False and psfs["meaningful_points"] == 2
    by_name = {a["name"]: a for a in psfs["activities"]}
    assert by_name["put on socks"]["retired"] == "2026-03-16T08:00:00+01:00"
    assert [s["score"] for s in by_name["put on socks"]["scores"]] == [2]
    assert by_name["walk to the shop"]["change"] == 3

    weeks = function["sleep_sitting"]["weeks"]
    assert [w["week"] for w in weeks] == ["2026-W10", "2026-W11", "2026-W12", "2026-W13"]
    first = weeks[0]
    assert (first["woken_nights"], first["times_woken_mean"]) == (2, 2.5)
    assert (first["hours_slept_mean"], first["longest_sitting_minutes"]) == (5.75, 20)
    assert weeks[1]["times_woken_mean"] is None and weeks[1]["sitting_days"] == 0  # not 0.0
    assert weeks[3]["longest_sitting_minutes"] == 45
    assert function["sleep_sitting"]["latest_recorded_week"] == "2026-03-23"

    leg_weeks = document["leg_symptoms"]["weeks"]
    assert leg_weeks[0]["reach"] == {"buttock": 0, "thigh": 1, "knee": 0, "calf": 1, "foot": 1}
    assert leg_weeks[0]["furthest"] == "foot"
    assert leg_weeks[0]["reaching_knee_or_below_share"] == 2 / 3
    assert leg_weeks[0]["numbness_share"] == 1 / 3
    assert leg_weeks[1]["ratings"] == 0 and leg_weeks[1]["numbness_share"] is None
    assert leg_weeks[3]["furthest"] is None and leg_weeks[3]["ratings"] == 1


def test_too_little_data_is_null_and_not_judged(journal_path):
    shop = FunctionActivity(at(2, 8), "walk to the shop")
    with Journal.open(journal_path) as journal:
        journal.add_many([shop, FunctionRating(at(3, 20), (ActivityScore(shop.id, 4),))])
    document = json.loads(
        report(journal_path, "--json", "--from", "2026-03-02", "--to", "2026-03-29").stdout
    )
    psfs = document["function"]["functional_scale"]
    assert (psfs["change"], psfs["verdict"]) == (None, "not_judged")
    assert "only one sitting" in psfs["verdict_text"]
    sbi = document["function"]["bothersomeness"]
    assert (sbi["checks"], sbi["latest"], sbi["change"]) == ([], None, None)
