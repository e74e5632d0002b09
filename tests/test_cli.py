"""The `sciajournal` command, run as a user would: a real process, real files."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sciajournal import __version__
from sciajournal.storage.database import file_mode


def run(*args, env=None):
    full_env = {key: value for key, value in os.environ.items() if key != "SCIAJOURNAL_DB"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "sciajournal", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def assert_one_clear_line(result, *words):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sciajournal: ")
    for word in words:
        assert word in lines[0]
    assert "Traceback" not in result.stderr


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"SciaJournal {__version__}"


def test_demo_export_import_round_trip(tmp_path):
    journal = tmp_path / "demo.sqlite"
    result = run("--db", str(journal), "demo", "--days", "60", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert "demo entries over 60 days" in result.stdout
    assert file_mode(journal) == 0o600

    exported = tmp_path / "out.json"
    assert (
        run("--db", str(journal), "export", "--format", "json", "-o", str(exported)).returncode == 0
    )
    assert file_mode(exported) == 0o600
    document = json.loads(exported.read_text())
    assert len(document["walks"]) > 30

    copy = tmp_path / "copy.sqlite"
    imported = run("--db", str(copy), "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    again = run("--db", str(copy), "import", str(exported))
    assert "Imported 0 entries" in again.stdout
    to_stdout = run("--db", str(copy), "export")
    assert to_stdout.stdout == exported.read_text()


def test_demo_of_ten_years_gives_an_owner_only_file(tmp_path):
    journal = tmp_path / "ten-years.sqlite"
    result = run("--db", str(journal), "demo", "--days", "3650")
    assert result.returncode == 0, result.stderr
    assert file_mode(journal) == 0o600
    count = int(result.stdout.split()[1])
    assert count > 3650 * 4  # a walk with ratings most days, plus the rest


def test_demo_refuses_a_journal_with_entries(tmp_path):
    journal = tmp_path / "j.sqlite"
    run("--db", str(journal), "demo", "--days", "5")
    before = run("--db", str(journal), "export").stdout
    assert_one_clear_line(run("--db", str(journal), "demo"), "already has entries")
    assert run("--db", str(journal), "export").stdout == before


def test_environment_variable_names_the_journal(tmp_path):
    journal = tmp_path / "from-env.sqlite"
    result = run("demo", "--days", "3", env={"SCIAJOURNAL_DB": str(journal)})
    assert result.returncode == 0, result.stderr
    assert journal.exists()


def test_default_journal_lives_in_the_user_data_folder(tmp_path):
    result = run("demo", "--days", "3", env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    journal = tmp_path / "SciaJournal" / "journal.sqlite"
    assert journal.exists()
    assert file_mode(journal.parent) == 0o700


def test_missing_folder_is_one_clear_line(tmp_path):
    assert_one_clear_line(
        run("--db", str(tmp_path / "no" / "such" / "j.sqlite"), "export"), "does not exist"
    )


def test_folder_as_journal_is_one_clear_line(tmp_path):
    assert_one_clear_line(run("--db", str(tmp_path), "export"), "is a folder")


def test_non_journal_file_is_one_clear_line_and_unchanged(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    before = digest(path)
    assert_one_clear_line(run("--db", str(path), "export"), "not a SciaJournal journal")
    assert digest(path) == before


def test_invalid_import_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "sciajournal", "version": 1, "pain": [{"id": "x"}]}))
    journal = tmp_path / "j.sqlite"
    assert_one_clear_line(run("--db", str(journal), "import", str(bad)), "pain[0]")


def listing(folder):
    """Every file and folder under `folder`, as paths relative to it."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


GOOD_GPX = Path(__file__).parent / "fixtures" / "samples" / "gpx" / "korita-zbevnica.gpx"
REFUSED_IMPORTS = {
    "json": ("bad.json", json.dumps({"format": "sciajournal", "version": 2, "walks": [{}]})),
    "csv": ("walks.csv", "date,time,minutes\n2026-03-02,09:15,zwanzig\n"),
    "gpx": ("track.gpx", "<gpx version='1.1'><trk><trkseg><trkpt"),
    "unclosed quote": ("pain.csv", 'date,time,back,leg,notes\n2026-03-02,08:00,4,6,"x\n'),
}


@pytest.mark.parametrize("kind", REFUSED_IMPORTS)
def test_a_refused_import_into_a_new_journal_leaves_no_journal(tmp_path, kind):
    name, text = REFUSED_IMPORTS[kind]
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_text(text)
    folder = tmp_path / "journals"
    folder.mkdir()
    (folder / "other.sqlite").write_bytes(b"not ours")  # beside it, and left alone
    before = listing(tmp_path)
    result = run("--db", str(folder / "new.sqlite"), "import", str(source))
    assert_one_clear_line(result, name)
    assert listing(tmp_path) == before


@pytest.mark.parametrize("source", ["good", "bad"])
def test_a_dry_run_into_a_new_journal_leaves_no_journal(tmp_path, source):
    track = GOOD_GPX if source == "good" else tmp_path / "bad.gpx"
    if source == "bad":
        track.write_text("<gpx")
    before = listing(tmp_path)
    result = run("--db", str(tmp_path / "new.sqlite"), "import", "--dry-run", str(track))
    assert result.returncode == (0 if source == "good" else 1), result.stderr
    assert listing(tmp_path) == before


def test_a_refused_import_into_the_default_journal_leaves_no_folder(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    before = listing(tmp_path)
    result = run("import", str(bad), env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert_one_clear_line(result, "bad.json")
    assert listing(tmp_path) == before  # not even the SciaJournal folder is made


def test_a_refused_import_into_an_existing_journal_keeps_it_as_it_was(tmp_path):
    journal = tmp_path / "j.sqlite"
    assert run("--db", str(journal), "demo", "--days", "3").returncode == 0
    bad = tmp_path / "walks.csv"
    bad.write_text("date,time,minutes\n2026-03-02,09:15,zwanzig\n")
    assert_one_clear_line(run("--db", str(journal), "import", str(bad)), "walks.csv, line 2")
    before, files = digest(journal), listing(tmp_path)  # with the day's backup, made now
    assert_one_clear_line(run("--db", str(journal), "import", str(bad)), "walks.csv, line 2")
    assert digest(journal) == before
    assert listing(tmp_path) == files


def test_an_import_into_a_new_journal_that_succeeds_keeps_it(tmp_path):
    result = run("--db", str(tmp_path / "new.sqlite"), "import", str(GOOD_GPX))
    assert result.returncode == 0, result.stderr
    assert "Imported 2 walks" in result.stdout
    assert file_mode(tmp_path / "new.sqlite") == 0o600


@pytest.fixture
def make_read_only():
    """Makes a folder unwritable for this user; as root, chmod is not enough, so chattr +i."""
    frozen = []

    def freeze(folder):
        if os.geteuid() != 0:
            folder.chmod(0o555)
        else:
            result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
            if result.returncode != 0:
                pytest.skip(f"running as root and chattr +i is not possible here: {result.stderr}")
        frozen.append(folder)

    yield freeze
    for folder in frozen:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_new_journal_in_read_only_folder_is_one_clear_line(tmp_path, make_read_only):
    folder = tmp_path / "locked"
    folder.mkdir()
    make_read_only(folder)
    assert_one_clear_line(run("--db", str(folder / "j.sqlite"), "demo"), "not writable")
    assert list(folder.iterdir()) == []
    # A read-only verb does not create a journal either.
    assert_one_clear_line(run("--db", str(folder / "j.sqlite"), "export"), "no journal at")
    assert list(folder.iterdir()) == []


def test_existing_journal_in_read_only_folder_is_refused_unchanged(tmp_path, make_read_only):
    folder = tmp_path / "locked"
    folder.mkdir()
    journal = folder / "j.sqlite"
    assert run("--db", str(journal), "demo", "--days", "3").returncode == 0
    before = digest(journal)
    files = sorted(p.name for p in folder.iterdir())
    make_read_only(folder)
    assert_one_clear_line(run("--db", str(journal), "backup"), "not writable")
    assert digest(journal) == before
    # Reading still works, so the data can be rescued to another disk.
    rescued = tmp_path / "rescued.json"
    exported = run("--db", str(journal), "export", "-o", str(rescued))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(rescued.read_text())["walks"]) > 0
    assert digest(journal) == before
    assert sorted(p.name for p in folder.iterdir()) == files


def test_a_bug_is_still_one_line(tmp_path, monkeypatch, capsys):
    from sciajournal import cli

    def broken(journal, args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.VERBS, "demo", broken)
    monkeypatch.delenv("SCIAJOURNAL_DEBUG", raising=False)
    assert cli.main(["--db", str(tmp_path / "j.sqlite"), "demo"]) == cli.EXIT_INTERNAL
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("sciajournal: internal error (RuntimeError: boom)")
