"""What the walk form asks before saving a walk the patient may not mean to save.

Pure text (no Qt): the form shows it with its Save-or-go-back question (EntryForm.ask),
whose default answer is to go back.
"""

from datetime import datetime

from sciajournal.core.entities import Walk
from sciajournal.exchange.devices.outing import is_imported

UNTOUCHED_DETAIL = (
    "Nothing in the form has been changed. To log your walk, set how long it was and "
    "rate your pain before it and at the end."
)
OVERLAP_DETAIL = (
    "No one takes two walks at once: this is probably the same walk entered twice. Saved "
    "anyway, its minutes count twice in your weekly walking and in the 10 %-a-week guide. "
    "To keep only the other one, go back and cancel; or correct this walk's start or duration."
)


def _minutes(walk: Walk) -> str:
    return f"{round(walk.minutes, 1):g}-minute walk"


def _clock(moment: datetime) -> str:
    """As the form's time field shows it: the computer's local time."""
    return moment.astimezone().strftime("%H:%M")


def untouched_question(walk: Walk) -> str:
    """ "Save a 10-minute walk at 14:50 with no pain ratings?" """
    return f"Save a {_minutes(walk)} at {_clock(walk.start)} with no pain ratings?"


def named_walk(other: Walk, walk: Walk) -> str:
    """ "your 25-minute walk at 16:05", with its day when that is not `walk`'s, and where it
    came from when a device file brought it."""
    text = f"your {_minutes(other)} at {_clock(other.start)}"
    day = other.start.astimezone().date()
    if day != walk.start.astimezone().date():
        text += f" on {other.start.astimezone().strftime('%a %d %b')}"
    if is_imported(other):
        text += " (imported from a device)"
    return text


def overlap_question(walk: Walk, others: list[Walk]) -> str:
    """ "This walk overlaps your 25-minute walk at 16:05. Save it anyway?" """
    names = [named_walk(other, walk) for other in others]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"This walk overlaps {listed}. Save it anyway?"
