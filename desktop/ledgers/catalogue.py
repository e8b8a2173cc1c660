"""The ledgers a station files, in the official wording whatever the interface language."""

from __future__ import annotations

from desktop.ledgers.formatted import Column, LedgerSpec

GRIDS = LedgerSpec(
    "网格基础信息台账",
    "网格",
    (
        Column("网格编码", 16),
        Column("网格名称", 16, "wrap"),
        Column("所属派出所", 14, "wrap"),
        Column("所属警务室", 16, "wrap"),
        Column("四至范围", 30, "wrap", optional=True),
        Column("面积（平方公里）", 12, "number", "基本情况"),
        Column("户数", 8, "number", "基本情况"),
        Column("人口", 8, "number", "基本情况"),
        Column("社区民警", 10, "text", "责任人员"),
        Column("网格员", 10, "text", "责任人员"),
        Column("备注", 20, "wrap", optional=True),
    ),
)

ENTERPRISES = LedgerSpec(
    "单位（企业）基础信息台账",
    "单位",
    (
        Column("单位名称", 24, "wrap"),
        Column("统一社会信用代码", 20),
        Column("所属网格", 14, "wrap"),
        Column("地址", 24, "wrap", optional=True),
        Column("行业类别", 10),
        Column("重点行业", 6, "yes_no"),
        Column("姓名", 8, "text", "法定代表人"),
        Column("身份证号", 20, "text", "法定代表人", optional=True),
        Column("姓名", 8, "text", "治安保卫负责人"),
        Column("联系电话", 14, "text", "治安保卫负责人", optional=True),
        Column("从业人数", 8, "number", optional=True),
        Column("风险等级", 6),
        Column("状态", 6),
        Column("最近走访", 11, "date", "走访"),
        Column("下次应访", 11, "date", "走访"),
    ),
)

VISITS = LedgerSpec(
    "企业走访登记台账",
    "走访",
    (
        Column("走访日期", 11, "date"),
        Column("单位名称", 24, "wrap"),
        Column("统一社会信用代码", 20),
        Column("所属网格", 14, "wrap"),
        Column("走访类型", 10),
        Column("走访民警", 16, "wrap"),
        Column("走访内容", 40, "wrap", optional=True),
        Column("安全隐患（条）", 8, "number", "发现问题"),
        Column("不稳定因素（条）", 8, "number", "发现问题"),
    ),
)

HAZARDS = LedgerSpec(
    "安全隐患整改台账",
    "隐患",
    (
        Column("发现日期", 11, "date"),
        Column("单位名称", 24, "wrap"),
        Column("所属网格", 14, "wrap"),
        Column("隐患类别", 12, "wrap"),
        Column("隐患描述", 30, "wrap"),
        Column("整改期限", 11, "date", "整改"),
        Column("整改责任人", 10, "text", "整改"),
        Column("整改情况", 24, "wrap", "整改", optional=True),
        Column("状态", 10),
    ),
)

CONCERNS = LedgerSpec(
    "不稳定因素排查化解台账",
    "不稳定因素",
    (
        Column("排查日期", 11, "date"),
        Column("单位名称", 24, "wrap"),
        Column("所属网格", 14, "wrap"),
        Column("类别", 12, "wrap"),
        Column("基本情况", 30, "wrap"),
        Column("化解期限", 11, "date", "化解"),
        Column("责任人", 10, "text", "化解"),
        Column("化解情况", 24, "wrap", "化解", optional=True),
        Column("状态", 10),
    ),
)

ROSTER = LedgerSpec(
    "巡逻勤务排班表",
    "排班",
    (
        Column("日期", 11, "date"),
        Column("星期", 6),
        Column("班次", 8, "text", "班次"),
        Column("时间", 12, "text", "班次"),
        Column("巡逻单元", 20, "wrap"),
        Column("层级", 6),
        Column("姓名", 10, "text", "勤务人员"),
        Column("警号", 8, "text", "勤务人员"),
        Column("勤务力量", 12, "text", "勤务人员"),
        Column("安排方式", 8, optional=True),
        Column("状态", 8),
    ),
)

RECEPTION = LedgerSpec(
    "警务室接待值班表",
    "接待值班",
    (
        Column("日期", 11, "date"),
        Column("星期", 6),
        Column("警务室", 20, "wrap"),
        Column("接待时间", 12),
        Column("姓名", 10, "text", "值班民警"),
        Column("警号", 8, "text", "值班民警"),
        Column("联系电话", 14, "text", "值班民警", optional=True),
        Column("状态", 8),
    ),
)

# Not a filed ledger: each officer's month on a page of its own, to hand out.
SCHEDULE = LedgerSpec(
    "个人勤务安排表",
    "勤务",
    (
        Column("日期", 11, "date"),
        Column("星期", 6),
        Column("班次", 8),
        Column("时间", 12),
        Column("勤务", 22, "wrap"),
        Column("路线", 36, "wrap"),
    ),
)

LEDGERS = {
    "grids": GRIDS,
    "enterprises": ENTERPRISES,
    "visits": VISITS,
    "hazards": HAZARDS,
    "concerns": CONCERNS,
    "roster": ROSTER,
    "reception": RECEPTION,
}
