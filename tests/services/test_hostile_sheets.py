"""Files handed to an import as an attacker (or an unlucky clerk) would hand them: each read
in a process of its own under a memory limit, through the real command, must end in a
sentence and an exit status, never in a signal, a Rust panic or a traceback, and must write
nothing. CSV in each encoding a clerk's PC writes is taken as Excel is.

Every file is made by the test, small on disk (the large ones are deflated), in tmp_path.
"""

from __future__ import annotations

import functools
import os
import resource
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain import credit_code
from desktop.i18n import translate
from desktop.ledgers import sheetfile
from desktop.services.database import Database, open_desk
from desktop.services.imports import sheets
from desktop.services.imports.plan import NEW
from tests.backends import copy_desk, open_demo
from tests.services.helpers import chain

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 500 << 20  # the address space each reading process may take
MB = 1 << 20

# ------------------------------------------------------------------ making the files

_OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OOXML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_OOXML}.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL_TYPE}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def workbook(path: Path, rows: Callable[[], object]) -> Path:
    """An .xlsx as Excel lays it out, its sheet's rows written as `rows` yields their XML
    (deflated as they come, so a sheet of gigabytes stays a small file)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(_SHEET_HEAD)
            for piece in rows():  # type: ignore[attr-defined]
                f.write(piece)
            f.write(_SHEET_TAIL)
    return path


def _cell(ref: str, value: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'.encode()


HEADER = ("单位名称", "统一社会信用代码", "所属网格", "行业类别")


def _header_row() -> bytes:
    cells = b"".join(_cell(f"{c}1", h) for c, h in zip("ABCD", HEADER, strict=True))
    return b'<row r="1">' + cells + b"</row>"


def far_cell(path: Path) -> Path:
    """A lone cell at XFD1048576: the reader that expanded the used range asked for 512 GB."""
    return workbook(path, lambda: [b'<row r="1048576">' + _cell("XFD1048576", "x") + b"</row>"])


def far_cell_under_a_table(path: Path) -> Path:
    """A good table, and a stray cell far away: the table is read, the cell ignored."""
    return workbook(
        path,
        lambda: [
            _header_row(),
            b'<row r="2">' + _cell("A2", "甲单位") + b"</row>",
            b'<row r="1048576">' + _cell("XFD1048576", "x") + b"</row>",
        ],
    )


def wide(path: Path) -> Path:
    """16,384 filled columns in each of 200 rows."""

    def rows() -> object:
        for r in range(1, 201):
            cells = "".join(f'<c r="{_letters(c)}{r}"><v>{c}</v></c>' for c in range(16384))
            yield f'<row r="{r}">{cells}</row>'.encode()

    return workbook(path, rows)


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def big_cell(path: Path) -> Path:
    """One cell of 300 MB of text (a file of about 300 KB)."""

    def rows() -> object:
        yield _header_row()
        yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
        block = "测".encode() * (MB // 3)
        for _ in range(300):
            yield block
        yield b"</t></is></c></row>"

    return workbook(path, rows)


def big_cell_lying(path: Path) -> Path:
    """The same cell, the sizes in the ZIP's directory forged to say it is small."""
    big_cell(path)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.rfind(b"PK\x01\x02")  # the sheet is the last member: its directory entry
    while at >= 0 and data[at + 46 : at + 46 + len(name)] != name:
        at = data.rfind(b"PK\x01\x02", 0, at)
    assert at >= 0
    data[at + 24 : at + 28] = struct.pack("<I", 4096)  # uncompressed size
    extra_len = struct.unpack("<H", data[at + 30 : at + 32])[0]
    extra = at + 46 + len(name)
    if extra_len >= 12 and data[extra : extra + 2] == b"\x01\x00":  # zip64: the true sizes
        data[extra + 4 : extra + 12] = struct.pack("<Q", 4096)
    path.write_bytes(bytes(data))
    return path


def unpacking_bomb(path: Path) -> Path:
    """A sheet of 1.2 GB of empty styled cells, deflated to a few MB."""

    def rows() -> object:
        row = "".join(f'<c r="{_letters(c)}1" s="1"/>' for c in range(500)).encode()
        block = (b"<row>" + row + b"</row>") * 50
        for _ in range(1_200 * MB // len(block)):
            yield block

    return workbook(path, rows)


def strings_bomb(path: Path) -> Path:
    """A shared-strings table of 200 MB: a million copies of a 200-byte string."""
    one = b"<si><t>" + "字".encode() * 64 + b"</t></si>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        z.writestr(
            "xl/worksheets/sheet1.xml",
            _SHEET_HEAD + b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + _SHEET_TAIL,
        )
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            block = one * 5000
            for _ in range(200 * MB // len(block)):
                f.write(block)
            f.write(b"</sst>")
    return path


def many_rows(path: Path, n: int = 1_000_000) -> Path:
    """A header and `n` rows of enterprises (about 14 MB a million), each one good."""

    def rows() -> object:
        yield _header_row()
        chunk = []
        for r in range(2, n + 2):
            chunk.append(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>单位{r}</t></is></c>'
                f'<c r="C{r}" t="inlineStr"><is><t>33010600100101</t></is></c></row>'
            )
            if len(chunk) == 10_000:
                yield "".join(chunk).encode()
                chunk = []
        yield "".join(chunk).encode()

    return workbook(path, rows)


def past_the_last_row(path: Path) -> Path:
    """A table, and a row below the 1,048,576th, the last a sheet has."""
    return workbook(
        path,
        lambda: [
            _header_row(),
            b'<row r="2">' + _cell("A2", "甲单位") + b"</row>",
            b'<row r="1048577">' + _cell("A1048577", "x") + b"</row>",
        ],
    )


def renamed_text(path: Path) -> Path:
    """A page of notes saved as 单位.xlsx."""
    path.write_text("走访记录\n今天走访了三家单位，情况正常。\n" * 50, encoding="utf-8")
    return path


def renamed_binary(path: Path) -> Path:
    """A picture saved as 单位.xlsx."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    return path


def damaged(path: Path) -> Path:
    """A workbook cut short, as a failed copy leaves it."""
    far_cell_under_a_table(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _compound_file(names: list[str]) -> bytes:
    """An OLE2 compound file's header and its directory, with streams of these names (as
    Office writes an encrypted workbook, or Excel 97-2003 a .xls)."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = struct.pack("<H", 0x3E)
    header[0x1A:0x1C] = struct.pack("<H", 3)
    header[0x1C:0x1E] = struct.pack("<H", 0xFFFE)
    header[0x1E:0x20] = struct.pack("<H", 9)
    header[0x20:0x22] = struct.pack("<H", 6)
    header[0x30:0x34] = struct.pack("<I", 1)  # the directory's first sector
    directory = b""
    for name in ["Root Entry", *names]:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += bytes(entry)
    directory += bytes(-len(directory) % 512)
    return bytes(header) + bytes(512) + directory + os.urandom(4096)


def encrypted(path: Path) -> Path:
    path.write_bytes(_compound_file(["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]))
    return path


def old_xls(path: Path) -> Path:
    path.write_bytes(_compound_file(["Workbook", "\x05SummaryInformation"]))
    return path


def csv_file(encoding: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        rows = [",".join(HEADER)] + [f"单位{n},,33010600100101,餐饮" for n in range(1, 201)]
        path.write_bytes("\r\n".join(rows).encode(encoding))
        return path

    return make


# ------------------------------------------------------------------ reading them


@dataclass
class Case:
    name: str
    make: Callable[[Path], Path]
    exits: tuple[int, ...]  # 3: refused with a message; 1: rows with problems; 0: read
    says: str | None = None  # the reader's message, when it is one of the reader's
    params: dict[str, Any] = field(default_factory=dict)
    suffix: str = ".xlsx"


BOMB = {"ratio": sheetfile.MAX_RATIO}
CASES = [
    Case("far cell", far_cell, (3,)),
    Case("far cell under a table", far_cell_under_a_table, (1,)),
    Case("wide", wide, (3,), sheetfile.TOO_WIDE, {"row": 1, "limit": sheetfile.MAX_COLUMNS}),
    Case("300 MB cell", big_cell, (3,), sheetfile.BOMB, BOMB),
    Case("300 MB cell, sizes forged", big_cell_lying, (3,), sheetfile.DAMAGED),
    Case("unpacking bomb", unpacking_bomb, (3,), sheetfile.TOO_BIG, {"limit": 1024}),
    Case("shared-strings bomb", strings_bomb, (3,), sheetfile.BOMB, BOMB),
    Case(
        "past the last row",
        past_the_last_row,
        (3,),
        sheetfile.TOO_MANY_ROWS,
        {"limit": sheetfile.MAX_ROWS},
    ),
    Case("renamed text file", renamed_text, (3,)),
    Case("renamed picture", renamed_binary, (3,), sheetfile.NOT_A_SHEET),
    Case("damaged", damaged, (3,), sheetfile.DAMAGED),
    Case("password-protected", encrypted, (3,), sheetfile.PASSWORD),
    Case(".xls", old_xls, (3,), sheetfile.OLD_XLS, suffix=".xls"),
    Case("CSV, UTF-8", csv_file("utf-8"), (0,), suffix=".csv"),
    Case("CSV, UTF-8 with BOM", csv_file("utf-8-sig"), (0,), suffix=".csv"),
    Case("CSV, GBK", csv_file("gbk"), (0,), suffix=".csv"),
    Case("CSV, GB18030", csv_file("gb18030"), (0,), suffix=".csv"),
]

# The child limits its own address space before it imports anything, then runs the command.
CHILD = """
import atexit, resource, runpy, sys
limit, peak = int(sys.argv[1]), sys.argv[2]
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def high_water():  # this program's own peak (ru_maxrss counts the parent's before exec)
    with open("/proc/self/status") as status, open(peak, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))


atexit.register(high_water)
sys.argv = ["policedesk", *sys.argv[3:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


@dataclass
class Outcome:
    case: Case
    exit: int  # negative: the signal that ended it
    seconds: float
    peak_mb: float
    err: str
    out: str


def _read(
    case: Case, path: Path, template: Path, folder: Path, extra: list[str] | None = None
) -> Outcome:
    database = folder / f"{case.name}.sqlite3"  # a desk each: a login writes to its desk
    copy_desk(template, database)
    out, err = folder / f"{case.name}.out", folder / f"{case.name}.err"
    peak = folder / f"{case.name}.peak"
    env = os.environ | {"HOME": str(folder), "XDG_DATA_HOME": str(folder), "PYTHONPATH": str(ROOT)}
    env.pop("POLICEDESK_LANG", None)
    started = time.perf_counter()
    with open(out, "wb") as o, open(err, "wb") as e:
        child = subprocess.Popen(
            [
                *(sys.executable, "-c", CHILD, str(LIMIT), str(peak), *(extra or [])),
                *("import", "enterprises"),
                *(str(path), "--dry-run", "--database", str(database)),
                *("--user", "admin", "--password-stdin"),
            ],
            stdin=subprocess.PIPE,
            stdout=o,
            stderr=e,
            env=env,
            cwd=ROOT,
        )
        assert child.stdin is not None
        child.stdin.write(DEMO_PASSWORD.encode() + b"\n")
        child.stdin.close()
        child.wait()
    return Outcome(
        case,
        child.returncode,
        time.perf_counter() - started,
        int(peak.read_text()) / 1024 if peak.exists() else -1,
        err.read_text("utf-8", errors="replace"),
        out.read_text("utf-8", errors="replace"),
    )


def test_no_file_can_end_the_import(tmp_path: Path) -> None:
    from desktop.services.accounts import users

    database = tmp_path / "desk.sqlite3"
    db = open_desk(database)
    chain(db)
    users.create_first_admin(db, "admin", "管理员", DEMO_PASSWORD)
    db.close()
    files = []
    for n, case in enumerate(CASES):
        files.append(case.make(tmp_path / f"{n:02d}-单位{case.suffix}"))
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(
            pool.map(
                lambda cf: _read(cf[0], cf[1], database, tmp_path), zip(CASES, files, strict=True)
            )
        )
    report = "\n".join(
        f"{o.case.name}: exit {o.exit}, {o.seconds:.1f} s, peak {o.peak_mb:.0f} MB, "
        f"{os.path.getsize(f) / 1024:.0f} KB on disk: {o.err.strip().splitlines()[-1:]}"
        for o, f in zip(outcomes, files, strict=True)
    )
    print(report)
    (ROOT / ".hostile-report.txt").write_text(report) if os.environ.get("HOSTILE_REPORT") else None
    for o, f in zip(outcomes, files, strict=True):
        assert o.exit in o.case.exits, (o.case.name, o.exit, o.err[-2000:])
        assert "Traceback" not in o.err and "panicked" not in o.err, (o.case.name, o.err[-2000:])
        assert o.peak_mb < 400, (o.case.name, o.peak_mb)
        if o.case.says is not None:
            said = sheetfile.UnreadableFile(o.case.says, file=f.name, **o.case.params)
            assert o.err.strip().endswith(said.text(translate)), (o.case.name, o.err[-500:])
        said_all = o.err + o.out
        assert any("\u4e00" <= ch <= "\u9fff" for ch in said_all), o.case.name  # in Chinese
    for case in CASES:
        db = open_demo(tmp_path / f"{case.name}.sqlite3")
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM enterprise")).scalar_one() == 0
        finally:
            db.close()


# ------------------------------------------------------------------ CSV, read as Excel is


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".txt"])
def test_csv_in_each_encoding_is_imported_as_a_sheet(
    db: Database, tmp_path: Path, encoding: str, suffix: str
) -> None:
    """Told apart by content: a CSV saved as 单位.xlsx is read as the CSV it is."""
    c = chain(db)
    code = credit_code.with_check_character("91330106MA2B3C4D5")
    rows = [
        "辖区单位登记表",
        "单位名称,统一社会信用代码,所属网格,行业类别,登记日期",
        f"好再来网吧,{code},330106001{1:03d}01,上网服务营业场所,2026-03-05",
        '"王记餐馆,分店",,330106001' + f"{1:03d}01,餐饮服务,2025.6.1",  # a comma, quoted
        "",
        "没有网格的店,,不存在的网格,餐饮服务,",
    ]
    path = tmp_path / f"单位{suffix}"
    path.write_bytes("\r\n".join(rows).encode(encoding))
    plan = sheets.plan_import(db, "enterprises", path)
    assert plan.rows == 3
    new = [g for g in sheets.good_rows(db, plan) if g.verdict == NEW]
    assert [g.values["name"] for g in new] == ["好再来网吧", "王记餐馆,分店"]
    assert all(g.form.grid_id == c.grid for g in new)
    assert [p.row for p in plan.problems] == [6]


def test_a_text_file_in_neither_encoding_is_refused_with_a_sentence(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "单位.csv"
    path.write_bytes("单位名称,所属网格\n".encode() + b"\xff\xfe\x80\x81" * 100 + b"\n")
    with pytest.raises(sheetfile.UnreadableFile) as refused:
        sheets.plan_import(db, "enterprises", path)
    assert refused.value.message in (sheetfile.ENCODING, sheetfile.NOT_A_SHEET)
    assert "单位.csv" in refused.value.text(translate)


def test_memory_stays_flat_as_rows_are_read(tmp_path: Path) -> None:
    """The reader holds a slice of the sheet, never the sheet: reading 200,000 rows takes
    no more than reading 20,000 (measured in this process's peak, which only grows)."""
    path = many_rows(tmp_path / "单位.xlsx", 200_000)
    sheet = sheetfile.open_sheet(path)
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = 0
    for n, _row in enumerate(sheet.rows, start=1):
        if n == 20_000:
            early = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert n == 200_001  # and the header
    late = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert late - early < 30 * 1024, (start, early, late)  # kilobytes


# As CHILD, and the plan's own peak too: the high-water mark is reset as the check starts
# (the login before it hashes the password in 128 MiB) and read as it ends.
PLAN_PEAK = """
import sys
from desktop.services.imports import sheets

plan_import, plan_peak = sheets.plan_import, sys.argv.pop(1)


def high_water_kb():
    with open("/proc/self/status") as status:
        return next(line.split()[1] for line in status if line.startswith("VmHWM"))


def measured(*args, **kwargs):
    before = high_water_kb()
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    try:
        return plan_import(*args, **kwargs)
    finally:
        with open(plan_peak, "w") as out:
            out.write(f"{before} {high_water_kb()}")


sheets.plan_import = measured
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux's /proc only")
def test_a_dry_run_takes_no_more_memory_for_more_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check of a sheet keeps no rows: 150,000 rows are checked (not refused) by the
    real command, under the memory limit, in about the memory of 30,000. (The plan kept
    every good row, 1.3 KB each: a million took 1.3 GB. What grows now is 13 bytes a good
    row, to find one record written twice; the benchmark checks a million.)"""
    from desktop.services.accounts import users

    database = tmp_path / "desk.sqlite3"
    db = open_desk(database)
    chain(db)
    users.create_first_admin(db, "admin", "管理员", DEMO_PASSWORD)
    db.close()
    child = CHILD.replace("runpy.run_module", PLAN_PEAK + "runpy.run_module")
    monkeypatch.setattr(sys.modules[__name__], "CHILD", child)
    peaks: dict[int, tuple[float, float]] = {}
    for n in (30_000, 150_000):
        case = Case(f"{n} rows", functools.partial(many_rows, n=n), (0,))
        plan_peak = tmp_path / f"{n}.plan-peak"
        path = case.make(tmp_path / f"{n}-单位.xlsx")
        outcome = _read(case, path, database, tmp_path, extra=[str(plan_peak)])
        assert outcome.exit == 0, outcome.err[-2000:]
        assert f"{n} 行" in outcome.out, outcome.out  # every row read and checked
        before, during = (int(kb) / 1024 for kb in plan_peak.read_text().split())
        peaks[n] = (max(before, outcome.peak_mb), during)
    print("process and plan peaks, MB:", peaks)
    assert peaks[150_000][0] < 400
    assert peaks[150_000][1] - peaks[30_000][1] < 20, peaks  # under 170 bytes a row
