"""A really full disk: a 512 KB tmpfs (a new journal at schema 0004 is 140 KB, and it
writes a WAL beside it), skipped with the reason where mounting is not allowed."""

import subprocess

import pytest


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small-disk"
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip() or 'not permitted'}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder):
    """Fill the disk to the last byte with a file that stays there."""
    with (folder / "filler").open("wb", buffering=0) as stream:
        for size in (4096, 1):
            try:
                while True:
                    stream.write(b"\0" * size)
            except OSError:
                pass
