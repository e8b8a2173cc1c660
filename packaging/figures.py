"""The bundle's figures: what each part costs, and its cold start to the login dialog beside
the virtual environment's, in one run (alternating, so both see the same load).

    .venv/bin/python packaging/figures.py [--runs 7] [--sizes-only] [--also NAME=EXECUTABLE]

--also adds another build's executable to the start-up runs (another bundler's, to compare).

Needs dist/policedesk (bash packaging/build.sh), Xvfb and xdotool. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "policedesk"
VENV_DESK = ROOT / ".venv" / "bin" / "policedesk"

# Each file of the bundle goes to the first part whose pattern its path matches.
PARTS = [
    ("ICU (Qt's Unicode and collation data)", r"libicu"),
    ("Qt: Core, Gui, Widgets, Charts, OpenGL, DBus, XcbQpa", r"PySide6/Qt/lib/"),
    ("Qt plugins and zh_CN catalogue", r"PySide6/Qt/(plugins|translations)/"),
    ("PySide6 bindings (shiboken)", r"PySide6/|shiboken6|libpyside6|libshiboken6"),
    (
        "OR-Tools (with abseil, protobuf, SCIP, HiGHS, COIN-OR)",
        r"ortools|libabsl|libprotobuf|"
        r"libscip|libhighs|libCbc|libCgl|libClp|libCoinUtils|libOsi|libre2|libutf8_validity",
    ),
    ("NumPy (with OpenBLAS, gfortran)", r"numpy|libscipy_openblas|libgfortran|libquadmath"),
    ("pandas (imported by OR-Tools' CP-SAT)", r"pandas|dateutil|pytz|tzdata"),
    ("SQLCipher (sqlcipher3)", r"sqlcipher"),
    (
        "psycopg binary (libpq, OpenSSL, Kerberos, LDAP)",
        r"psycopg|libpq-|libssl-|libcrypto-|"
        r"libkrb5|libk5crypto|libgssapi|libcom_err|libkeyutils|liblber|libldap|libsasl2|libcrypt-",
    ),
    ("cryptography", r"cryptography|_cffi_backend|cffi"),
    (
        "X11, xcb, fontconfig, freetype, GLib, D-Bus (system libraries)",
        r"/lib(X|xcb|xkb|font|"
        r"freetype|png|glib|gthread|dbus|expat|brotli|bsd|md\.|pcre2|z\.so|zstd|systemd|cap\.|"
        r"gcrypt|gpg-error|lz4|lzma|jpeg|tiff|uuid|stdc\+\+|gcc_s|ffi|bz2|sqlite3|readline|tinfo"
        r"|ssl\.so|crypto\.so|mount|blkid|selinux|gmodule|gobject|gio)",
    ),
    (
        "Python 3.11 (libpython, standard library, extension modules)",
        r"libpython|python3\.|"
        r"base_library|lib-dynload",
    ),
    ("the program's data and translations", r"/(data|resources)/|desktop/store/migrations"),
    ("executable (bootloader and the Python archive of every module)", r"^policedesk$"),
]


def part_sizes(bundle: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = "/" + path.relative_to(bundle).as_posix().removeprefix("_internal/")
            name = next(
                (
                    part
                    for part, pattern in PARTS
                    if re.search(pattern, rel.lstrip("/")) or re.search(pattern, rel)
                ),
                "other Python packages (SQLAlchemy, openpyxl, pypinyin, stdnum, …)",
            )
            sizes[name] += path.stat().st_size
    return sizes


def print_sizes() -> None:
    sizes = part_sizes(BUNDLE)
    total = sum(sizes.values())
    print("| part | MB unpacked |\n|---|---|")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"| {name} | {size / 1e6:.1f} |")
    print(f"| **bundle, dist/policedesk** | **{total / 1e6:.1f}** |")
    for deb in sorted((ROOT / "dist").glob("policedesk_*.deb")):
        print(f"| {deb.name} ({_compression(deb)}) | {deb.stat().st_size / 1e6:.1f} |")


def _compression(deb: Path) -> str:
    # The data member's name in the ar archive, after the small control member.
    with deb.open("rb") as file:
        head = file.read(1 << 20)
    return next((kind for kind in ("xz", "gz", "zst") if b"data.tar." + kind.encode() in head), "?")


def _free_display() -> int:
    return next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())


def _until_login(command: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from spawning `command` to its login dialog being on the screen."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < timeout:
            found = subprocess.run(
                # Qt appends the program's name to a title on X11: "登录 — 社区警务工作台".
                ["xdotool", "search", "--onlyvisible", "--name", "^登录( |$)"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if found.stdout.strip():
                return time.perf_counter() - start
            time.sleep(0.02)
        raise RuntimeError(f"no login dialog from {command[0]} in {timeout:.0f} s")
    finally:
        proc.kill()
        proc.wait()


def cold_start(runs: int, also: dict[str, str]) -> None:
    home = Path(tempfile.mkdtemp(prefix="policedesk-figures-"))
    display = _free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stderr=subprocess.DEVNULL,
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "POLICEDESK_HOME": str(home / "data"),
        "DISPLAY": f":{display}",
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(home),
    }
    try:
        database = home / "demo.sqlite3"
        subprocess.run(
            [str(BUNDLE / "policedesk"), "demo", "--scale", "small", "--database", str(database)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        kinds = {"bundle": [str(BUNDLE / "policedesk")], "virtualenv": [str(VENV_DESK)]}
        kinds.update({name: [path] for name, path in also.items()})
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(runs):
            for kind, command in kinds.items():
                times[kind].append(_until_login([*command, "--database", str(database)], env))
        print("\n| cold start to the login dialog (small demo, Xvfb 1366x768) | median | runs |")
        print("|---|---|---|")
        for kind, values in times.items():
            shown = " ".join(f"{v:.2f}" for v in values)
            print(f"| {kind} | {statistics.median(values):.2f} s | {shown} |")
        ratio = statistics.median(times["bundle"]) / statistics.median(times["virtualenv"])
        print(f"| bundle ÷ virtualenv | {ratio:.2f}× | target ≤ 1.2× |")
    finally:
        xvfb.kill()
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes-only", action="store_true")
    parser.add_argument("--also", action="append", default=[], metavar="NAME=EXECUTABLE")
    args = parser.parse_args()
    if not (BUNDLE / "policedesk").exists():
        print("no dist/policedesk: run bash packaging/build.sh first", file=sys.stderr)
        return 2
    print(
        f"measured {time.strftime('%Y-%m-%d %H:%M')}, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n"
    )
    print_sizes()
    if not args.sizes_only:
        cold_start(args.runs, dict(item.split("=", 1) for item in args.also))
    return 0


if __name__ == "__main__":
    sys.exit(main())
