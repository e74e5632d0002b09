"""The one version (sciajournal/__init__.py) for the build scripts, read without importing
the package so it works before the dependencies are installed.

    python packaging/project_version.py                       prints the version
    python packaging/project_version.py --dependencies        prints pyproject's dependencies
    python packaging/project_version.py --check-metainfo F    fails unless F's newest release
                                                              is this version
"""

import ast
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_version() -> str:
    tree = ast.parse((ROOT / "sciajournal" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("project_version: sciajournal/__init__.py sets no __version__")


def newest_release(metainfo: Path) -> str:
    releases = ET.parse(metainfo).getroot().findall("./releases/release")
    if not releases:
        raise SystemExit(f"project_version: {metainfo} lists no release")
    return releases[0].attrib["version"]  # AppStream lists the newest release first


def main(args: list[str]) -> int:
    if not args:
        print(project_version())
    elif args[0] == "--dependencies":
        with (ROOT / "pyproject.toml").open("rb") as file:
            print("\n".join(tomllib.load(file)["project"]["dependencies"]))
    elif args[0] == "--check-metainfo" and len(args) == 2:
        newest = newest_release(Path(args[1]))
        if newest != project_version():
            print(
                f"project_version: {args[1]} names {newest} as the newest release, but "
                f"sciajournal/__init__.py says {project_version()}: add a <release> for it",
                file=sys.stderr,
            )
            return 1
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
