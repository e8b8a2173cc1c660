"""Persistence only: engine and sessions, schema, migrations, backup."""
