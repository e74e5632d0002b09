"""What each line of the journal says, without a window."""

from datetime import date, timedelta

from sciajournal.analysis.outcomes import walk_outcomes
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.collection import Entries
from sciajournal.core.entities import RedFlagCheck, Walk
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from sciajournal.ui.journal_rows import journal_rows
from tests.analysis.scenario import before, end, follow_up, morning, rating, t, walk
from tests.factories import full_note


def rows_for(entries, now, settings=None, **filters):
    grouped = Entries.of(entries)
    settings = settings or Settings()
    outcomes = walk_outcomes(grouped.walks, RatingIndex(grouped.pain), settings)
    return journal_rows(grouped, {o.walk.id: o for o in outcomes}, settings, now, **filters)


def test_walk_line_folds_in_its_ratings_and_says_when_the_follow_up_is_due():
    w = walk(t(10, 9, 15), 20, distance_km=1.2)
    rows = rows_for([w, before(w, 3, 3), end(w, 3, 4)], now=t(10, 10, 0))
    assert [r.text for r in rows] == [
        "Tuesday 10 March 2026",
        "09:15  Walk 20 min, flat, slow, 1.2 km · pain back 3 → 3, leg 3 → 4"
        " · pain at the end: moderate (amber) · follow-up due 11:35",
    ]


def test_overdue_follow_up_and_pain_continued_are_marked_urgent():
    w = walk(t(10, 9, 15), 20)
    overdue = rows_for([w, before(w, 3, 3)], now=t(10, 12, 0))
    assert "follow-up due since 11:35" in overdue[1].text and overdue[1].urgent
    flagged = rows_for(
        [w, before(w, 3, 3), follow_up(w, timedelta(hours=2), 3, 6)], now=t(10, 14, 0)
    )
    walk_row = next(r for r in flagged if isinstance(r.entry, Walk))
    assert "⚠ pain continued (pain still raised at the follow-up: +3 leg)" in walk_row.text
    assert walk_row.urgent
    assert any(r.text.startswith("11:35  Follow-up pain: back 3, leg 6") for r in flagged)


def test_the_change_is_worded_with_its_own_reason_not_the_last_one():
    w = walk(t(10, 9, 15), 20)
    asked = rating(w.start - timedelta(minutes=20), 3, 3)  # the pain form asks nerve signs
    rows = rows_for(
        [w, asked, follow_up(w, timedelta(hours=2), 3, 5, numbness=True)], now=t(10, 14, 0)
    )
    walk_row = next(r for r in rows if isinstance(r.entry, Walk))
    assert (
        "⚠ pain continued (pain still raised at the follow-up: +2 leg; "
        "numbness, tingling or weakness appeared)"
    ) in walk_row.text


def test_distance_in_miles_when_chosen():
    rows = rows_for(
        [walk(t(10, 9), 20, distance_km=1.609344)], t(10, 12), Settings(distance_unit="mi")
    )
    assert "1.0 mi" in rows[1].text


def test_days_newest_first_with_filters():
    entries = [full_note(at=t(1, 9)), full_note(at=t(3, 9)), walk(t(3, 10), 15)]
    rows = rows_for(entries, t(5, 9))
    assert [r.text for r in rows if r.is_heading] == [
        "Tuesday 03 March 2026",
        "Sunday 01 March 2026",
    ]
    only_walks = rows_for(entries, t(5, 9), kinds=(Walk,))
    assert [r.entry for r in only_walks if not r.is_heading] == [entries[2]]
    in_range = rows_for(entries, t(5, 9), first_day=date(2026, 3, 2), last_day=date(2026, 3, 4))
    assert len([r for r in in_range if not r.is_heading]) == 2


def test_red_flag_line_is_unmistakable():
    check = RedFlagCheck(at=t(4, 21), signs=frozenset({RedFlag.BOWEL_BLADDER}))
    (_heading, row) = rows_for([check], t(4, 22))
    assert row.text == (
        "21:00  ⚠ RED FLAG, EMERGENCY NOW: Loss of bowel or bladder control. "
        "Go to an emergency department now."
    )
    assert row.urgent and row.alarm


def test_each_walk_carries_its_light_in_words_and_a_flagged_walk_is_no_alarm():
    walks = [walk(t(10, hour), 20) for hour in (8, 9, 10)]
    entries = [e for w, leg in zip(walks, (3, 5, 6), strict=True) for e in (w, end(w, 1, leg))]
    rows = {
        r.entry.start.hour: r for r in rows_for(entries, t(10, 12)) if isinstance(r.entry, Walk)
    }
    assert [
        (rows[h].light.value, f"({rows[h].light.value})" in rows[h].text) for h in (8, 9, 10)
    ] == [
        ("green", True),
        ("amber", True),
        ("red", True),
    ]
    assert "· pain at the end: high (red)" in rows[10].text
    assert not any(row.alarm for row in rows.values())


def test_red_flag_row_is_worded_by_its_most_urgent_sign_and_keeps_its_notes():
    check = RedFlagCheck(
        at=t(4, 21), signs=frozenset({RedFlag.WEIGHT_LOSS, RedFlag.FEVER}), notes="38.5 C"
    )
    (_heading, row) = rows_for([check], t(4, 22))
    assert row.text == (
        "21:00  ⚠ RED FLAG, SAME DAY: Fever together with back pain; Unexplained weight "
        "loss. See a doctor today. Notes: 38.5 C"
    )
    (_heading, row) = rows_for([RedFlagCheck(at=t(4, 21), notes="asked by GP")], t(4, 22))
    assert row.text == "21:00  Red-flag check: none of the warning signs. Notes: asked by GP"
    assert not row.urgent


def test_walk_with_only_its_before_rating_says_so():
    w = walk(t(10, 9, 15), 20)
    (_, row) = rows_for([w, before(w, 3, 4)], now=t(10, 9, 40))
    assert "· pain before back 3, leg 4 ·" in row.text


def test_the_list_colours_lights_by_shape_and_red_flags_in_the_error_colour(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from sciajournal.ui.journal_view import ICON_SIZE, JournalModel

    w = walk(t(10, 9), 20)
    check = RedFlagCheck(at=t(10, 21), signs=frozenset({RedFlag.BOWEL_BLADDER}))
    flagged = [w, before(w, 1, 1), end(w, 1, 7), follow_up(w, timedelta(hours=3), 1, 6)]
    model = JournalModel()
    model.set_rows(rows_for([*flagged, check], t(10, 22)))
    by_kind = {type(model.row_at(i).entry): model.index(i, 0) for i in range(model.rowCount())}
    alarm, flagged_walk = by_kind[RedFlagCheck], by_kind[Walk]
    assert model.data(alarm, Qt.ItemDataRole.ForegroundRole).name() in ("#b00020", "#ff8a80")
    assert model.data(flagged_walk, Qt.ItemDataRole.ForegroundRole) is None  # bold only
    assert model.data(flagged_walk, Qt.ItemDataRole.FontRole).bold()
    centre = model.data(flagged_walk, Qt.ItemDataRole.DecorationRole).toImage()
    pixel = QColor(centre.pixel(ICON_SIZE // 2, ICON_SIZE // 2))
    assert pixel.name() == "#c62828"  # red light: end pain 7


def test_ice_heat_row_says_back_and_leg_apart():
    from tests.factories import full_treatment

    session = full_treatment()
    (_heading, row) = rows_for([session], session.start + timedelta(hours=1))
    assert row.text.endswith("Alternating 20 min, lower back, back 5 → 4, leg 6 → 4")


def test_a_next_morning_flag_names_the_morning_it_was_compared_with():
    # Before and after the walk back 2, leg 2, but the morning before was back 0: the next
    # morning's back 2 is +2 against that morning, not against the walk's "2 -> 2".
    w = walk(t(10, 9, 15), 20)
    entries = [
        morning(t(10, 7), 0, 2),
        w,
        before(w, 2, 2),
        end(w, 2, 2),
        follow_up(w, timedelta(hours=2), 2, 2),
        morning(t(11, 7), 2, 2),
    ]
    walk_row = next(r for r in rows_for(entries, now=t(11, 8)) if isinstance(r.entry, Walk))
    assert "pain back 2 → 2, leg 2 → 2" in walk_row.text
    assert (
        "⚠ pain continued (next morning worse than before: back 2, leg 2 vs previous morning "
        "back 0, leg 2: +2 back)"
    ) in walk_row.text


def test_function_measures_and_sleep_and_sitting_read_as_sentences():
    from tests.factories import (
        at,
        bedtime_with_sitting,
        full_activity,
        full_bothersomeness,
        full_function_rating,
        morning_with_sleep,
    )

    socks = full_activity()
    film = full_activity(name="Sit through a film", retired=at(day=20, hour=9))
    entries = [
        morning_with_sleep(),
        bedtime_with_sitting(),
        full_bothersomeness(),
        socks,
        film,
        full_function_rating(socks, film),
    ]
    texts = [r.text for r in rows_for(entries, now=at(day=21))]
    assert any(
        "Morning pain: back 4, leg 6, right leg, down to the calf, numbness, tingling, "
        "woken twice, slept 5.5 h" in text
        for text in texts
    )
    assert any(
        "Bedtime pain: back 4, leg 6" in t and "sat comfortably up to 35 min" in t for t in texts
    )
    assert "20:15  Sciatica bothersomeness, last week: 13 of 24 (leg pain 4, " in "\n".join(texts)
    assert "20:05  Activity I find hard, named: Put on socks" in texts
    assert (
        "20:05  Activity I find hard, named: Sit through a film"
        " · retired 20 Mar 2026, its scores kept" in texts
    )
    assert (
        "20:10  Activities I find hard (0 = cannot do, 10 = as before): "
        "Put on socks 3, Sit through a film 4. Notes: a better week"
    ) in texts


def test_a_follow_up_no_longer_asked_for_reads_as_not_judged_not_as_still_due():
    # Days later "follow-up due since 11:35" read as if it could still be taken; the walk
    # simply was not judged.
    w = walk(t(10, 9, 15), 20)
    days_later = rows_for([w, before(w, 3, 3)], now=t(13, 12, 0))
    walk_row = next(r for r in days_later if isinstance(r.entry, Walk))
    assert "follow-up due" not in walk_row.text
    assert "not judged (no follow-up rating was recorded)" in walk_row.text
    assert not walk_row.urgent


def test_a_rating_row_says_which_leg(qtbot):
    """Side = both legs opened the red-flag check: the row shows it (before: "back 3, leg 6")."""
    from sciajournal.core.enums import Side
    from tests.analysis.scenario import rating

    rows = rows_for(
        [rating(t(10, 9), 3, 6, side=Side.BOTH), rating(t(10, 11), 2, 4, side=Side.LEFT)],
        t(10, 12),
    )
    texts = [r.text for r in rows]
    assert "09:00  Pain: back 3, leg 6, both legs" in texts
    assert "11:00  Pain: back 2, leg 4, left leg" in texts


def test_a_follow_up_on_another_day_than_its_walk_names_the_walks_day():
    """A walk moved to the previous day: its follow-up must not read as same-day."""
    w = walk(t(9, 9), 20)
    rows = rows_for([w, before(w, 3, 3), follow_up(w, timedelta(hours=26), 3, 4)], t(10, 14))
    assert any("Follow-up pain: back 3, leg 4 after the 9 Mar 09:00 walk" in r.text for r in rows)
    same_day = rows_for([w, before(w, 3, 3), follow_up(w, timedelta(hours=2), 3, 4)], t(10, 14))
    assert any("after the 09:00 walk" in r.text for r in same_day)
