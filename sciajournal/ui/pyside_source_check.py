"""A cheaper answer to PySide6's question "does this module use PySide6?", asked on every import.

Once PySide6 is imported, its import hook (for the opt-in `from __feature__ import ...`,
which SciaJournal does not use) checks every module imported afterwards by reading its
source with inspect.getsource and looking for the text "PySide6". inspect keeps each
source it read in linecache for good: after the first window, importing SQLAlchemy and
the journal's modules left 19 MiB of source lines in memory and cost about 80 ms (issue
14; napari saw the same, napari/napari#8584). The same question is answered here by
reading the file's bytes, which are then let go.

Only PySide6's private support module is touched, and only when it has the function
this replaces (6.6 to 6.11 here); otherwise nothing changes.
"""

import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_REPLACED = "_mod_uses_pyside"


def _uses_pyside(module: ModuleType) -> bool:
    """What PySide6 itself decides ("PySide6" in the module's source), without linecache."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled or without a file: PySide6 says False too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def spare_module_sources() -> bool:
    """Install the cheaper check; False when this PySide6 has no such hook to replace."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _REPLACED, None)):
        return False
    setattr(feature, _REPLACED, _uses_pyside)
    return True
