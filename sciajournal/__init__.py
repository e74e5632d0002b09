"""SciaJournal: an offline pain-and-walking journal for people with sciatica."""

__version__ = "0.1.0"
