#!/usr/bin/env bash
# What a station's user does with the program, as packaging/test_bundle.sh runs it: as an
# unprivileged user, `env -i`, no network, no Python of ours on the PATH.
#   bash station.sh POLICEDESK OUT_DIR      (OUT_DIR gets the screenshots and the files)
# Exits non-zero at the first step that fails, naming it.
set -euo pipefail
desk="$1" out="$2"
password='Demo@2026'
data="$HOME/.local/share/policedesk"
demo="$data/demo.sqlite3"
step() { printf '  [%s] %s\n' "$(whoami)" "$*"; }
as_admin() { printf '%s\n' "$password" | "$desk" --user admin --password-stdin --database "$demo" "$@"; }

step "policedesk --version: $("$desk" --version)"
"$desk" --help | grep -q "export" || { echo "--help lists no commands" >&2; exit 1; }

# A new home: the program's first start, on a database of its own, welcomes with its four
# ways in before anything else. Screenshot, then closed (Esc: decide later).
if [ ! -e "$data" ]; then
    step "the first start (Xvfb 1366x768, xcb): the welcome"
    # shellcheck disable=SC2016  # expanded by the inner shell
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb DESK="$desk" OUT="$out" \
        bash -c '
        set -euo pipefail
        "$DESK" >"$OUT/welcome.log" 2>&1 &
        pid=$!
        # Qt appends the program'"'"'s name to a title on X11 ("欢迎 — 社区警务工作台").
        welcome=$(timeout 90 xdotool search --sync --onlyvisible --name "^欢迎( |$)" | head -1)
        sleep 1
        import -window root "$OUT/welcome.png"
        xdotool windowfocus --sync "$welcome" && xdotool key Escape
        sleep 2
        kill "$pid" 2>/dev/null || true  # closed with its window; killed if it waits still
        wait "$pid" || true
    '
    [ -s "$out/welcome.png" ] || { echo "no screenshot of the welcome" >&2; exit 1; }
fi

if [ ! -e "$demo" ]; then
    step "policedesk demo --scale small"
    start=$(date +%s)
    "$desk" demo --scale small >"$out/demo.log" 2>&1 || { cat "$out/demo.log" >&2; exit 1; }
    step "  made in $(($(date +%s) - start)) s: $(du -h "$demo" | cut -f1)"
fi

# The window on the demo under a virtual screen of a station's size: the login, then the
# main window as the administrator. xdotool types into the dialog as a keyboard would.
step "the window (Xvfb 1366x768, xcb): login, then the main window"
# shellcheck disable=SC2016  # expanded by the inner shell
xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb DESK="$desk" OUT="$out" \
    PASSWORD="$password" bash -c '
    set -euo pipefail
    "$DESK" --demo >"$OUT/window.log" 2>&1 &
    pid=$!
    login=$(timeout 90 xdotool search --sync --onlyvisible --name "^登录( |$)" | head -1)
    sleep 1
    import -window root "$OUT/login.png"
    xdotool windowfocus --sync "$login"
    # The demo login names admin already and waits in the password field.
    xdotool type --delay 20 "$PASSWORD" && xdotool key Return
    sleep 12  # the pages load behind the window
    import -window root "$OUT/main.png"
    cat "/proc/$pid/maps" >"$OUT/maps.txt"  # which files the window loaded
    xprop -id "$(xdotool search --onlyvisible --class policedesk | head -1)" WM_CLASS \
        >"$OUT/wm_class.txt" || true
    kill "$pid"
    wait "$pid" || true
'
[ -s "$out/login.png" ] && [ -s "$out/main.png" ] || { echo "no screenshot" >&2; exit 1; }

step "export visits (a ledger) as admin"
as_admin export visits --out "$HOME/走访台账.xlsx" >"$out/export.log" 2>&1 ||
    { cat "$out/export.log" >&2; exit 1; }
[ "$(head -c 2 "$HOME/走访台账.xlsx")" = PK ] || { echo "the ledger is not a workbook" >&2; exit 1; }
# A data package is sealed for the desks enrolled here. A second desk is made beside the demo
# (the same demo, as a station's desk holds its sub-bureau's records): it writes its signed
# enrolment request, the demo's desk enrols it with the fingerprint the request printed (read
# over the phone in life) and writes it a full package, which the second desk imports with
# the demo desk's fingerprint. All exit 0.
second="$HOME/派出所终端.sqlite3"
as_second() { printf '%s\n' "$password" | "$desk" --user admin --password-stdin --database "$second" "$@"; }
digits() { grep -oE '[0-9]{5}( [0-9]{5})+' | head -1; }
if [ ! -e "$second" ]; then
    step "a second desk (policedesk demo into $(basename "$second"))"
    "$desk" demo --scale small --database "$second" >"$out/second.log" 2>&1 ||
        { cat "$out/second.log" >&2; exit 1; }
fi
step "exchange request on the second desk, exchange enrol on the demo's"
as_second exchange request --unit 北山派出所 --out "$HOME/终端登记.req" >"$out/exchange.log" 2>&1 ||
    { cat "$out/exchange.log" >&2; exit 1; }
asked=$(digits <"$out/exchange.log")
[ -n "$asked" ] || { echo "the request printed no fingerprint" >&2; exit 1; }
as_admin exchange enrol "$HOME/终端登记.req" --fingerprint "$asked" >>"$out/exchange.log" 2>&1 ||
    { cat "$out/exchange.log" >&2; exit 1; }
step "exchange export --full (a data package sealed for the second desk) as admin"
as_admin exchange export --full --out "$HOME/数据包.pdpkg" >>"$out/exchange.log" 2>&1 ||
    { cat "$out/exchange.log" >&2; exit 1; }
[ "$(head -c 7 "$HOME/数据包.pdpkg")" = PDESKPK ] || { echo "no data package" >&2; exit 1; }
step "exchange import on the second desk, with the demo desk's fingerprint"
signer=$(as_admin exchange desks 2>>"$out/exchange.log" | head -1 | digits)
as_second exchange import "$HOME/数据包.pdpkg" --fingerprint "$signer" >>"$out/exchange.log" 2>&1 ||
    { cat "$out/exchange.log" >&2; exit 1; }
step "check as admin"
as_admin check >"$out/check.log" 2>&1 || { cat "$out/check.log" >&2; exit 1; }
cp "$HOME/走访台账.xlsx" "$HOME/终端登记.req" "$HOME/数据包.pdpkg" "$out/"
step "done: $(ls "$data" | tr '\n' ' ')"
