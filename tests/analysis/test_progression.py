"""Weekly volume against the 10 %-a-week guide, over whole weeks of the whole journal, by hand."""

from datetime import date, timedelta, timezone

from sciajournal.analysis.outcomes import walk_outcomes
from sciajournal.analysis.progression import GuideWarning, TargetKind, monday_of, weekly_volume
from sciajournal.analysis.ratings import RatingIndex
from sciajournal.core.entities import RedFlagCheck
from sciajournal.core.enums import RedFlag
from sciajournal.core.settings import Settings
from tests.analysis.scenario import before, follow_up, t, walk

MONDAY = date(2026, 3, 2)
LATER = date(2026, 12, 31)  # "today" long after the weeks: none of them is in progress


def week_walks(minutes_per_week):
    """One walk on the Tuesday of each consecutive week from MONDAY."""
    return [
        walk(t(3, 10) + timedelta(weeks=i), minutes=m) for i, m in enumerate(minutes_per_week) if m
    ]


def settled(walks, back=2, leg=2):
    """A before-rating and an unchanged follow-up for each walk: evidence they settled."""
    ratings = []
    for w in walks:
        ratings += [before(w, back, leg), follow_up(w, timedelta(hours=2), back, leg)]
    return ratings


def volume(walks, last_day, ratings=None, settings=None, today=LATER, first_day=MONDAY):
    settings = settings or Settings()
    ratings = settled(walks) if ratings is None else ratings
    outcomes = walk_outcomes(walks, RatingIndex(ratings), settings)
    return weekly_volume(walks, outcomes, first_day, last_day, settings, today)


def test_percent_changes_and_warnings_at_their_boundaries():
    # 100 -> 110 (exactly +10 %) -> 121 (+10 %, +21 % on two weeks) -> 140 (+15.7 %)
    # -> 160 (+14.3 %, but +32.2 % on two weeks before)
    result = volume(week_walks([100, 110, 121, 140, 160]), date(2026, 4, 5))
    weeks = result.weeks
    assert [w.minutes for w in weeks] == [100, 110, 121, 140, 160]
    assert weeks[0].change_percent is None
    assert round(weeks[1].change_percent, 6) == 10.0
    assert [w.warning for w in weeks] == [
        GuideWarning.NONE,
        GuideWarning.NONE,
        GuideWarning.NONE,
        GuideWarning.ABOVE_GUIDE,
        GuideWarning.WELL_ABOVE,
    ]
    assert round(weeks[4].two_week_change_percent, 1) == 32.2
    # 140 was above its guide (133.1): the next guide builds on 133.1, not on 140.
    assert [round(w.guide_minutes, 1) for w in weeks[1:]] == [110, 121, 133.1, 146.4]
    assert len(result.weeks_above_guide) == 2


def test_a_fall_after_a_spike_week_is_still_warned_over_two_weeks():
    # The reviewer's y1 journal: 176 -> 321 (+82 %) -> 283 (-12 %, but +60.8 % on two
    # weeks). The old rule built the third week's guide on the spike (353 min) and drew
    # 283 "within the guide" without a warning.
    result = volume(week_walks([195, 176, 321, 283, 300]), date(2026, 4, 5))
    _, _, spike, after, later = result.weeks
    assert spike.warning is GuideWarning.WELL_ABOVE
    assert round(spike.guide_base_minutes, 1) == 193.6  # 176 + 10 %, not 321
    assert round(after.change_percent) == -12 and round(after.two_week_change_percent, 1) == 60.8
    assert round(after.guide_minutes, 2) == 212.96  # 193.6 + 10 %
    assert after.warning is GuideWarning.WELL_ABOVE
    # Two weeks on, the spike is the week before's base: 300 <= (321 + 10 %)... but above
    # the guide built on 283 (within 321 + 10 %): 311.3, so it is not warned.
    assert round(later.guide_minutes, 1) == 311.3 and later.warning is GuideWarning.NONE
    assert [w.monday for w in result.weeks_above_guide] == [spike.monday, after.monday]


def test_a_week_above_a_guide_that_did_not_ratchet_is_warned_though_it_barely_rose():
    # 100 -> 125 (above 110) -> 130: +4 % on the week, +30 % (not above) on two weeks,
    # but above its guide 110 + 10 % = 121.
    result = volume(week_walks([100, 125, 130]), date(2026, 3, 22))
    assert [w.warning for w in result.weeks] == [
        GuideWarning.NONE,
        GuideWarning.ABOVE_GUIDE,
        GuideWarning.ABOVE_GUIDE,
    ]
    assert round(result.weeks[2].guide_minutes, 6) == 121


def test_the_target_after_a_spike_week_builds_on_its_allowance():
    result = volume(week_walks([100, 200]), date(2026, 3, 15))
    assert (result.target.kind, result.target.minutes) == (TargetKind.INCREASE, 121)
    assert "not a base" in result.target.reason and "200 min were walked" in result.target.reason
    walks = week_walks([100, 200])
    raised = [before(walks[1], 2, 2), follow_up(walks[1], timedelta(hours=2), 2, 5)]
    held = volume(walks, date(2026, 3, 15), ratings=[*settled(walks[:1]), *raised])
    assert (held.target.kind, held.target.minutes) == (TargetKind.HOLD, 110)
    assert held.target.reason.startswith("held at last week's allowance (110 min")


def test_the_week_in_progress_after_a_spike_is_still_never_warned():
    result = volume(week_walks([100, 300, 290]), date(2026, 3, 18), today=date(2026, 3, 18))
    assert result.weeks[-1].in_progress and result.weeks[-1].warning is GuideWarning.NONE


def test_a_week_without_walks_is_a_zero_and_no_division_by_zero():
    result = volume(week_walks([60, 0, 30]), date(2026, 3, 22))
    assert [(w.minutes, w.walks) for w in result.weeks] == [(60, 1), (0, 0), (30, 1)]
    assert result.weeks[1].change_percent == -100.0
    assert result.weeks[2].change_percent is None  # nothing to compare with
    assert result.weeks[2].two_week_change_percent == -50.0


def test_restart_at_the_old_volume_after_a_week_off_is_warned():
    # 150 / 0 / 150: the third week restarts at the old volume.
    result = volume(week_walks([150, 0, 150]), date(2026, 3, 22))
    restart = result.weeks[2]
    assert (restart.break_weeks, restart.restart_from_minutes) == (1, 150)
    assert restart.guide_minutes == 150 * 0.5 * 1.1
    assert restart.warning is GuideWarning.RESTART_TOO_FAST
    assert result.fast_restarts == [restart]
    assert result.weeks_above_guide == []  # a restart is warned apart, not as a 10 % rise


def test_after_a_restart_that_was_too_fast_the_target_is_the_restart_volume():
    walks = week_walks([150, 0, 150])
    raised = [before(walks[1], 2, 2), follow_up(walks[1], timedelta(hours=2), 2, 5)]
    ratings = [*settled(walks[:1]), *raised]
    result = volume(walks, date(2026, 3, 22), ratings=ratings)
    assert result.weeks[2].pain_continued == 1  # pain continued, too: not a hold at 150
    assert (result.target.kind, result.target.minutes) == (TargetKind.RESTART, 75)
    assert result.target.reason.startswith("last week restarted at 150 min after 1 week")


def test_a_light_restart_is_not_warned():
    result = volume(week_walks([150, 0, 80]), date(2026, 3, 22))
    assert result.weeks[2].warning is GuideWarning.NONE  # 80 <= 75 + 10 %


def test_target_after_a_break_is_about_half_of_the_last_active_week():
    result = volume(week_walks([150, 0]), date(2026, 3, 15))
    assert result.target.week == date(2026, 3, 16)
    assert (result.target.kind, result.target.minutes) == (TargetKind.RESTART, 75)
    assert "resume lighter" in result.target.reason
    lighter = volume(week_walks([150, 0]), date(2026, 3, 15), settings=Settings(restart_percent=40))
    assert lighter.target.minutes == 60


def test_target_after_a_complete_settled_week_is_ten_percent_more_next_week():
    result = volume(week_walks([100, 110]), date(2026, 3, 15))  # a Sunday
    assert result.target.week == date(2026, 3, 16)
    assert (result.target.kind, result.target.minutes, result.target.reason) == (
        TargetKind.INCREASE,
        121.0,
        None,
    )


def test_the_week_in_progress_is_so_far_never_warned_and_the_target_is_for_next_week():
    walks = week_walks([100, 300])
    result = volume(walks, date(2026, 3, 11), today=date(2026, 3, 11))  # a Wednesday
    this_week = result.weeks[-1]
    assert this_week.in_progress and this_week.minutes == 300
    assert this_week.warning is GuideWarning.NONE  # +200 % so far, judged when it is over
    # Three days against a whole week: no percentage at all while the week runs.
    assert (this_week.change_percent, this_week.two_week_change_percent) == (None, None)
    assert result.weeks[0].change_percent is None  # nothing before it
    # Next week's target (the week after the one in progress), from last complete week.
    assert (result.target.week, result.target.base_week) == (date(2026, 3, 16), MONDAY)
    assert result.target.minutes == 110.0 and result.target.next_week
    # A range ending last Sunday, seen on Wednesday: still next week, not the week under way.
    sunday = volume(walks, date(2026, 3, 8), today=date(2026, 3, 11))
    assert (sunday.target.week, sunday.target.base_week) == (date(2026, 3, 16), MONDAY)
    # A range long past: the week after it, which is not "next week".
    assert not volume(walks, date(2026, 3, 8)).target.next_week
    done = volume(walks, date(2026, 3, 11), today=date(2026, 3, 16))
    assert done.weeks[-1].warning is GuideWarning.ABOVE_GUIDE
    assert done.weeks[-1].partly_outside_range and not done.weeks[-1].in_progress


def test_target_is_held_after_a_week_where_pain_continued():
    walks = week_walks([100])
    flagged = [before(walks[0], 2, 2), follow_up(walks[0], timedelta(hours=2), 2, 5)]
    result = volume(walks, date(2026, 3, 8), ratings=flagged)
    assert result.weeks[0].pain_continued == 1
    assert (result.target.kind, result.target.minutes) == (TargetKind.HOLD, 100)
    assert result.target.reason == "held at last week's volume: pain continued after 1 walk"


def test_three_walks_without_follow_ups_give_no_target():
    walks = [walk(t(day, 10), 30) for day in (3, 5, 7)]
    result = volume(walks, date(2026, 3, 8), ratings=[before(w, 2, 2) for w in walks])
    assert result.weeks[0].awaiting_follow_up == 3
    assert (result.target.kind, result.target.minutes) == (TargetKind.NONE, None)
    assert result.target.reason.startswith("no increase suggested: last week 3 walks awaiting")


def test_a_not_judged_walk_holds_the_target_back_too():
    walks = [walk(t(3, 10), 30), walk(t(5, 10), 30)]
    ratings = [*settled(walks[:1]), follow_up(walks[1], timedelta(hours=2), 2, 2)]
    result = volume(walks, date(2026, 3, 8), ratings=ratings)
    assert (result.weeks[0].settled, result.weeks[0].not_judged) == (1, 1)
    assert result.target.minutes is None
    assert "1 walk not judged" in result.target.reason


def test_no_walking_gives_no_target():
    result = volume([], date(2026, 3, 8))
    assert result.target.minutes is None and result.target.kind is TargetKind.NONE
    assert result.tolerance_minutes is None


def test_tolerance_is_the_longest_settled_walk_of_the_last_four_weeks():
    old = walk(t(2, 10), minutes=50)  # more than four weeks before the 31st
    settled_walk = walk(t(20, 10), minutes=25)
    flagged = walk(t(21, 10), minutes=40)
    awaiting = walk(t(22, 10), minutes=35)
    unjudged = walk(t(23, 10), minutes=45)
    ratings = [
        before(old, 2, 2),
        follow_up(old, timedelta(hours=2), 2, 2),
        before(settled_walk, 2, 2),
        follow_up(settled_walk, timedelta(hours=2), 2, 2),
        before(flagged, 2, 2),
        follow_up(flagged, timedelta(hours=2), 2, 6),
        follow_up(unjudged, timedelta(hours=2), 1, 1),  # no rating before: not evidence
    ]
    walks = [old, settled_walk, flagged, awaiting, unjudged]
    result = volume(walks, date(2026, 3, 31), ratings=ratings)
    assert result.tolerance_minutes == 25


def test_a_range_starting_on_a_saturday_keeps_whole_week_figures():
    # Week of 2 March: 100 min on Tuesday, 5 on Saturday 7th; week of 9 March: 47 min.
    walks = [walk(t(3, 10), 100), walk(t(7, 10), 5), walk(t(10, 10), 47)]
    whole = volume(walks, date(2026, 3, 15))
    stub = volume(walks, date(2026, 3, 15), first_day=date(2026, 3, 7))
    first = stub.weeks[0]
    assert (first.minutes, first.partly_outside_range) == (105, True)
    assert round(stub.weeks[1].change_percent) == -55  # not "+840 %" against a 5-minute stub
    assert stub.weeks[1].warning is GuideWarning.NONE
    for shown, full in zip(stub.weeks, whole.weeks, strict=True):
        assert (shown.minutes, shown.change_percent, shown.warning) == (
            full.minutes,
            full.change_percent,
            full.warning,
        )


def test_weeks_follow_local_dates():
    # Monday 00:30 at +02:00 is still Sunday in UTC: it belongs to Monday's week.
    cest = timezone(timedelta(hours=2))
    early = walk(t(9, 0, 30, tz=cest), minutes=20)
    result = volume([early], date(2026, 3, 15))
    assert [w.minutes for w in result.weeks] == [0, 20]
    assert monday_of(date(2026, 3, 15)) == date(2026, 3, 9)
    assert result.weeks[1].iso_week == "2026-W11"


def test_a_walk_settled_after_a_painkiller_is_no_evidence_for_an_increase_or_tolerance():
    from sciajournal.analysis.tolerance import walking_tolerance
    from sciajournal.core.entities import MedicationDose

    # Week of 2 March: 30 min on Tuesday, 60 min on Thursday an hour after ibuprofen.
    # Both settled; the longer one may have been masked by the dose.
    short, long = walk(t(3, 10), minutes=30), walk(t(5, 10), minutes=60)
    walks = [short, long]
    settings = Settings()
    ibuprofen = MedicationDose(at=t(5, 9), name="ibuprofen", dose=400)
    outcomes = walk_outcomes(walks, RatingIndex(settled(walks)), settings, [ibuprofen])
    assert [o.outcome.value for o in outcomes] == ["settled", "settled"]
    result = weekly_volume(walks, outcomes, MONDAY, date(2026, 3, 8), settings, LATER)
    assert (result.weeks[0].settled, result.weeks[0].settled_after_painkiller) == (2, 1)
    assert (result.target.kind, result.target.minutes) == (TargetKind.NONE, None)
    assert "1 walk settled, but taken after a painkiller" in result.target.reason
    assert result.tolerance_minutes == 30  # not the 60-minute walk after ibuprofen
    assert walking_tolerance(outcomes).longest_settled_minutes == 30
    # Without the dose the same week is evidence: +10 %, and 60 min tolerated.
    plain = volume(walks, date(2026, 3, 8))
    assert (plain.target.kind, plain.target.minutes, plain.tolerance_minutes) == (
        TargetKind.INCREASE,
        99.0,
        60,
    )


def test_a_base_week_walk_without_an_outcome_gives_no_target_never_an_increase():
    # Both walks of the week of 2 March are in the walk history, but only the first one's
    # outcome was given: the second's pain may have continued, so nothing is "settled".
    walks = [walk(t(3, 10), 50), walk(t(5, 10), 50)]
    settings = Settings()
    outcomes = walk_outcomes(walks[:1], RatingIndex(settled(walks)), settings)
    today = date(2026, 3, 13)
    result = weekly_volume(walks, outcomes, date(2026, 3, 12), today, settings, today)
    assert result.target.base_week == MONDAY
    assert result.target.kind is TargetKind.NONE and result.target.minutes is None
    assert result.target.reason == (
        "not judged: the outcome of 1 walk of the week of 02 Mar was not looked at"
    )


def test_pain_continuing_after_a_walk_this_week_holds_next_weeks_target():
    # The outside review: two walks of the week in progress left pain for hours, and next
    # week's target was still last week + 10 %.
    walks = week_walks([100, 30])
    flagged = [before(walks[1], 2, 2), follow_up(walks[1], timedelta(hours=2), 2, 5)]
    ratings = [*settled(walks[:1]), *flagged]
    wednesday = date(2026, 3, 11)
    result = volume(walks, wednesday, ratings=ratings, today=wednesday)
    assert result.weeks[-1].in_progress and result.weeks[-1].warning is GuideWarning.NONE
    assert (result.target.kind, result.target.minutes) == (TargetKind.HOLD, 100)
    assert result.target.reason == (
        "held at last week's volume: pain continued after 1 walk this week so far"
    )
    settled_so_far = volume(walks, wednesday, ratings=settled(walks), today=wednesday)
    assert (settled_so_far.target.kind, settled_so_far.target.minutes) == (
        TargetKind.INCREASE,
        110.0,
    )


def test_a_red_flag_since_the_base_week_means_no_target_at_all():
    # The outside review: "Go to an emergency department now", and the weekly guide
    # still suggested 10 % more walking next week.
    walks = week_walks([100, 30])
    wednesday = date(2026, 3, 11)
    settings = Settings()
    outcomes = walk_outcomes(walks, RatingIndex(settled(walks)), settings)
    emergency = RedFlagCheck(at=t(11, 9), signs=frozenset({RedFlag.BOWEL_BLADDER}))
    nothing_found = RedFlagCheck(at=t(10, 9), signs=frozenset())
    older = RedFlagCheck(at=t(1, 9), signs=frozenset({RedFlag.FEVER}))  # before the base week

    def target(checks):
        return weekly_volume(
            walks, outcomes, MONDAY, wednesday, settings, wednesday, red_flag_checks=checks
        ).target

    flagged = target([nothing_found, emergency, older])
    assert (flagged.kind, flagged.minutes) == (TargetKind.NONE, None)
    assert flagged.reason == (
        "a red-flag sign was recorded on Wed 11 Mar (emergency now: emergency "
        "department); stop exercising until you have been seen, then walk as your doctor advises"
    )
    assert target([nothing_found, older]).kind is TargetKind.INCREASE
    base_week_fever = RedFlagCheck(at=t(4, 20), signs=frozenset({RedFlag.FEVER}))
    assert "Wed 04 Mar (same day: a doctor today)" in target([base_week_fever]).reason
