"""Fuzzing `sciajournal import` with mutated real files: a JSON export and the device samples.

Whatever the mutation, the command answers in at most one line on stderr, without a
traceback, with exit 0 or 1 (never 70, "internal error"); when it fails the journal's
bytes are unchanged, and when it succeeds it added exactly what it reports (no partial
import). The budget is fixed and the examples derandomized, so the suite stays fast and
repeatable; SCIAJOURNAL_FUZZ_EXAMPLES=2000 explores further, with fresh random examples.
"""

import contextlib
import hashlib
import io
import os
import re
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciajournal.cli import main
from sciajournal.demo import demo_entries
from sciajournal.exchange.json_format import export_journal
from sciajournal.storage.journal import Journal

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
EXAMPLES = int(os.environ.get("SCIAJOURNAL_FUZZ_EXAMPLES", "50"))
END = datetime(2026, 4, 15, 21, 0, tzinfo=timezone(timedelta(hours=2)))
#: Values that broke importers before, or sit on a boundary of a rule.
TOKENS = [
    b"inf", b"-inf", b"NaN", b"1e400", b"-1", b"0", b"1e30", b"9999", b"0001", b"99999999",
    b"", b"\x00", b"\xff\xfe", b"<", b">", b"&amp;", b"&x;", b'"', b"{", b"[" * 40, b"null",
    b"true", b"2026-13-45", b"+99:99", b"HKWorkoutActivityTypeWalking", b"Running",
]  # fmt: skip
ENTRY_TABLES = (
    "walks",
    "pain_ratings",
    "treatments",
    "medication_doses",
    "red_flag_checks",
    "notes",
)
NUMBER = re.compile(rb"\d+(\.\d+)?")


def _sources(folder: Path) -> dict[str, bytes]:
    with Journal.open(folder / "source.sqlite") as other:
        other.add_many(demo_entries(20, seed=11, end=END))
        export = export_journal(other).encode()
    xml = (SAMPLES / "apple-health" / "export.xml").read_bytes()
    return {
        "export.json": export,
        "walk.gpx": (SAMPLES / "gpx" / "cerknicko-jezero.gpx").read_bytes(),
        "fields.gpx": (SAMPLES / "gpx" / "gpx1.1_with_all_fields.gpx").read_bytes(),
        "route.gpx": (
            SAMPLES / "apple-health" / "workout-routes" / "route_2024-01-16_1.15pm.gpx"
        ).read_bytes(),
        "other.tcx": (SAMPLES / "tcx" / "sup_activity_1.tcx").read_bytes(),
        "export.xml": xml,
        "export.zip": xml,  # zipped after mutating (or mutated after zipping)
    }


class Corpus:
    """The files to mutate, and the folder of the journal they are imported into."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sources = _sources(folder)

    def __repr__(self) -> str:  # Hypothesis prints it with a failing example
        return f"Corpus({self.folder})"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    assert main(["--db", str(folder / "journal.sqlite"), "demo", "--days", "5"]) == 0
    return Corpus(folder)


def mutate(data: bytes, mutations: list[tuple[str, int, int, bytes]]) -> bytes:
    for kind, where, length, inserted in mutations:
        at = where % (len(data) + 1)
        if kind == "number":  # the values the rules are about: dates, steps, pain, minutes
            numbers = list(NUMBER.finditer(data))
            if numbers:
                found = numbers[where % len(numbers)]
                data = data[: found.start()] + inserted + data[found.end() :]
        elif kind == "delete":
            data = data[:at] + data[at + length :]
        elif kind == "insert":
            data = data[:at] + inserted + data[at:]
        elif kind == "flip":
            data = data[:at] + bytes(b ^ 0xFF for b in data[at : at + length]) + data[at + length :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + length * 50] * 3 + data[at:]
        elif kind == "truncate":
            data = data[:at]
    return data


def _write(target: Path, data: bytes, zip_bytes_mutations: list) -> None:
    if target.suffix != ".zip":
        target.write_bytes(data)
        return
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", data)
    if zip_bytes_mutations:
        target.write_bytes(mutate(target.read_bytes(), zip_bytes_mutations))


def _journal_state(path: Path) -> tuple[str, int]:
    """The journal file's sha256 (it is closed, its log checkpointed) and its entry count."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    connection = sqlite3.connect(path)
    try:
        count = sum(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ENTRY_TABLES
        )
    finally:
        connection.close()
    return digest, count


NAMES = [
    "export.json",
    "walk.gpx",
    "fields.gpx",
    "route.gpx",
    "other.tcx",
    "export.xml",
    "export.zip",
]
mutation = st.tuples(
    st.sampled_from(["number", "number", "delete", "insert", "flip", "repeat", "truncate"]),
    st.integers(min_value=0, max_value=2**20),
    st.integers(min_value=1, max_value=64),
    st.one_of(st.sampled_from(TOKENS), st.binary(max_size=12)),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="SCIAJOURNAL_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(NAMES),
    mutations=st.lists(mutation, min_size=1, max_size=4),
    zip_mutations=st.lists(mutation, max_size=2),
)
def test_a_mutated_file_is_imported_whole_or_refused_in_one_line(
    corpus, name, mutations, zip_mutations
):
    folder, sources = corpus.folder, corpus.sources
    journal = folder / "journal.sqlite"
    source = folder / name
    _write(source, mutate(sources[name], mutations), zip_mutations)
    before, count_before = _journal_state(journal)

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(journal), "import", str(source)])
    said = err.getvalue()

    assert code in (0, 1), said
    assert said.count("\n") <= 1 and "Traceback" not in said, said
    after, count_after = _journal_state(journal)
    if code == 1:
        assert said.startswith("sciajournal: ")
        assert after == before, "a refused import changed the journal"
    else:
        added = int(re.match(r"Imported (\d+) ", out.getvalue()).group(1))
        assert count_after - count_before == added, out.getvalue()
