"""共 N 条 under the 单位 and 走访 lists: the count and the pages are one definition, for every
filter (a text, an officer who led or went along, a scope)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.domain.hierarchy import NodeKind
from desktop.services.database import Database
from desktop.services.jurisdiction import hierarchy, officers
from desktop.services.register import enterprises, visits


def every_page(read: Callable[..., list[Any]], key: Callable[[Any], Any], **filters: Any) -> int:
    rows: list[Any] = []
    while True:
        page = read(after=key(rows[-1]) if rows else None, limit=97, **filters)
        rows += page
        if len(page) < 97:
            return len(rows)


def test_counts_agree_with_the_pages(demo_db: Database) -> None:
    station = next(r for r, _ in hierarchy.unit_choices(demo_db) if r.kind == NodeKind.STATION)
    person = officers.people(demo_db, station, True)[0]
    for scope in (None, station):
        for filters in (
            {},
            {"text": "兰亭"},
            {"text": "lt"},
            {"officer_id": person.id},
        ):
            assert enterprises.count_enterprises(demo_db, scope, **filters) == every_page(
                lambda scope=scope, **k: enterprises.list_enterprises(demo_db, scope, **k),
                lambda r: (r.name_pinyin, r.id),
                **filters,
            ), (scope, filters)
        for filters in ({}, {"text": "兰亭"}, {"officer_id": person.id}, {"kind": "routine"}):
            assert visits.count_visits(demo_db, scope, **filters) == every_page(
                lambda scope=scope, **k: visits.list_visits(demo_db, scope, **k),
                lambda r: (r.visited_on, r.id),
                **filters,
            ), (scope, filters)
