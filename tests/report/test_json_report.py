"""`sciajournal report --json` prints the analysis, checked against an analysis run here."""

import json
import subprocess
import sys
from datetime import date

from sciajournal.analysis.journal_analysis import analyse
from sciajournal.core.collection import Entries
from sciajournal.core.settings import Settings
from sciajournal.storage.journal import Journal
from tests.analysis.scenario import flagged_then_settled, morning, t


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
        Entries.of(entries), date(2026, 3, 1), date(2026, 3, 8), Settings(pain_change_points=3)
    )
    assert document["range"] == {"from": "2026-03-01", "to": "2026-03-08"}
    assert document["settings"]["pain_change_points"] == 3
    assert document["counts"] == {
        "walks": 2,
        "settled": 1,
        "pain_continued": 1,
        "awaiting_follow_up": 0,
    }
    walks = {w["id"]: w for w in document["walks"]}
    assert walks[flagged.id]["start"] == "2026-03-03T10:00:00+01:00"
    assert walks[flagged.id]["reasons"] == ["follow_up_raised"]
    assert walks[flagged.id]["light"] == "amber"
    assert walks[flagged.id]["change_follow_up"] == 3
    assert [w["minutes"] for w in document["weeks"]] == [
        week.minutes for week in expected.progression.weeks
    ]
    assert document["weeks"][1]["week"] == "2026-W10"
    assert document["target"]["held_back"] is True
    assert len(document["days"]) == 8
    assert document["pain_against_volume"]["next_day_leg_pain"] == {
        "rho": None,
        "pairs": expected.leg_correlation.pairs,
        "note": "not enough data",
    }


def test_report_problems_are_one_line(journal_path):
    backwards = report(journal_path, "--json", "--from", "2026-03-09", "--to", "2026-03-01")
    assert backwards.returncode == 1
    assert backwards.stderr.strip() == "sciajournal: --from 2026-03-09 is after --to 2026-03-01"
    no_format = report(journal_path)
    assert no_format.returncode == 1 and "--json" in no_format.stderr
