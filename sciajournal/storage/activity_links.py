"""A functional rating scores activities by id: each must be in the journal, and an
activity its ratings score cannot be deleted (retiring it keeps that history).

Both are checked inside the writing transaction after its changes, so a batch that adds
activities with their ratings, or deletes ratings with their activity, is judged whole.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select

from sciajournal.core.entities import Entry, FunctionActivity, FunctionRating
from sciajournal.core.validation import Problem, ValidationError
from sciajournal.storage.errors import EntryInUse
from sciajournal.storage.mapping import MAPPINGS, decode_scores
from sciajournal.storage.models import table_of

_CHUNK = 500


def check_scored_activities(connection: Connection, entries: Sequence[Entry]) -> None:
    """Every activity a rating in `entries` scores is in the journal (as written so far)."""
    wanted = sorted(
        {
            score.activity_id
            for entry in entries
            if isinstance(entry, FunctionRating)
            for score in entry.scores
        }
    )
    if not wanted:
        return
    activities = table_of(MAPPINGS[FunctionActivity])
    found: set[str] = set()
    for first in range(0, len(wanted), _CHUNK):
        chunk = wanted[first : first + _CHUNK]
        found.update(
            connection.execute(select(activities.c.id).where(activities.c.id.in_(chunk))).scalars()
        )
    missing = [activity_id for activity_id in wanted if activity_id not in found]
    if missing:
        raise ValidationError(
            [Problem("scores", f"no activity with id {missing[0]} in the journal")]
        )


def check_no_scores_left(connection: Connection, deleted: Iterable[Entry]) -> None:
    """No rating still in the journal scores an activity among `deleted`."""
    gone = {entry.id: entry for entry in deleted if isinstance(entry, FunctionActivity)}
    if not gone:
        return
    ratings = table_of(MAPPINGS[FunctionRating])
    counts = dict.fromkeys(gone, 0)
    for text in connection.execute(select(ratings.c.scores)).scalars():
        for score in decode_scores(text):
            if score.activity_id in counts:
                counts[score.activity_id] += 1
    for activity_id, count in counts.items():
        if count:
            name = gone[activity_id].name
            raise EntryInUse(
                f'The activity "{name}" has scores in {count} rating{"s" if count != 1 else ""}: '
                "retire it to stop rating it (its history stays), "
                "or delete those ratings first."
            )
