"""`export --format csv`: one CSV file per kind of entry, plus daily.csv, in a folder or a zip.

Each kind's file holds the records the JSON export would write (the same field names,
values and order; csv_columns says how a value becomes a cell), so a CSV export imports
back into exactly the journal it came from. daily.csv is a table to read, not to import:
one row per day with the figures the analysis computes.

Files are UTF-8 with a byte-order mark (without one, Excel reads UTF-8 as the Windows
code page and a note's "ü" turns into "Ã¼"), comma-separated, CRLF line ends (RFC 4180).
"""

import csv
import io
import os
import time
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sciajournal.analysis.daily_table import DayFigures, daily_table
from sciajournal.analysis.outcomes import Outcome
from sciajournal.analysis.red_flags import graded_signs_text
from sciajournal.core.collection import Entries
from sciajournal.core.timestamps import local_now
from sciajournal.exchange.csv_columns import KindColumns, defused, kinds
from sciajournal.exchange.json_format import to_document
from sciajournal.safe_files import OWNER_ONLY_FILE, OutputNotWritten, atomic_output
from sciajournal.safe_files import write_atomically as write_file
from sciajournal.service.journal_analysis_service import analyse_journal
from sciajournal.storage.journal import Journal
from sciajournal.storage.protected_files import check_output_path

BOM = "\ufeff"
DAILY_FILE = "daily.csv"
#: A folder made for an export holds health data: owner only.
OWNER_ONLY_FOLDER = 0o700

DAILY_COLUMNS = (
    "date",
    "walks",
    "walking_minutes",
    "distance_km",
    "steps",
    "back_mean",
    "back_max",
    "leg_mean",
    "leg_max",
    "ratings",
    "walks_pain_continued",
    "walks_awaiting_follow_up",
    "walks_not_judged",
    "walks_settled",
    "red_flags",
    "medication_doses",
    "medicines",
    "above_label_limit",
    "ice_heat_sessions",
    "times_woken",
    "hours_slept",
    "longest_comfortable_sitting_minutes",
    "sbi_total",
    "psfs_mean",
)


def table_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def kind_text(kind: KindColumns, records: Sequence[dict[str, Any]]) -> str:
    rows = ([col.to_cell(record.get(col.name)) for col in kind.columns] for record in records)
    return table_text(kind.names, rows)


def kind_files(entries: Entries) -> dict[str, str]:
    """File name -> CSV text for every kind (a kind without entries gets its header)."""
    document = to_document(entries)
    return {f"{kind.key}.csv": kind_text(kind, document.get(kind.key, [])) for kind in kinds()}


def _number(value: float | None) -> str:
    if value is None:
        return ""  # no rating that day: an empty cell, never a 0
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _medicines_text(day: DayFigures) -> str:
    parts = []
    for medicine in day.medicines:
        amount = [] if medicine.total_mg is None else [f"{_number(medicine.total_mg)} mg"]
        if medicine.not_in_mg:
            amount.append(f"{medicine.not_in_mg} not in mg")
        doses = f"{medicine.doses} dose{'s' if medicine.doses != 1 else ''}"
        parts.append(f"{medicine.name} {', '.join(amount)} ({doses})".replace("  ", " "))
    return "; ".join(parts)


def daily_row(day: DayFigures) -> list[str]:
    return [
        day.day.isoformat(),
        str(day.walks),
        _number(day.walking_minutes),
        _number(day.distance_km) if day.distance_km else "",
        str(day.steps) if day.steps else "",
        _number(day.back_mean),
        _number(day.back_max),
        _number(day.leg_mean),
        _number(day.leg_max),
        str(day.ratings),
        str(day.outcomes[Outcome.PAIN_CONTINUED]),
        str(day.outcomes[Outcome.AWAITING_FOLLOW_UP]),
        str(day.outcomes[Outcome.NOT_JUDGED]),
        str(day.outcomes[Outcome.SETTLED]),
        graded_signs_text(day.red_flag_signs),
        str(day.medication_doses),
        # Medicine names are typed by the user: never a formula (csv_columns, defused).
        defused(_medicines_text(day)),
        defused(", ".join(m.name for m in day.medicines if m.above_label_limit)),
        str(day.ice_heat_sessions),
        # Empty on a day that did not record them: 0 times woken is a recorded 0.
        _number(day.times_woken),
        _number(day.hours_slept),
        _number(day.longest_sitting_minutes),
        _number(day.sbi_total),
        _number(day.psfs_mean),
    ]


def daily_text(journal: Journal, entries: Entries, today: date | None = None) -> str:
    """daily.csv: every day from the first entry to today (or to the last entry, if later)."""
    days = [entry.when.date() for entry in entries]
    if not days:
        return table_text(DAILY_COLUMNS, [])
    today = today or local_now().date()
    first, last = min(days), max(max(days), today)
    analysis = analyse_journal(journal, first, last, today)
    doses = [d for d in entries.medications if first <= d.at.date() <= last]
    pain = [r for r in entries.pain if first <= r.at.date() <= last]
    return table_text(DAILY_COLUMNS, (daily_row(day) for day in daily_table(analysis, doses, pain)))


def export_files(journal: Journal, today: date | None = None) -> dict[str, str]:
    entries = journal.collection()
    files = kind_files(entries)
    files[DAILY_FILE] = daily_text(journal, entries, today)
    return files


def write_csv_export(journal: Journal, target: Path, today: date | None = None) -> list[str]:
    """Write every file into the folder `target` (made if missing) or the zip `target`;
    returns the file names. Never onto the journal's own files; each file all or nothing."""
    check_output_path(target, journal.path)
    files = export_files(journal, today)
    if target.suffix.lower() == ".zip":
        _write_zip(target, files)
    else:
        _write_folder(target, files, journal.path)
    return list(files)


def _write_folder(folder: Path, files: dict[str, str], journal_path: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OutputNotWritten(
            f"Could not write to {folder}: it is a file; a CSV export needs a folder "
            "(or a name ending in .zip)."
        )
    targets = {name: folder / name for name in files}
    for target in targets.values():  # all checked before anything is made or written
        check_output_path(target, journal_path)
    try:
        folder.mkdir(mode=OWNER_ONLY_FOLDER, exist_ok=True)
    except OSError as error:
        reason = "the folder above it does not exist" if not folder.parent.is_dir() else error
        raise OutputNotWritten(f"Could not make the folder {folder}: {reason}.") from None
    for name, text in files.items():
        write_file(targets[name], text)


def _write_zip(target: Path, files: dict[str, str]) -> None:
    stamp = time.localtime()[:6]
    with atomic_output(target) as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (OWNER_ONLY_FILE | 0o100000) << 16  # a regular file, 0600
                archive.writestr(info, text.encode("utf-8"))
        os.chmod(temporary, OWNER_ONLY_FILE)
