"""What a morning rating asks about the night and a bedtime rating about the day, worded
once with the time each answer is about: the pain form's labels and the FHIR
observations' text both read them, so the patient and the clinician see the same question.

A bedtime rating's sitting is the day ending then ("today"): domain.md, "the bedtime rating
the longest sitting that was comfortable"; a rating logged the next morning for last night
carries last night's time, so "today" still means that rating's day.
"""

TIMES_WOKEN = "Times woken by pain last night"
HOURS_SLEPT = "Hours slept last night"
COMFORTABLE_SITTING = "Longest comfortable sitting today"
