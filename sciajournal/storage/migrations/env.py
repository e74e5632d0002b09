"""Alembic environment: always run from code with a connection handed in by migrate.py."""

from alembic import context

from sciajournal.storage.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through sciajournal.storage.migrate, not the alembic CLI")

# Batch mode: SQLite cannot ALTER most things, so Alembic rebuilds tables instead.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
