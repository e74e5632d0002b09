"""The built-in guide's text, from the user's own Settings, shortcuts and file locations.

Pure Python (no Qt), so what the guide says is tested without a window. Every number
comes from Settings: a guide that printed the defaults would mislead a patient whose
physiotherapist changed them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from sciajournal.core.settings import Settings

#: Keys that belong to widgets rather than to menu actions, so no QAction can list them.
WIDGET_KEYS: list[tuple[str, str]] = [
    ("0-9 in a pain scale", "set the score and move to the next field"),
    ("Arrow keys, Home, End in a pain scale", "step through 0-10, 0, 10"),
    ("Enter in a form", "save (a walk form left as it opened asks first)"),
    ("Escape in a form", "cancel, nothing is saved"),
    ("Tab, Shift+Tab", "next, previous field; a date and time is one field"),
    ("Left, Right in a date or time", "move between day, month, year, hours, minutes"),
    ("Alt+Down or F4 in a date", "open the calendar; arrows choose a day, Enter takes it"),
    ("Enter in the journal list", "edit the selected entry"),
    ("Delete in the journal list", "delete the selected entry (Ctrl+Z undoes)"),
    ("Left, Right, Home, End on a chart", "step through its points; the numbers show below it"),
]


@dataclass(frozen=True, slots=True)
class Shortcut:
    """A menu command and its key, as the menus show them."""

    menu: str
    command: str
    keys: str


def _n(value: float) -> str:
    return f"{value:g}"


def _hours(value: float) -> str:
    return f"{value:g} hour" + ("" if value == 1 else "s")


def _table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:16px'><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<table>{cells}</table>"


def shortcuts_section(shortcuts: Sequence[Shortcut]) -> str:
    menu_rows = [(s.keys, f"{s.menu} > {s.command}") for s in shortcuts]
    return (
        "<h2>Keyboard</h2>"
        "<p>Every command is in a menu; Alt and the underlined letter open it. "
        "These have their own keys:</p>"
        + _table(menu_rows)
        + "<p>In forms and lists:</p>"
        + _table(WIDGET_KEYS)
    )


def judging_section(settings: Settings) -> str:
    points = settings.pain_change_points
    follow = _hours(settings.follow_up_hours)
    return (
        "<h2>How a walk is judged</h2>"
        f"<p>{follow.capitalize()} after a walk ends, SciaJournal asks <i>How is your pain "
        "now?</i> Back and leg are compared separately: a leg that got worse is never made "
        "up for by a back that got better.</p>"
        "<p>A walk is marked <b>pain continued</b> when any of these is true:</p><ul>"
        f"<li>a follow-up taken {follow} or more after the walk is still {points} points or "
        "more above your pain before the walk;</li>"
        f"<li>the next morning's pain is {points} points or more above the morning before;</li>"
        f"<li>you record that pain lasted {_hours(settings.pain_lasted_hours)} or more "
        "after the walk;</li>"
        "<li>symptoms reached further down the leg than before the walk, or numbness, "
        "tingling or weakness appeared.</li></ul>"
        "<p>Your pain before the walk is the rating in the walk form or, without one, "
        f"your latest rating up to {_hours(settings.baseline_window_hours)} before it.</p>"
        "<p>A walk is <b>settled</b> only with evidence: a rating before it and a follow-up "
        "late enough that is not raised. Until then it is <b>awaiting follow-up</b>; with a "
        "follow-up but nothing to compare it with, it is <b>not judged</b>. "
        "No news is never taken as good news.</p>"
    )


def guides_section(settings: Settings) -> str:
    amber, red = settings.amber_from, settings.red_from
    weekly = _n(settings.weekly_increase_percent)
    return (
        "<h2>The traffic light</h2>"
        "<p>Each walk gets a light from your pain at the end of the walk (the worse of "
        f"back and leg): <b>green</b> 0-{amber - 1}, <b>amber</b> {amber}-{red - 1}, "
        f"<b>red</b> {red}-10. Physiotherapy pain-monitoring models accept some pain "
        "during activity if it settles within a day; whether it did is judged separately, "
        "as above.</p>"
        f"<h2>The {weekly} % guide</h2>"
        f"<p>Weekly walking minutes should rise by no more than {weekly} % a week. "
        "SciaJournal compares each whole week (Monday to Sunday) with the week before, "
        f"warns when it rose by more than {weekly} %, and warns more strongly above "
        f"{_n(settings.two_week_increase_percent)} % over two weeks. The week in progress "
        "counts as <i>so far</i>: its minutes are shown without a percentage and it is never "
        f"warned. Next week's suggested target is last week + {weekly} %, and only when last "
        "week's walks were judged settled. After a week or "
        "more without walking, start again lighter.</p>"
        "<p>These are guides, not diagnoses; your own clinician's advice comes first. "
        "Change the numbers in File > Settings.</p>"
    )


def data_section(journal: Path, backups: Path) -> str:
    return (
        "<h2>Where your data lives</h2>"
        f"<p>Your journal: <code>{escape(str(journal))}</code><br>"
        f"Backups (one a day, and before every upgrade or restore): "
        f"<code>{escape(str(backups))}</code></p>"
        "<p>Your settings are stored in the journal, so they move with it. SciaJournal "
        "works offline and opens no network connection; your data leaves this computer "
        "only when you export it or print a summary yourself.</p>"
    )


def help_html(
    settings: Settings, shortcuts: Sequence[Shortcut], journal: Path, backups: Path
) -> str:
    """The whole guide as rich text for a QTextBrowser."""
    return (
        "<h1>SciaJournal guide</h1>"
        "<p>SciaJournal records and summarises. It does not diagnose, and it never tells "
        "you that you are fine. With loss of bladder or bowel control, numbness in the "
        "saddle area or weakness in both legs, seek emergency care now.</p>"
        + shortcuts_section(shortcuts)
        + judging_section(settings)
        + guides_section(settings)
        + data_section(journal, backups)
    )
