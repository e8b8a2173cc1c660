"""Alembic migrations. HEAD names the newest revision so that opening an up-to-date
database does not have to import Alembic (a test keeps it equal to the script head)."""

HEAD = "0016"
