"""The note beside the lock: what a refused second SciaJournal is told, and stale notes."""

import pytest

from sciajournal.storage.errors import JournalLocked
from sciajournal.storage.journal import Journal
from sciajournal.storage.lock_holder import Holder, holder_path, read_holder, record_holder


@pytest.mark.parametrize(
    ("holder", "told"),
    [
        (None, "already open in another SciaJournal window or command"),
        (Holder.WINDOW, "open in a SciaJournal window; close it there first"),
        (Holder.TRAY, "SciaJournal is running in the tray. Quit it from the tray icon's menu"),
    ],
)
def test_a_second_writer_is_told_who_holds_the_journal(journal_path, holder, told):
    with Journal.open(journal_path):
        if holder is not None:
            record_holder(journal_path, holder)
        with pytest.raises(JournalLocked, match=told):
            Journal.open(journal_path)


def test_the_note_is_owner_only_and_a_crashed_holders_note_is_removed(journal_path):
    Journal.open(journal_path).close()
    record_holder(journal_path, Holder.TRAY)  # as if a window in the tray had crashed
    assert holder_path(journal_path).stat().st_mode & 0o777 == 0o600
    assert read_holder(journal_path) is Holder.TRAY
    with Journal.open(journal_path):
        assert read_holder(journal_path) is None
        assert not holder_path(journal_path).exists()
