#!/usr/bin/env bash
# The one-folder bundle and the .deb, from a checkout:
#   bash packaging/build.sh                 dist/policedesk/ and dist/policedesk_VERSION_ARCH.deb
#   bash packaging/build.sh --reuse         the .deb only, from the dist/policedesk/ already built
#   bash packaging/build.sh --deb-version V the .deb numbered V (an older one, to test upgrades)
# Needs: python3 (3.11, with its shared library), the package index (or a pip cache), and on
# Linux dpkg-deb. The build runs in its own virtual environment (build/venv), so the bundle
# holds what pyproject.toml asks for and nothing a developer installed besides.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
reuse="" deb_version=""
while (($#)); do
    case "$1" in
    --reuse) reuse=1 ;;
    --deb-version) deb_version="$2"; shift ;;
    *) echo "usage: $0 [--reuse] [--deb-version VERSION]" >&2; exit 2 ;;
    esac
    shift
done

started=$(date +%s)
say() { printf '[build %4ss] %s\n' "$(($(date +%s) - started))" "$*"; }
VENV="$ROOT/build/venv"
if [ "$(uname -s)" = Linux ]; then VPY="$VENV/bin/python"; else VPY="$VENV/Scripts/python.exe"; fi

if [ -z "$reuse" ] || [ ! -x dist/policedesk/policedesk ]; then
    # The program's dependencies as pyproject.toml lists them, and the pinned bundler.
    mkdir -p build
    "$PYTHON" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' >build/requirements.txt
    cat packaging/requirements-build.txt >>build/requirements.txt
    if ! cmp -s build/requirements.txt "$VENV/requirements.txt" 2>/dev/null; then
        say "making the build environment (build/venv)"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        "$VPY" -m pip install -q --disable-pip-version-check -r build/requirements.txt
        cp build/requirements.txt "$VENV/requirements.txt"
    fi
    say "bundling with PyInstaller"
    "$VPY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
        --workpath build/pyinstaller packaging/policedesk.spec
    "$VPY" packaging/check_modules.py build/pyinstaller/policedesk/PYZ-00.toc
    if [ "$(uname -s)" = Linux ]; then
        # Debug information that the build machine's Python and some wheels carry (libpython
        # 23 MB of 5, SQLCipher 21 of 8): stripped, but never from a library auditwheel
        # patched (in a *.libs folder, or with a run path into one): strip breaks their
        # layout ("ELF load command address/offset not page-aligned", NumPy's OpenBLAS).
        find dist/policedesk -type f -name '*.so*' ! -path '*.libs/*' | while read -r lib; do
            readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info' || continue
            readelf -d "$lib" 2>/dev/null | grep -E 'R(UN)?PATH' | grep -q '\.libs' && continue
            strip --strip-debug "$lib"
        done
    fi
    say "bundle: $(du -sh dist/policedesk | cut -f1) in dist/policedesk"
fi

if [ "$(uname -s)" = Linux ] && command -v dpkg-deb >/dev/null; then
    version="${deb_version:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)}"
    deb=$(bash packaging/make_deb.sh dist/policedesk "$version" dist)
    say ".deb: $(du -h "$deb" | cut -f1) in $deb"
fi
say "done in $(($(date +%s) - started)) s"
