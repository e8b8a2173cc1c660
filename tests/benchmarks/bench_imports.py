"""Import throughput: reading a sheet, and checking it row by row, at 100,000 enterprises;
and the memory of a dry run of a million.

    python tests/benchmarks/bench_imports.py [--rows 100000] [--runs 3] [--no-write]
                                             [--dry-run-rows 1000000]

A sheet of enterprises as a station keeps it (title, header, credit codes, grid codes,
phones, dates as text) is written once; then, in one run each time: python-calamine and
openpyxl's read-only mode read it (the yardsticks of the desk's own reader), and the import
plans it (read, map, check every row, look up the records on file), writing nothing.
Writing the good rows (read and checked again, then written in one transaction) is timed
too, into a fresh copy of the database each run.

Then `policedesk import enterprises FILE --dry-run` checks a sheet of the same kind with
--dry-run-rows rows (0: not run) as the demo's administrator, in a process of its own: its
time and its peak memory (the whole process, the login's password hashing included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop import demo  # noqa: E402
from desktop.domain import credit_code  # noqa: E402
from desktop.services.database import open_desk  # noqa: E402
from desktop.services.imports import sheets  # noqa: E402
from desktop.services.jurisdiction import grids  # noqa: E402
from tests.backends import copy_desk, demo_key  # noqa: E402


def make_sheet(path: Path, codes: list[str], n: int) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("单位")
    sheet.write_row(0, 0, ["辖区单位登记表"])
    header = ["序号", "单位名称", "统一社会信用代码", "所属网格", "地址", "行业类别"]
    header += ["治安保卫负责人", "联系电话", "从业人数", "风险等级", "登记日期"]
    sheet.write_row(1, 0, header)
    for i in range(n):
        code = credit_code.with_check_character(f"9133010{i:010d}")
        sheet.write_row(
            i + 2,
            0,
            [
                *(i + 1, f"测试单位{i:06d}号店", code, codes[i % len(codes)]),
                *(f"江州市城西区学院路{i % 400}号", "餐饮服务", "王伟", f"139{i:08d}"),
                *(i % 90 + 1, "中", f"2023.{i % 12 + 1}.{i % 28 + 1}"),
            ],
        )
    workbook.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="time reading and checking only")
    parser.add_argument("--dry-run-rows", type=int, default=1_000_000)
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        template = folder / "demo.sqlite3"
        db = open_desk(template)
        demo.generate(db, "small", 1)
        codes = [g.code for g in grids.list_grids(db, None, limit=1000)]
        db.close()
        sheet = folder / "单位.xlsx"
        make_sheet(sheet, codes, args.rows)
        times: dict[str, list[float]] = {
            "read, python-calamine": [],
            "read, openpyxl read-only": [],
            "plan (read, map, check, look up)": [],
            "write the checked rows": [],
        }
        for run in range(args.runs):
            started = time.perf_counter()
            from python_calamine import CalamineWorkbook

            rows = CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python()
            times["read, python-calamine"].append(time.perf_counter() - started)
            assert len(rows) == args.rows + 2
            started = time.perf_counter()
            from openpyxl import load_workbook

            book = load_workbook(sheet, read_only=True)
            count = sum(1 for _ in book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
            book.close()
            times["read, openpyxl read-only"].append(time.perf_counter() - started)
            assert count == args.rows + 2
            copy = folder / f"run-{run}.sqlite3"
            copy_desk(template, copy)
            db = open_desk(copy, key=demo_key(copy))  # the demo's file is encrypted
            started = time.perf_counter()
            plan = sheets.plan_import(db, "enterprises", sheet)
            times["plan (read, map, check, look up)"].append(time.perf_counter() - started)
            assert plan.new == args.rows and not plan.bad, plan.problems[:3]
            if not args.no_write:
                started, cpu = time.perf_counter(), time.process_time()
                sheets.apply_import(db, plan, None)
                times["write the checked rows"].append(time.perf_counter() - started)
                cpu = time.process_time() - cpu
                # The machine may be shared: this process's own time, and the others' load.
                print(f"  write, run {run + 1}: {time.perf_counter() - started:.1f} s, of it")
                print(f"    {cpu:.1f} s of this process's CPU ({args.rows / cpu:,.0f} rows/s);")
                print(f"    load average {os.getloadavg()[0]:.1f} at the end")
            db.close()
        print(f"{args.rows:,} rows × 11 columns, medians of {args.runs} runs:")
        for name, values in times.items():
            if not values:
                continue
            median = statistics.median(values)
            print(f"  {name}: {median:.2f} s, {args.rows / median:,.0f} rows/s")
        if args.dry_run_rows:
            dry_run(folder, template, codes, args.dry_run_rows)


def dry_run(folder: Path, template: Path, codes: list[str], n: int) -> None:
    """The real command's dry run of n rows, in a process of its own: time and peak memory."""
    import subprocess

    from desktop.demo.generator import DEMO_PASSWORD

    sheet = folder / f"单位-{n}.xlsx"
    make_sheet(sheet, codes, n)
    desk = folder / "dry-run.sqlite3"
    copy_desk(template, desk)
    peak = folder / "dry-run.peak"
    child = (
        "import atexit, runpy, sys\n"
        "peak = sys.argv[1]\n"
        "def high_water():\n"
        "    with open('/proc/self/status') as status, open(peak, 'w') as out:\n"
        "        out.write(next(l.split()[1] for l in status if l.startswith('VmHWM')))\n"
        "atexit.register(high_water)\n"
        "sys.argv = ['policedesk', *sys.argv[2:]]\n"
        "runpy.run_module('desktop', run_name='__main__', alter_sys=True)\n"
    )
    env = os.environ | {"HOME": str(folder), "XDG_DATA_HOME": str(folder), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", child, str(peak), "import", "enterprises", str(sheet)]
    command += ["--dry-run", "--database", str(desk), "--user", "admin", "--password-stdin"]
    started = time.perf_counter()
    done = subprocess.run(
        command, input=DEMO_PASSWORD + "\n", capture_output=True, text=True, env=env, cwd=ROOT
    )
    seconds = time.perf_counter() - started
    said = (done.stdout + done.stderr).strip().splitlines()[-1:]
    print(f"dry run of {n:,} rows (the command, login included), exit {done.returncode}: {said}")
    mb = int(peak.read_text()) / 1024
    print(f"  {seconds:.1f} s, {n / seconds:,.0f} rows/s; peak {mb:.0f} MB")


if __name__ == "__main__":
    main()
