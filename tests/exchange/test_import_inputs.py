"""What import accepts: regular files and zips, within limits that say so; flat memory on
Apple Health exports whatever they hold (issue 10)."""

import hashlib
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from sciajournal.cli import main
from sciajournal.exchange.import_source import (
    MAX_DOCUMENT_BYTES,
    MAX_TRACK_BYTES,
    ImportFileError,
    read_limited,
)

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
WORKOUT = (SAMPLES / "apple-health" / "export.xml").read_text(encoding="utf-8")
MEGABYTE = 1024 * 1024


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def journal_file(tmp_path, capsys):
    path = tmp_path / "journal.sqlite"
    assert main(["--db", str(path), "demo", "--days", "3"]) == 0
    capsys.readouterr()
    return path


def refused(capsys, journal_file, source, *words):
    before = sha256(journal_file)
    code, out, err = run(capsys, "--db", journal_file, "import", source)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"sciajournal: {source}"), err
    for word in words:
        assert word in err
    assert sha256(journal_file) == before
    return err


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path, journal_file):
    for name in ("pipe.json", "pipe.zip"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        # A child process, so that a regression hangs only it (and the timeout says so).
        result = subprocess.run(
            [sys.executable, "-m", "sciajournal", "--db", str(journal_file), "import", str(fifo)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        assert result.stderr == f"sciajournal: {fifo}: is a pipe (FIFO), not a regular file; " \
            "SciaJournal imports files and zip archives\n"  # fmt: skip


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("/dev/zero", "is a device, not a regular file"),
        ("folder", "is a folder, not a file"),
        ("folder.json", "is a folder, not a file"),
        ("zero.json", "is a device, not a regular file"),  # a link to /dev/zero
        ("missing.json", "no such file"),
    ],
)
def test_devices_folders_and_missing_files_get_one_line(
    capsys, tmp_path, journal_file, name, problem
):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    source = name if name.startswith("/") else tmp_path / name
    refused(capsys, journal_file, source, problem)


def test_a_json_export_over_the_limit_is_refused_by_its_size(capsys, tmp_path, journal_file):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    refused(
        capsys,
        journal_file,
        big,
        "too large to import (100.0 MB; the limit for this kind of file is 100 MB)",
    )


def test_a_track_file_over_the_limit_is_refused_by_its_size(capsys, tmp_path, journal_file):
    big = tmp_path / "big.gpx"
    with big.open("wb") as handle:
        handle.truncate(MAX_TRACK_BYTES + 1)
    refused(
        capsys,
        journal_file,
        big,
        f"the limit for this kind of file is {MAX_TRACK_BYTES // MEGABYTE} MB",
    )


# -- zip bombs and flat memory -------------------------------------------------------------


def whitespace_bomb(target, megabytes):
    """A zip whose export.xml is HealthData holding `megabytes` MB of spaces, then a walk.

    Deflating a gigabyte takes a while, so the member is built as zipfile would write it
    but from one flushed deflate block repeated (the window then holds only spaces either
    way); `test_the_bomb_builder_makes_a_valid_zip` reads a small one back in full.
    """
    head = b"<?xml version='1.0'?>\n<HealthData locale='en'>"
    chunk = b" " * MEGABYTE
    tail = b"</HealthData>\n"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_RLE)
    first = packer.compress(head + chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    repeated = packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    assert repeated == packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head + chunk)
    for _ in range(megabytes - 1):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + megabytes * MEGABYTE + len(tail)
    packed = len(first) + (megabytes - 1) * len(repeated) + len(last)
    name = b"apple_health_export/export.xml"
    fields = (8, 0, 0x21, crc, packed, size, len(name))  # deflate, 1980-01-01
    with target.open("wb") as out:
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, *fields, 0) + name)
        out.write(first)
        for _ in range(megabytes - 1):
            out.write(repeated)
        out.write(last)
        directory = out.tell()
        entry = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, *fields, 0, 0, 0, 0, 0, 0)
        out.write(entry + name)
        ending = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(entry) + len(name),
                             directory, 0)  # fmt: skip
        out.write(ending)


def test_the_bomb_builder_makes_a_valid_zip(tmp_path):
    bomb = tmp_path / "small.zip"
    whitespace_bomb(bomb, 3)
    with zipfile.ZipFile(bomb) as archive:
        assert archive.testzip() is None
        (info,) = archive.infolist()
        text = archive.read(info)
    assert info.file_size == len(text) == 3 * MEGABYTE + 60
    assert text.startswith(b"<?xml") and text.strip().endswith(b"</HealthData>")


PEAK_MEMORY = """
import resource, sys
from pathlib import Path
from sciajournal.exchange.device_import import import_device_file
from sciajournal.exchange.import_source import ImportFileError
from sciajournal.storage.journal import Journal
with Journal.open(Path(sys.argv[1])) as journal:
    try:
        print(import_device_file(journal, Path(sys.argv[2])).summary())
    except ImportFileError as error:
        print("refused:", error)
# VmHWM is this process's own peak. ru_maxrss is not: Linux carries it over from the
# parent across fork and exec, so a big pytest process made this child look big.
status = Path("/proc/self/status")
lines = status.read_text().splitlines() if status.exists() else []
peaks = [int(line.split()[1]) for line in lines if line.startswith("VmHWM:")]
print((peaks[0] if peaks else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) // 1024)
"""


def import_measuring_memory(journal_file, source):
    """The import's one line of outcome and the peak memory (MB) of the process that ran it."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(journal_file), str(source)],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    outcome, peak = result.stdout.splitlines()
    print(f"{source.name}: {outcome} (peak memory {peak} MB)")  # shown with pytest -s
    return outcome, int(peak)


def test_a_zip_of_one_and_a_half_gigabytes_of_whitespace_is_refused_in_flat_memory(
    tmp_path, journal_file
):
    bomb = tmp_path / "export.zip"
    whitespace_bomb(bomb, 1500)
    assert bomb.stat().st_size < 2 * MEGABYTE
    before = sha256(journal_file)
    outcome, peak = import_measuring_memory(journal_file, bomb)
    assert outcome.startswith("refused: export.zip: apple_health_export/export.xml would inflate")
    assert "more than 100 times" in outcome
    assert peak < 200
    assert sha256(journal_file) == before


def test_a_large_export_within_the_zip_ratio_streams_in_flat_memory(tmp_path, journal_file):
    """120 MB of whitespace (deflating about 25 times, as real data might) before a walk:
    read to the end, the walk found, memory flat (a tree builder would hold it all twice)."""
    rng = random.Random(1)
    mixed = "".join(rng.choices(" \n\t", weights=[98, 1, 1], k=MEGABYTE)).encode()
    head, _, rest = WORKOUT.partition("<Workout ")
    export = tmp_path / "export.zip"
    with (
        zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("apple_health_export/export.xml", "w", force_zip64=True) as member,
    ):
        member.write(head.encode())
        for _ in range(120):
            member.write(mixed)
        member.write(("<Workout " + rest).encode())
    outcome, peak = import_measuring_memory(journal_file, export)
    assert outcome.startswith("Imported 1 walk")
    assert peak < 200


def test_a_file_that_says_it_is_small_is_still_read_only_up_to_the_limit():
    # Files in /proc report size 0 and have content: what is read counts, not what is said.
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(ImportFileError, match="too large to import"):
        read_limited(status, 10)
