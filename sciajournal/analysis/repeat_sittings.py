"""When a new questionnaire sitting is probably the same one saved twice.

The weekly bothersomeness check and the activities rating are meant days apart; a second
one within a few minutes of another is almost always a double Save (the form was opened
again because the first Save seemed not to work). The form asks before saving it rather
than refusing: a patient copying ratings from paper may really mean two close sittings.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

#: Sittings closer than this (either side) are taken for the same one saved twice.
REPEAT_WITHIN = timedelta(minutes=10)


def sitting_close_to(at: datetime, others: Iterable[datetime]) -> datetime | None:
    """The other sitting nearest to `at` if it is within REPEAT_WITHIN, else None."""
    near = [other for other in others if abs(other - at) < REPEAT_WITHIN]
    return min(near, key=lambda other: abs(other - at)) if near else None
