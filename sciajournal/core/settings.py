"""User settings with the defaults from shared/domain.md.

Every threshold the analysis applies comes from here, so a clinician's advice that
differs from the defaults can be entered in Settings. They are stored as text in the
journal's `settings` table and travel with the journal.
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    #: Ask "How is your pain now?" this long after a walk ends; also the rule's window.
    follow_up_hours: float = 2.0
    #: A rise of this many points (0-10 scale) is a clinically meaningful change.
    pain_change_points: int = 2
    #: Pain that the patient says lasted this long after a walk flags the walk.
    pain_lasted_hours: float = 2.0
    #: Without a before-walk rating, the latest rating this close before the walk is the baseline.
    baseline_window_hours: float = 3.0
    #: Weekly walking minutes should not rise by more than this against last week...
    weekly_increase_percent: float = 10.0
    #: ...and a stronger warning above this against two weeks before.
    two_week_increase_percent: float = 30.0
    #: During-walk traffic light: green below amber_from, amber below red_from, red from it.
    amber_from: int = 4
    red_from: int = 6
    # -- walk judgments and progression (issue 12) --
    #: A dose taken this long before a walk is linked to it: its pain may be masked.
    painkiller_window_hours: float = 4.0
    #: After a week or more without walking, next week's target is this share of the
    #: last active week ("resume lighter").
    restart_percent: float = 50.0
    distance_unit: str = "km"
    patient_name: str = ""
    # Reminders: a tray message where the desktop has a tray, otherwise in the window.
    #: Daily rating reminders at "HH:MM"; empty for none.
    morning_reminder: str = ""
    bedtime_reminder: str = ""
    #: Remind when a walk's follow-up comes due (follow_up_hours after it ended).
    follow_up_reminder: bool = True
    #: Remind of the weekly sciatica bothersomeness check, a week after the last one.
    bothersomeness_reminder: bool = True
    #: Closing the window keeps SciaJournal running in the tray, so reminders still come.
    keep_running_in_tray: bool = False
    # -- Medication: package-label limits (domain.md); edited as text, parsed by analysis.
    #: "medicine: brand, brand; ..." - each is found as whole words inside a dose's name,
    #: without regard to case, accents or a strength ("Motrin IB 200mg" is Motrin).
    medication_aliases: str = (
        "ibuprofen: Advil, Nurofen, Motrin, Ibuprofène; naproxen: Aleve, naproxen sodium; "
        "paracetamol: acetaminophen, Tylenol, Panadol; aspirin"
    )
    #: "medicine mg; ..." - the usual maximum in 24 h on an adult over-the-counter label.
    medication_label_limits_mg: str = "ibuprofen 1200; naproxen 660; paracetamol 4000; aspirin 4000"
    #: Medicines whose consecutive days of use are counted as a run.
    anti_inflammatories: str = "ibuprofen, naproxen, aspirin"
    #: Labels say to ask a doctor when pain needs the medicine for more than this many days.
    label_days_before_asking: int = 10

    @classmethod
    def from_stored(cls, stored: Mapping[str, str]) -> "Settings":
        """From the journal's text values; anything missing or unreadable keeps its default."""
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            if item.name not in stored:
                continue
            default = getattr(cls(), item.name)
            text = stored[item.name]
            if isinstance(default, bool):  # bool("False") is True
                if text in ("True", "False"):
                    values[item.name] = text == "True"
                continue
            try:
                values[item.name] = type(default)(text)
            except ValueError:
                continue
        return cls(**values)

    def to_stored(self) -> dict[str, str]:
        return {item.name: str(getattr(self, item.name)) for item in dataclasses.fields(self)}
