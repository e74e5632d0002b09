"""The `sciajournal` command: no verb opens the app; verbs work on the journal without a window.

Every verb goes through the journal service. A problem the user can act on is printed
as one line on stderr with a non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sciajournal import __version__
from sciajournal.storage.location import ENV_VARIABLE, resolve_journal_path

if TYPE_CHECKING:
    from sciajournal.storage.journal import Journal

EXIT_PROBLEM = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE
SUMMARY_DEFAULT_DAYS = 30


class UserError(Exception):
    """A problem with what the user asked for; printed as one line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sciajournal",
        description="An offline pain-and-walking journal for sciatica. "
        "Without a command, opens the journal window.",
    )
    parser.add_argument("--version", action="version", version=f"SciaJournal {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"journal file to use (default: ${ENV_VARIABLE}, else the user data folder)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    demo = verbs.add_parser("demo", help="fill an empty journal with a synthetic history")
    demo.add_argument("--days", type=_positive_int, default=90, help="days of history (90)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (1)")

    export = verbs.add_parser("export", help="write every entry to a file")
    export.add_argument(
        "--format",
        choices=["json", "csv", "fhir"],
        default="json",
        help="json (SciaJournal's own, re-importable), csv (one file per kind and daily.csv, "
        "into a folder or a .zip, for spreadsheets; docs/csv-format.md) or fhir (an R4 Bundle "
        "for a clinic)",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="output file, or folder for csv (default: stdout)"
    )

    importer = verbs.add_parser(
        "import", help="add the entries of an export, or walks from GPX, TCX or Apple Health"
    )
    importer.add_argument(
        "file",
        metavar="FILE",
        help="a SciaJournal JSON export, CSV files (a .csv, a folder or a .zip of them), "
        "a .gpx or .tcx file, or Apple Health's export.xml/.zip",
    )
    importer.add_argument(
        "--dry-run",
        action="store_true",
        help="device files: list the walks found and what is left out, and write nothing",
    )

    backup = verbs.add_parser("backup", help="make a backup of the journal now")
    backup.add_argument("-o", "--output", metavar="FILE", help="write it here instead")

    restore = verbs.add_parser("restore", help="replace the journal by a backup (kept safe first)")
    restore.add_argument("file", metavar="FILE", help="a backup made by SciaJournal")

    report = verbs.add_parser("report", help="the analysis of a date range")
    report.add_argument("--json", action="store_true", help="print every figure as JSON")
    report.add_argument("-o", "--output", metavar="FILE", help="write the printable summary (PDF)")
    report.add_argument(
        "--paper", choices=["a4", "letter"], help="paper size (default: from your locale)"
    )
    report.add_argument(
        "--from",
        dest="first",
        type=_date,
        metavar="DATE",
        # The JSON and the PDF share the default, so a figure checked in one is the other's.
        help=(
            f"YYYY-MM-DD (default: {SUMMARY_DEFAULT_DAYS} days up to --to,"
            " for the PDF and the JSON)"
        ),
    )
    report.add_argument(
        "--to", dest="last", type=_date, metavar="DATE", help="YYYY-MM-DD (default: today)"
    )
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-29") from None


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path, is_default = resolve_journal_path(args.db)
    if args.verb is None:
        from sciajournal.app import run_app  # Qt is only imported when a window is wanted

        return run_app(path, create_folder=is_default)
    # Here, not at the top: the window shows itself before these (SQLAlchemy above all).
    from sciajournal.exchange.new_journal import NewJournal
    from sciajournal.safe_files import OutputNotWritten
    from sciajournal.storage.errors import JournalError
    from sciajournal.storage.journal import Journal
    from sciajournal.storage.lock_holder import Holder
    from sciajournal.storage.protected_files import check_output_path

    # An import that writes nothing into a journal it created leaves no journal behind.
    created = NewJournal.if_missing(path) if args.verb == "import" else None
    try:
        if args.verb == "demo":  # refused before the journal is opened (or created)
            from sciajournal.demo import check_demo_days

            check_demo_days(args.days)
        if args.verb == "restore":  # works on a journal too damaged to open
            return _restore(path, Path(args.file))
        if args.verb == "report":
            _check_report_arguments(args)  # a mistake in the command before any file
        if getattr(args, "output", None):  # before the journal is touched at all
            check_output_path(Path(args.output), path)
        dry_run_beside = args.verb == "import" and args.dry_run and path.exists()
        if args.verb in READ_ONLY_VERBS or dry_run_beside:
            # No lock, no backup, nothing written to the journal: works beside the window.
            opened = Journal.open(path, read_only=True)
        else:
            opened = Journal.open(
                path, create_folder=is_default, daily_backup=True, holder=Holder.COMMAND
            )
        with opened as journal:
            for warning in journal.warnings:
                print(f"sciajournal: {warning}", file=sys.stderr)
            status = VERBS[args.verb](journal, args)
        if created is not None and status == 0 and not args.dry_run:
            created = None  # the import wrote into it: the new journal stays
        return status
    except (JournalError, UserError, OutputNotWritten, ValueError) as error:
        print(f"sciajournal: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: still one line, and the way to see more
        if os.environ.get("SCIAJOURNAL_DEBUG"):
            raise
        print(
            f"sciajournal: internal error ({type(error).__name__}: {error}); nothing more was "
            "written. Run again with SCIAJOURNAL_DEBUG=1 to see details, and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        if created is not None:  # the journal is closed by now
            created.remove()


def _demo(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.demo import demo_entries

    if not journal.is_empty():
        raise UserError(
            f"demo only fills an empty journal, and {journal.path} already has entries; "
            "use --db with a new file"
        )
    added = journal.add_many(demo_entries(args.days, seed=args.seed))
    print(f"Added {len(added)} demo entries over {args.days} days to {journal.path}")
    return 0


def _export(journal: Journal, args: argparse.Namespace) -> int:
    if args.format == "fhir":
        return _export_fhir(journal, args)
    if args.format == "csv":
        return _export_csv(journal, args)
    from sciajournal.exchange.json_format import export_journal, write_export

    if args.output is None:
        sys.stdout.write(export_journal(journal))
        return 0
    target = Path(args.output)
    write_export(journal, target)
    print(f"Exported to {target}", file=sys.stderr)
    return 0


def _export_csv(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.exchange.csv_export import write_csv_export

    if args.output is None:
        raise UserError("export --format csv needs -o FOLDER or -o FILE.zip")
    names = write_csv_export(journal, Path(args.output))
    print(f"Exported {', '.join(names)} to {args.output}", file=sys.stderr)
    return 0


def _export_fhir(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.exchange.fhir.bundle import write_bundle, write_fhir_export

    if args.output is None:
        write_bundle(sys.stdout, journal.collection(), journal.load_settings().patient_name)
        return 0
    target = Path(args.output)
    write_fhir_export(journal, target)
    print(f"Exported a FHIR R4 bundle to {target}", file=sys.stderr)
    return 0


def _import(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.exchange.csv_sources import is_csv_source

    path = Path(args.file)
    is_csv = is_csv_source(path)
    if args.dry_run:
        if path.suffix.lower() == ".json" or is_csv:
            raise UserError("--dry-run: only for device files (GPX, TCX, Apple Health)")
        from sciajournal.exchange.device_import import plan_device_import

        print(plan_device_import(journal, path).table())
        return 0
    if is_csv:
        from sciajournal.exchange.csv_import import import_csv

        print(import_csv(journal, path).summary())
    elif path.suffix.lower() == ".json":
        from sciajournal.exchange.json_format import import_file

        print(import_file(journal, path).summary(path.name))
    else:
        from sciajournal.exchange.device_import import import_device_file

        print(import_device_file(journal, path).summary())
    return 0


def _check_report_arguments(args: argparse.Namespace) -> None:
    if not args.json and not args.output:
        raise UserError("report needs --json or -o FILE.pdf")
    if args.first is not None and args.last is not None and args.first > args.last:
        raise UserError(f"--from {args.first} is after --to {args.last}")


def _report(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.report.json_report import report_json
    from sciajournal.service.journal_analysis_service import analyse_journal, default_range

    if not args.json and not args.output:
        raise UserError("report needs --json or -o FILE.pdf")
    first, last = default_range(journal)
    last = args.last or last
    if args.first is not None:
        first = args.first
    else:
        # 30 days unless told otherwise, as in the app; the JSON too, so that a figure
        # checked in `report --json` is the one the printed summary shows.
        first = last - timedelta(days=SUMMARY_DEFAULT_DAYS - 1)
    if first > last:
        raise UserError(f"--from {first} is after --to {last}")
    if args.json:
        sys.stdout.write(report_json(analyse_journal(journal, first, last)))
    if args.output:
        pages = _write_summary(journal, first, last, Path(args.output), args.paper)
        print(
            f"Wrote a {pages}-page summary for {first} to {last} to {args.output}", file=sys.stderr
        )
    return 0


def _write_summary(
    journal: Journal, first: date, last: date, target: Path, paper: str | None
) -> int:
    # No window is needed to lay out a PDF: work without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from sciajournal.report.loading import summary_for
    from sciajournal.report.summary_document import locale_paper, write_pdf
    from sciajournal.storage.protected_files import check_output_path

    check_output_path(target, journal.path)
    application = QGuiApplication.instance() or QGuiApplication(["sciajournal"])
    if not target.parent.is_dir():
        raise UserError(f"cannot write {target}: the folder {target.parent} does not exist")
    pages = write_pdf(str(target), summary_for(journal, first, last), paper or locale_paper())
    assert application is not None  # kept alive until the PDF is written
    return pages


def _backup(journal: Journal, args: argparse.Namespace) -> int:
    from sciajournal.storage.backups import copy_database, make_backup
    from sciajournal.storage.protected_files import check_output_path

    if args.output:
        target = Path(args.output)
        check_output_path(target, journal.path)
        if target.exists():
            raise UserError(f"{target} already exists; choose a new file name")
        copy_database(journal.path, target)
    else:
        target = make_backup(journal.path, "manual")
    print(f"Backed up to {target}")
    return 0


def _restore(path: Path, backup: Path) -> int:
    from sciajournal.storage.backups import restore_backup
    from sciajournal.storage.journal import Journal
    from sciajournal.storage.lock_holder import Holder

    if not backup.is_file():
        raise UserError(f"{backup}: no such backup file")
    kept = restore_backup(path.absolute(), backup.absolute())
    with Journal.open(path, holder=Holder.COMMAND) as journal:  # migrates an older backup
        count = journal.count()
    print(f"Restored {count} entries from {backup} into {path}")
    if kept is not None:
        print(f"The journal as it was is kept at {kept}")
    return 0


READ_ONLY_VERBS = {"export", "report"}
VERBS = {
    "demo": _demo,
    "export": _export,
    "import": _import,
    "report": _report,
    "backup": _backup,
}
