"""`sciajournal report --json` prints the analysis, checked against an analysis run here."""

import json
import subprocess
import sys
from datetime import date, timedelta

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.entities import MedicationDose
from sciajournal.core.settings import Settings
from sciajournal.core.timestamps import local_now
from sciajournal.report.json_report import REPORT_VERSION
from sciajournal.storage.journal import Journal
from tests.analysis.scenario import before, flagged_then_settled, follow_up, morning, t, walk


def report(path, *args):
    return subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(path), "report", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_json_matches_the_analysis(journal_path):
    flagged, _settled, entries = flagged_then_settled(3)
    entries.append(morning(t(5, 8), 2, 2))
    with Journal.open(journal_path) as journal:
        journal.add_many(entries)
        journal.set_settings({"pain_change_points": "3"})
    result = report(journal_path, "--json", "--from", "2026-03-01", "--to", "2026-03-08")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)

    expected = analyse(
        Entries.of(entries),
        date(2026, 3, 1),
        date(2026, 3, 8),
        Settings(pain_change_points=3),
        today=local_now().date(),
    )
    assert document["report_version"] == REPORT_VERSION == 4
    assert document["range"] == {"from": "2026-03-01", "to": "2026-03-08"}
    assert document["settings"]["pain_change_points"] == 3
    assert document["counts"] == {
        "walks": 2,
        "settled": 1,
        "pain_continued": 1,
        "awaiting_follow_up": 0,
        "not_judged": 0,
    }
    walks = {w["id"]: w for w in document["walks"]}
    assert walks[flagged.id]["start"] == "2026-03-03T10:00:00+01:00"
    assert walks[flagged.id]["reasons"] == ["follow_up_raised"]
    assert walks[flagged.id]["light"] == "amber"
    assert walks[flagged.id]["change_follow_up"] == {
        "back": 1,
        "leg": 3,
        "worst": 3,
        "site": "leg",
        "text": "+3 leg",
    }
    assert walks[flagged.id]["evidence"]["later"]["leg"] == 6
    assert [w["minutes"] for w in document["weeks"]] == [
        week.minutes for week in expected.progression.weeks
    ]
    # 1 March is a Sunday: its week is shown with whole-week figures, labelled as such.
    assert document["weeks"][0]["week"] == "2026-W09"
    assert document["weeks"][0]["partly_outside_range"] is True
    assert document["weeks"][1]["week"] == "2026-W10"
    assert document["target"]["kind"] == "hold"
    assert document["target"]["minutes"] == 50
    assert len(document["days"]) == 8
    leg = document["pain_against_volume"]["next_day_leg_pain"]
    assert (leg["rho"], leg["pairs"], leg["min_days"]) == (
        None,
        expected.leg_correlation.pairs,
        30,
    )
    assert leg["words"].startswith("not enough days yet")
    assert document["trends"]["sites"][0]["too_short"] is True


def test_not_judged_walks_painkillers_and_tolerance_in_the_json(journal_path):
    unjudged = walk(t(3, 10), 30, stopped_early=True, symptoms_after_minutes=12)
    masked = walk(t(4, 10), 40)
    ibuprofen = MedicationDose(at=t(4, 9, 30), name="ibuprofen", dose=400)
    entries = [
        unjudged,
        follow_up(unjudged, timedelta(hours=3), 4, 7),  # 7/10, but nothing before the walk
        masked,
        ibuprofen,
        before(masked, 6, 2),
        follow_up(masked, timedelta(hours=2), 3, 5),  # leg +3 while the back fell 3
    ]
    with Journal.open(journal_path) as journal:
        journal.add_many(entries)
    result = report(journal_path, "--json", "--from", "2026-03-01", "--to", "2026-03-08")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    walks = {w["id"]: w for w in document["walks"]}
    first = walks[unjudged.id]
    assert first["outcome"] == "not_judged"
    assert first["not_judged"] == [{"code": "no_baseline", "text": "no rating before the walk"}]
    assert first["high_pain"]["leg"] == 7
    second = walks[masked.id]
    assert second["outcome"] == "pain_continued"
    assert second["change_afterwards"]["text"] == "+3 leg"
    assert second["change_afterwards_measured_at"] == "follow-up"
    assert second["painkillers_before"][0]["name"] == "ibuprofen"
    assert second["painkiller_text"] == "taken after ibuprofen 400 mg at 09:30"
    tolerance = document["tolerance"]
    assert (tolerance["stopped_early"], tolerance["onset_median_minutes"]) == (1, 12)
    assert tolerance["longest_settled_minutes"] is None  # a not-judged walk is no evidence
    assert [w["id"] for w in tolerance["high_pain_walks"]] == [unjudged.id]
    assert document["counts"]["not_judged"] == 1


def test_report_problems_are_one_line(journal_path):
    backwards = report(journal_path, "--json", "--from", "2026-03-09", "--to", "2026-03-01")
    assert backwards.returncode == 1
    assert backwards.stderr.strip() == "sciajournal: --from 2026-03-09 is after --to 2026-03-01"
    no_format = report(journal_path)
    assert no_format.returncode == 1 and "--json" in no_format.stderr


def test_red_flag_screening_leg_symptoms_and_label_limits_in_the_json(journal_path):
    from sciajournal.core.entities import PainRating, RedFlagCheck
    from sciajournal.core.enums import Reach, RedFlag, Side

    entries = [
        RedFlagCheck(at=t(1, 9) - timedelta(days=40), signs=frozenset({RedFlag.FEVER})),
        RedFlagCheck(at=t(4, 21), notes="asked by GP"),
        PainRating(at=t(2, 9), back=2, leg=5, reach=Reach.FOOT, side=Side.BOTH, tingling=True),
        *[MedicationDose(at=t(3, hour), name="Advil", dose=400) for hour in (7, 12, 17, 22)],
    ]
    with Journal.open(journal_path) as journal:
        journal.add_many(entries)
    result = report(journal_path, "--json", "--from", "2026-03-01", "--to", "2026-03-08")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    screening = document["red_flag_screening"]
    assert (screening["checks"], screening["found_none"]) == (1, 1)
    assert screening["last_screened"]["notes"] == "asked by GP"
    assert [c["urgency"] for c in screening["earlier"]] == ["same_day"]
    leg = document["leg_symptoms"]
    assert (leg["reach"]["foot"], leg["side"]["both"], leg["tingling"]) == (1, 1, 1)
    assert leg["trend"] == "not enough data"
    (ibuprofen,) = document["medication_limits"]["medicines"]
    assert (ibuprofen["name"], ibuprofen["days_above_label"]) == ("ibuprofen", 1)
    assert ibuprofen["typed_names"] == ["Advil"]


def test_the_week_in_progress_has_a_null_change_with_its_reason():
    from sciajournal.report.json_report import report_document

    entries = []
    for day, minutes in ((10, 100), (16, 40)):  # 100 min last week, 40 so far this week
        w = walk(t(day, 10), minutes)
        entries += [w, before(w, 2, 2), follow_up(w, timedelta(hours=2), 2, 2)]
    analysis = analyse(
        Entries.of(entries),
        date(2026, 3, 9),
        date(2026, 3, 20),
        Settings(),
        today=date(2026, 3, 20),
    )
    document = json.loads(json.dumps(report_document(analysis)))
    done, so_far = document["weeks"]
    assert (so_far["in_progress"], so_far["minutes"], so_far["change_percent"]) == (True, 40, None)
    assert so_far["change_null_reason"].startswith("week in progress")
    assert so_far["rose"] is False and so_far["warning"] == "none"
    assert (done["change_percent"], done["change_null_reason"]) == (
        None,
        "no walking the week before",
    )
    assert document["target"] == {
        "week_of": "2026-03-23",
        "based_on_week_of": "2026-03-09",
        "minutes": 110,
        "kind": "increase",
        "reason": None,
        "next_week": True,
    }


def test_json_and_pdf_cover_the_same_default_period(journal_path, tmp_path):
    """A figure checked with `report --json` is the one the printed summary shows."""
    demo = subprocess.run(
        [sys.executable, "-m", "sciajournal", "--db", str(journal_path), "demo", "--days", "90"],
        capture_output=True,
        text=True,
    )
    assert demo.returncode == 0, demo.stderr
    result = report(journal_path, "--json", "-o", str(tmp_path / "s.pdf"))
    assert result.returncode == 0, result.stderr
    period = json.loads(result.stdout)["range"]
    assert (date.fromisoformat(period["to"]) - date.fromisoformat(period["from"])).days == 29
    assert f"{period['from']} to {period['to']}" in result.stderr


def test_report_help_states_the_default_period_it_uses(journal_path):
    """The reviewer read "default: the first entry" in `report --help` while the JSON
    covered 30 days: the help now says the period both outputs use."""
    from sciajournal.cli import SUMMARY_DEFAULT_DAYS

    result = report(journal_path, "--help")
    assert result.returncode == 0, result.stderr
    words = " ".join(result.stdout.split())
    assert "first entry" not in words
    assert f"default: {SUMMARY_DEFAULT_DAYS} days up to --to, for the PDF and the JSON" in words
