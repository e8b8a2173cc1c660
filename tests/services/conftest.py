"""Service tests run twice: on a SQLite file and on a PostgreSQL server (tests/backends.py)."""

from __future__ import annotations

import pytest

from desktop.services.database import Database
from tests.backends import BACKENDS, backend_db


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest) -> Database:
    return backend_db(request)
