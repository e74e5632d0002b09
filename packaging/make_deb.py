"""Wrap the PyInstaller folder into a .deb: /opt/sciajournal, a /usr/bin launcher, the menu
entry, icons, AppStream metadata, docs, and Depends computed by dpkg-shlibdeps from the
libraries the bundle links to but does not carry. Called by packaging/build-linux."""

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "io.github.sciajournal.SciaJournal"
LAUNCHER = '#!/bin/sh\nexec /opt/sciajournal/sciajournal "$@"\n'
DESCRIPTION = """\
Pain-and-walking journal for people with sciatica
 Log walks, back and leg pain (0-10), ice and heat, medication, red-flag
 symptoms and notes; see charts of pain against walking; get flags for walks
 after which pain continued; print a one-page summary for the doctor or
 physiotherapist.
 .
 No network, no account: the journal is a file on this computer.
 .
 This package carries its own Python, Qt and libraries under /opt/sciajournal."""


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def copy_bundle(bundle: Path, opt: Path) -> None:
    """Copy with the modes Debian expects: folders 755, files 644, the program 755."""
    shutil.copytree(bundle, opt, symlinks=True)
    for folder, dirnames, filenames in os.walk(opt):
        for name in dirnames:
            if not (Path(folder) / name).is_symlink():
                (Path(folder) / name).chmod(0o755)
        for name in filenames:
            path = Path(folder) / name
            if not path.is_symlink():
                path.chmod(0o644)
    (opt / "sciajournal").chmod(0o755)


def write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    path.chmod(mode)


def gzipped(text: str) -> bytes:
    # mtime=0: the same input gives the same package (lintian checks for it).
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def debian_changelog(metainfo: Path, maintainer: str) -> str:
    """The Debian changelog from the AppStream release history: one history, two formats."""
    entries = []
    for release in ET.parse(metainfo).getroot().findall("./releases/release"):
        text = " ".join(
            " ".join("".join(p.itertext()).split())
            for p in release.findall("./description/p") + release.findall("./description/ul/li")
        )
        when = datetime.fromisoformat(release.attrib["date"]).replace(hour=12, tzinfo=UTC)
        item = textwrap.fill(
            text or "New release.", 78, initial_indent="  * ", subsequent_indent="    "
        )
        entries.append(
            f"sciajournal ({release.attrib['version']}) unstable; urgency=medium\n\n"
            f"{item}\n\n"
            f" -- {maintainer}  {format_datetime(when)}\n"
        )
    return "\n".join(entries)


def shlib_depends(stage: Path, opt: Path) -> str:
    """Depends for every library the bundle's ELF files need and do not carry."""
    elf_files = sorted(str(p) for p in opt.resolve().rglob("*") if p.is_file() and is_elf(p))
    private_dirs = sorted({str(Path(p).parent) for p in elf_files if ".so" in Path(p).name})
    with tempfile.TemporaryDirectory() as scratch:
        # dpkg-shlibdeps wants to run inside a source package.
        write(
            Path(scratch) / "debian" / "control",
            "Source: sciajournal\n\nPackage: sciajournal\nArchitecture: amd64\n",
        )
        result = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
            + [f"-l{d}" for d in private_dirs]
            + elf_files,
            cwd=scratch,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        sys.exit(f"make_deb: dpkg-shlibdeps failed:\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith("shlibs:Depends="):
            return line.split("=", 1)[1]
    sys.exit("make_deb: dpkg-shlibdeps printed no Depends")


def installed_size_kib(stage: Path) -> int:
    total = sum(p.lstat().st_size for p in stage.rglob("*") if "DEBIAN" not in p.parts)
    return (total + 1023) // 1024


def md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(stage)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", required=True)
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--share", type=Path, required=True)
    parser.add_argument("--maintainer", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    stage = Path("build/deb/sciajournal")
    shutil.rmtree(stage.parent, ignore_errors=True)
    opt = stage / "opt" / "sciajournal"
    copy_bundle(args.bundle, opt)
    write(stage / "usr" / "bin" / "sciajournal", LAUNCHER, 0o755)
    shutil.copytree(args.share, stage / "usr" / "share")
    doc = stage / "usr" / "share" / "doc" / "sciajournal"
    write(doc / "copyright", (HERE / "debian-copyright").read_text(encoding="utf-8"))
    metainfo = args.share / "metainfo" / f"{APP_ID}.metainfo.xml"
    write(doc / "changelog.gz", gzipped(debian_changelog(metainfo, args.maintainer)))
    man = (HERE / "sciajournal.1").read_text(encoding="utf-8")
    write(stage / "usr" / "share" / "man" / "man1" / "sciajournal.1.gz", gzipped(man))
    overrides = (HERE / "lintian-overrides").read_text(encoding="utf-8")
    write(stage / "usr" / "share" / "lintian" / "overrides" / "sciajournal", overrides)
    for folder in [stage, *(p for p in stage.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(0o755)

    control = (
        f"Package: sciajournal\n"
        f"Version: {args.version}\n"
        f"Architecture: amd64\n"
        f"Maintainer: {args.maintainer}\n"
        f"Installed-Size: {installed_size_kib(stage)}\n"
        f"Depends: {shlib_depends(stage, opt)}\n"
        f"Section: misc\n"
        f"Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )
    write(stage / "DEBIAN" / "control", control)
    write(stage / "DEBIAN" / "md5sums", md5sums(stage))
    (stage / "DEBIAN").chmod(0o755)

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"sciajournal_{args.version}_amd64.deb"
    # gzip: every dpkg reads it, and xz took over 15 minutes on the shared build machine.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"make_deb: Depends: {control.split('Depends: ')[1].splitlines()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
