"""Files shipped beside the code (icon, fonts): in the wheel under sciajournal/resources,
in a source checkout in the top-level resources/ folder."""

from pathlib import Path

_PACKAGED = Path(__file__).with_name("resources")
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    for folder in (_PACKAGED, _CHECKOUT):
        candidate = folder / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {name} is missing from this installation")
