"""`sciajournal export --format fhir`, run in-process through the real command line."""

import hashlib
import json

import pytest

from sciajournal import cli
from sciajournal.exchange.fhir import bundle as fhir_bundle
from sciajournal.storage.database import file_mode
from tests.exchange.fhir_checks import resources, validate


def run_cli(capsys, *args):
    status = cli.main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err.strip().splitlines()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo(tmp_path, capsys):
    journal = tmp_path / "j.sqlite"
    assert run_cli(capsys, "--db", journal, "demo", "--days", "30")[0] == 0
    return journal


def test_export_writes_an_owner_only_bundle(demo, tmp_path, capsys):
    target = tmp_path / "clinic.json"
    status, _, err = run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", target)
    assert status == 0
    assert err == [f"Exported a FHIR R4 bundle to {target}"]
    assert file_mode(target) == 0o600
    validate(json.loads(target.read_text(encoding="utf-8")))
    # Nothing but the bundle was left in the folder (no temporary file).
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("j.sqlite")) == [
        "clinic.json"
    ]


def test_export_to_stdout_is_the_same_bundle(demo, tmp_path, capsys):
    target = tmp_path / "clinic.json"
    run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", target)
    status, out, _ = run_cli(capsys, "--db", demo, "export", "--format", "fhir")
    assert status == 0
    from_stdout, from_file = json.loads(out), json.loads(target.read_text(encoding="utf-8"))
    del from_stdout["timestamp"], from_file["timestamp"]
    assert from_stdout == from_file


def test_export_onto_the_journal_is_refused(demo, capsys):
    before = digest(demo)
    status, _, err = run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", demo)
    assert status == cli.EXIT_PROBLEM
    assert len(err) == 1
    assert err[0].startswith("sciajournal: Refusing to write")
    assert "the journal itself" in err[0]
    assert digest(demo) == before


def test_a_failure_half_way_leaves_the_previous_file(demo, tmp_path, capsys, monkeypatch):
    target = tmp_path / "clinic.json"
    target.write_text("the previous export\n", encoding="utf-8")
    real = fhir_bundle.bundle_resources

    def failing(entries, name):
        for index, resource in enumerate(real(entries, name)):
            if index == 50:
                raise OSError(28, "No space left on device")
            yield resource

    monkeypatch.setattr(fhir_bundle, "bundle_resources", failing)
    status, _, err = run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", target)
    assert status == cli.EXIT_PROBLEM
    assert err == [
        f"sciajournal: Could not write {target}: the disk is full; the previous file is unchanged."
    ]
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clinic")] == []


def test_the_patient_name_from_settings(demo, tmp_path, capsys):
    from sciajournal.core.settings import Settings
    from sciajournal.storage.journal import Journal

    with Journal.open(demo) as journal:
        journal.save_settings(Settings(patient_name="Jo Brown"))
    target = tmp_path / "clinic.json"
    run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", target)
    (patient,) = resources(json.loads(target.read_text(encoding="utf-8")), "Patient")
    assert patient["name"] == [{"text": "Jo Brown"}]


def test_a_missing_folder_is_one_clear_line(demo, tmp_path, capsys):
    target = tmp_path / "no such folder" / "clinic.json"
    status, _, err = run_cli(capsys, "--db", demo, "export", "--format", "fhir", "-o", target)
    assert status == cli.EXIT_PROBLEM
    assert err == [
        f"sciajournal: Could not write {target}: the folder does not exist; nothing was changed."
    ]
