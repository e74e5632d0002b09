"""Opening the function-measure forms (issue 16) over the window: which form edits which
kind, and what the activities form needs from the journal. Imported when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from sciajournal.core.entities import (
    BothersomenessCheck,
    Entry,
    FunctionActivity,
    FunctionRating,
)
from sciajournal.ui.forms.activity_form import ActivityForm
from sciajournal.ui.forms.bothersomeness_form import BothersomenessForm
from sciajournal.ui.forms.entry_form import EntryForm
from sciajournal.ui.forms.function_rating_form import FunctionRatingForm

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from sciajournal.storage.journal import Journal


def rating_form(
    parent: QWidget, journal: Journal, clock: Callable[[], datetime]
) -> tuple[FunctionRatingForm, list[Entry]]:
    """The form rating every current activity, and those activities as they are now:
    the form gives them all back (changed or not), so the window's edit loses none."""
    stored = journal.collection(kinds=[FunctionActivity, FunctionRating])
    named = stored.function_activities
    latest = stored.function_ratings[-1] if stored.function_ratings else None
    sittings = [rating.at for rating in stored.function_ratings]
    form = FunctionRatingForm(
        parent, clock=clock, activities=named, latest=latest, sittings=sittings
    )
    return form, [activity for activity in named if activity.retired is None]


def bothersomeness_form(
    parent: QWidget, journal: Journal, clock: Callable[[], datetime]
) -> BothersomenessForm:
    """A new weekly check, knowing when the others were made (to catch a double Save)."""
    checks = journal.collection(kinds=[BothersomenessCheck]).bothersomeness
    return BothersomenessForm(parent, clock=clock, checks=[check.at for check in checks])


def edit_form(
    parent: QWidget, journal: Journal, entry: Entry, clock: Callable[[], datetime]
) -> EntryForm | None:
    """The form that edits `entry`, if it is one of the function measures."""
    match entry:
        case BothersomenessCheck():
            return BothersomenessForm(parent, clock=clock, existing=entry)
        case FunctionActivity():
            return ActivityForm(entry, parent, clock=clock)
        case FunctionRating():
            named = journal.collection(kinds=[FunctionActivity]).function_activities
            return FunctionRatingForm(parent, clock=clock, activities=named, existing=entry)
    return None
