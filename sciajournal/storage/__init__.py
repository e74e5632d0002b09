"""Storage: SQLAlchemy models, opening a journal file safely, migrations, the journal service."""
