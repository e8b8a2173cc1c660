#!/usr/bin/env bash
# The bundle and the .deb tested as a station gets them (run on demand, and by CI on Linux):
#   bash packaging/test_bundle.sh [--rebuild] [--keep]
# Builds dist/ if it is missing (or --rebuild), and an older-numbered .deb from the same bundle.
# Then, as an unprivileged user with an empty home, `env -i`, no network (`unshare -n`) and no
# virtual environment: the bundle copied elsewhere (it must not depend on where it was built)
# shows the welcome of a first start and opens its window under Xvfb (screenshots), makes the
# small demo, exports a ledger, enrols a second desk and sends it a data package, runs `check`;
# then the older .deb is installed with dpkg and run, the newer one
# installed over it with the data in place, and both removed, the data kept.
# Needs root (a user, dpkg), xvfb-run, xdotool, xprop and ImageMagick's import.
# Screenshots and logs: build/bundle-test/. --keep leaves the user and the package installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
rebuild="" keep=""
for arg in "$@"; do
    case "$arg" in
    --rebuild) rebuild=1 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--rebuild] [--keep]" >&2; exit 2 ;;
    esac
done
say() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root: it adds a user and installs the .deb with dpkg"
for tool in xvfb-run xdotool xprop import dpkg-deb runuser; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install xvfb xdotool x11-utils imagemagick)"
done

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)
arch=$(dpkg --print-architecture)
old_version="0.0.1~test"  # sorts before any real version
new_deb="dist/policedesk_${version}_${arch}.deb" old_deb="dist/policedesk_${old_version}_${arch}.deb"
if [ -n "$rebuild" ] || [ ! -x dist/policedesk/policedesk ] || [ ! -e "$new_deb" ]; then
    say "building the bundle and the .deb"
    bash packaging/build.sh
fi
say "an older .deb from the same bundle ($old_version)"
DEB_COMPRESS=gzip bash packaging/build.sh --reuse --deb-version "$old_version" | tail -1

# The station's user: a new one with an empty home, each run.
user=pdstation
home="/tmp/policedesk-station-home"
work="/tmp/policedesk-station"
out="$ROOT/build/bundle-test"
id "$user" >/dev/null 2>&1 && userdel "$user" 2>/dev/null || true
rm -rf "$home" "$work" "$out"
useradd --home-dir "$home" --create-home --shell /bin/bash "$user"
mkdir -p "$work" "$out"
cp -a dist/policedesk "$work/bundle"
cp packaging/station.sh "$work/"
mkdir -p "$work/out-bundle" "$work/out-deb" "$work/out-upgrade"
chown -R "$user:" "$work/out-bundle" "$work/out-deb" "$work/out-upgrade"
chmod -R a+rX "$work"

# No network: a network namespace of its own (only loopback, down), where the kernel allows.
if unshare -n true 2>/dev/null; then
    nonet=(unshare -n)
    netnote="no network (unshare -n)"
else
    nonet=()
    netnote="WITH the network: unshare -n is not permitted here ($(unshare -n true 2>&1 | head -1))"
fi
as_station() {
    "${nonet[@]}" runuser -u "$user" -- env -i HOME="$home" PATH=/usr/bin:/bin "$@"
}
say "as $user, env -i, $netnote"
as_station bash -c 'echo "  HOME=$HOME, PATH=$PATH, python3 on PATH: $(command -v python3 || echo none),
  interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | tr "\n" " ")"'

say "the bundle, copied to $work/bundle"
as_station bash "$work/station.sh" "$work/bundle/policedesk" "$work/out-bundle"
cp -r "$work/out-bundle" "$out/bundle"

# Which files the window's process loaded: none of the build machine's Python or venvs.
say "what the bundle's window loaded"
loaded=$(awk '{print $6}' "$out/bundle/maps.txt" | grep '^/' | sort -u)
foreign=$(grep -E '\.pyenv|/\.venv|build/venv|site-packages|/usr/lib/python3' <<<"$loaded" || true)
[ -z "$foreign" ] || fail "the bundle loaded files from outside itself: $foreign"
echo "  $(grep -c "$work/bundle" <<<"$loaded") files of the bundle, and of the system's:"
grep -v "$work/bundle" <<<"$loaded" | xargs -n1 basename | tr '\n' ' ' | fold -s -w 96 |
    sed 's/^/    /'
echo

fingerprint() { (cd "$home/.local/share/policedesk" && find . -name '*.sqlite3' -type f -print0 |
    sort -z | xargs -0 sha256sum); }
before=$(fingerprint)

say "dpkg -i $old_deb"
dpkg -r policedesk >/dev/null 2>&1 || true
dpkg -i "$old_deb" >/dev/null
[ "$(readlink /usr/bin/policedesk)" = /opt/policedesk/policedesk ] || fail "/usr/bin/policedesk"
grep -q '^Name=社区警务工作台' /usr/share/applications/policedesk.desktop || fail "menu entry"
[ -e /usr/share/icons/hicolor/256x256/apps/policedesk.png ] || fail "the icon"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/policedesk.desktop
fi
echo "  installed: $(dpkg-query -W -f='${Version} ${Installed-Size} KiB' policedesk)"
as_station bash "$work/station.sh" policedesk "$work/out-deb"
cp -r "$work/out-deb" "$out/deb"

say "dpkg -i $new_deb over it, with the data in place"
dpkg -i "$new_deb" >/dev/null
echo "  installed: $(dpkg-query -W -f='${Version}' policedesk)"
as_station bash -c 'printf "Demo@2026\n" | policedesk --user admin --password-stdin \
    --database "$HOME/.local/share/policedesk/demo.sqlite3" check' |
    tail -3
as_station bash "$work/station.sh" policedesk "$work/out-upgrade"
cp -r "$work/out-upgrade" "$out/upgrade"

say "dpkg -r, then --purge: the program goes, the users' data stays"
after_use=$(fingerprint)
dpkg -r policedesk >/dev/null
[ ! -e /opt/policedesk ] && [ ! -e /usr/bin/policedesk ] || fail "the program was not removed"
[ "$(fingerprint)" = "$after_use" ] || fail "removing the package changed the users' data"
dpkg --purge policedesk >/dev/null 2>&1
[ "$(fingerprint)" = "$after_use" ] || fail "purging the package changed the users' data"
[ -n "$before" ] && [ -s "$home/.local/share/policedesk/demo.sqlite3" ] || fail "the data is gone"
echo "  kept: $(ls "$home/.local/share/policedesk" | tr '\n' ' ')"
if [ -n "$keep" ]; then
    dpkg -i "$new_deb" >/dev/null
else
    userdel "$user" 2>/dev/null || true
    rm -rf "$home" "$work"
fi
say "passed: screenshots in $out/{bundle,deb,upgrade}/{login,main}.png and $out/bundle/welcome.png"
