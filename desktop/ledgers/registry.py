"""The ledgers a station files, each declared once: its key, its official title (whatever
the interface language), its sheet, its columns with the getter that fills each one from a
row record, and whether it takes dates. The command line, the export dialog, the exports
and the imports that read a ledger back all take them from here.

A getter is the name of an attribute of the row record the ledger's row source yields (the
services make those records), or a function of the record. The row sources themselves are
mapped to the ledgers in the services with `each_ledger`, which refuses a ledger left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from desktop.domain.dates import weekday_name
from desktop.ledgers.formatted import SERIAL, Column, LedgerSpec

T = TypeVar("T")


def _weekday(record: Any) -> str:
    return weekday_name(record.day.weekday())


GRIDS = LedgerSpec(
    "grids",
    "网格基础信息台账",
    "网格",
    (
        Column("网格编码", "code", 15),
        Column("网格名称", "name", 11, "wrap"),
        Column("所属派出所", "station", 10, "wrap"),
        Column("所属警务室", "office", 11, "wrap"),
        Column("四至范围", "boundary", 28, "wrap", optional=True),
        Column("面积（平方公里）", "area_km2", 8, "number", "基本情况"),
        Column("户数", "households", 6, "number", "基本情况"),
        Column("人口", "population", 6, "number", "基本情况"),
        Column("社区民警", "community_officer", 8, "text", "责任人员"),
        Column("网格员", "grid_worker", 7, "text", "责任人员"),
        Column("备注", "notes", 8, "wrap", optional=True),
    ),
)

ENTERPRISES = LedgerSpec(
    "enterprises",
    "单位（企业）基础信息台账",
    "单位",
    (
        Column("单位名称", "name", 17, "wrap"),
        Column("统一社会信用代码", "credit_code", 19),
        Column("所属网格", "grid", 12, "wrap"),
        Column("地址", "address", 21, "wrap", optional=True),
        Column("行业类别", "industry", 10, "wrap"),
        Column("重点行业", "key_industry", 6, "yes_no"),
        Column("姓名", "legal_representative", 8, "text", "法定代表人"),
        Column("身份证号", "legal_rep_id_number", 20, "text", "法定代表人", optional=True),
        Column("姓名", "security_contact", 8, "text", "治安保卫负责人"),
        Column("联系电话", "security_phone", 13, "text", "治安保卫负责人", optional=True),
        Column("从业人数", "employees", 6, "number", optional=True),
        Column("风险等级", "risk_grade", 6),
        Column("状态", "status", 6),
        Column("最近走访", "last_visited_on", 11, "date", "走访"),
        Column("下次应访", "next_due_on", 11, "date", "走访"),
    ),
)

VISITS = LedgerSpec(
    "visits",
    "企业走访登记台账",
    "走访",
    (
        Column("走访日期", "visited_on", 11, "date"),
        Column("单位名称", "enterprise", 14, "wrap"),
        Column("统一社会信用代码", "credit_code", 19),
        Column("所属网格", "grid", 11, "wrap"),
        Column("走访类型", "kind", 9),
        Column("走访民警", "officers", 11, "wrap"),
        Column("走访内容", "content", 28, "wrap", optional=True),
        Column("安全隐患（条）", "hazards", 8, "number", "发现问题"),
        Column("不稳定因素（条）", "concerns", 8, "number", "发现问题"),
    ),
    dated=True,
)

HAZARDS = LedgerSpec(
    "hazards",
    "安全隐患整改台账",
    "隐患",
    (
        Column("发现日期", "found_on", 11, "date"),
        Column("单位名称", "enterprise", 14, "wrap"),
        Column("所属网格", "grid", 11, "wrap"),
        Column("隐患类别", "kind", 10, "wrap"),
        Column("隐患描述", "description", 21, "wrap"),
        Column("整改期限", "due_date", 11, "date", "整改"),
        Column("整改责任人", "responsible", 8, "text", "整改"),
        Column("整改情况", "progress", 25, "wrap", "整改", optional=True),
        Column("状态", "status_name", 8),
    ),
    dated=True,
)

CONCERNS = LedgerSpec(
    "concerns",
    "不稳定因素排查化解台账",
    "不稳定因素",
    (
        Column("排查日期", "found_on", 11, "date"),
        Column("单位名称", "enterprise", 14, "wrap"),
        Column("所属网格", "grid", 11, "wrap"),
        Column("类别", "kind", 9, "wrap"),
        Column("基本情况", "description", 22, "wrap"),
        Column("化解期限", "due_date", 11, "date", "化解"),
        Column("责任人", "responsible", 8, "text", "化解"),
        Column("化解情况", "progress", 25, "wrap", "化解", optional=True),
        Column("状态", "status_name", 8),
    ),
    dated=True,
)

ROSTER = LedgerSpec(
    "roster",
    "巡逻勤务排班表",
    "排班",
    (
        Column("日期", "day", 11, "date"),
        Column("星期", _weekday, 6),
        Column("班次", "shift", 8, "text", "班次"),
        Column("时间", "hours", 12, "text", "班次"),
        Column("巡逻单元", "unit", 14, "wrap"),
        Column("层级", "tier", 6),
        Column("姓名", "officer", 8, "text", "勤务人员"),
        Column("警号", "badge", 8, "text", "勤务人员"),
        Column("勤务力量", "force", 13, "text", "勤务人员"),
        Column("安排方式", "arranged", 6, optional=True),
        Column("状态", "status", 8),
    ),
    dated=True,
)

RECEPTION = LedgerSpec(
    "reception",
    "警务室接待值班表",
    "接待值班",
    (
        Column("日期", "day", 11, "date"),
        Column("星期", _weekday, 6),
        Column("警务室", "office", 18, "wrap"),
        Column("接待时间", "hours", 12),
        Column("姓名", "officer", 8, "text", "值班民警"),
        Column("警号", "badge", 8, "text", "值班民警"),
        Column("联系电话", "phone", 13, "text", "值班民警", optional=True),
        Column("状态", "status", 8),
    ),
    dated=True,
)

# Not a filed ledger: each officer's month on an A4 page of its own (portrait), to hand out.
# 路线 is left out when no duty of the month has a route (the units' routes are often empty).
SCHEDULE = LedgerSpec(
    "schedule",
    "个人勤务安排表",
    "勤务",
    (
        Column("日期", "day", 11, "date"),
        Column("星期", _weekday, 5),
        Column("班次", "shift", 6),
        Column("时间", "hours", 12),
        Column("勤务", "duty", 28, "wrap"),
        Column("路线", "route", 19, "wrap", optional=True),
    ),
    dated=True,
    portrait=True,
)

# The filed ledgers by key, in a station's filing order.
LEDGERS: dict[str, LedgerSpec] = {
    ledger.key: ledger
    for ledger in (VISITS, HAZARDS, CONCERNS, ROSTER, RECEPTION, ENTERPRISES, GRIDS)
}


def each_ledger(by_ledger: Mapping[LedgerSpec, T]) -> dict[str, T]:
    """`by_ledger` (a row source for each ledger, say) by the ledgers' keys in filing order.
    Refused unless it names every filed ledger and nothing else: declared where the module
    that uses it is imported, a ledger added without its rows stops the program at once."""
    missing = [key for key, ledger in LEDGERS.items() if ledger not in by_ledger]
    extra = [ledger.key for ledger in by_ledger if LEDGERS.get(ledger.key) != ledger]
    if missing or extra:
        raise LookupError(f"ledgers left out: {missing}; not filed ledgers: {extra}")
    return {key: by_ledger[ledger] for key, ledger in LEDGERS.items()}


def import_wordings(
    ledger: LedgerSpec, others: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """An import's wordings of its fields: first the ledger's column that the field fills (its
    getter names the field), by its key (法定代表人姓名), so that the ledger exported and read
    back maps every column; then `others`, the wordings of the sheets stations kept."""
    own = {c.get: c.key for c in ledger.columns if isinstance(c.get, str)}
    return {
        field: tuple(dict.fromkeys((own[field], *words) if field in own else words))
        for field, words in others.items()
    }


def unread_columns(ledger: LedgerSpec, fields: Iterable[str]) -> tuple[str, ...]:
    """The ledger's columns an import of `fields` has no use for (序号, counts, derived
    dates), by key and by header: read back, they are neither a field nor unknown."""
    wanted = set(fields)
    unread = [c for c in (SERIAL, *ledger.columns) if c.get not in wanted]
    return tuple(dict.fromkeys(w for c in unread for w in (c.key, c.header)))
