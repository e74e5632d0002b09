"""A walk's steps as the patient writes numbers: "4,210 steps", or "4.210" in German.

Pure Python (no Qt). The grouping comes from the C library's locale, which Qt sets from
the environment when the application starts (the journal's day headings follow it too).
Without a grouping in the locale (C, POSIX) thousands are grouped with a comma, or a
narrow space where the decimal mark is a comma, so a step count never reads as a decimal.
"""

import locale
import re

#: What people put between thousands: comma, point, spaces (plain, no-break, narrow), apostrophe.
_SEPARATORS = ",. \u00a0\u202f'’"
_GROUPED = re.compile(rf"[1-9]\d{{0,2}}(?:([{_SEPARATORS}])\d{{3}})(?:\1\d{{3}})*")


def grouped_count(count: int) -> str:
    """`count` with its thousands grouped as the locale writes them."""
    conventions = locale.localeconv()
    if conventions["thousands_sep"] and conventions["grouping"]:
        return locale.format_string("%d", count, grouping=True)
    separator = "," if conventions["decimal_point"] == "." else "\u202f"
    return f"{count:,}".replace(",", separator)


def steps_text(steps: int) -> str:
    """ "4,210 steps", "1 step"."""
    return f"{grouped_count(steps)} step{'' if steps == 1 else 's'}"


def whole_count(text: str) -> int | None:
    """A count typed with its thousands grouped ("4,210", "4.210", "4 210"), or None when
    `text` is not one (a plain number is read as any number is)."""
    text = text.strip()
    return int(re.sub(rf"[{_SEPARATORS}]", "", text)) if _GROUPED.fullmatch(text) else None
