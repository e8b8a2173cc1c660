#!/usr/bin/env bash
# A .deb from the one-folder bundle, without network or root (dpkg-deb --root-owner-group):
#   bash packaging/make_deb.sh BUNDLE_DIR VERSION OUT_DIR     prints the .deb's path
# It installs under /opt/policedesk, puts `policedesk` on the PATH (/usr/bin), and a menu entry
# 社区警务工作台 with the program's icon. Users' data is in their homes (the platformdirs folder,
# ~/.local/share/policedesk), which dpkg never owns: removing or upgrading the package keeps it,
# and the first start of a newer program migrates the database after a backup copy.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$(cd "$1" && pwd)" version="$2" out="$3"
arch="$(dpkg --print-architecture)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/doc/policedesk"
cp -a "$bundle" "$stage/opt/policedesk"
ln -s /opt/policedesk/policedesk "$stage/usr/bin/policedesk"
for size in 16 32 48 64 128 256; do
    mkdir -p "$stage/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$ROOT/resources/icons/policedesk-$size.png" \
        "$stage/usr/share/icons/hicolor/${size}x${size}/apps/policedesk.png"
done
mkdir -p "$stage/usr/share/icons/hicolor/scalable/apps"
cp "$ROOT/resources/icons/policedesk.svg" "$stage/usr/share/icons/hicolor/scalable/apps/"
cp "$ROOT/packaging/deb/policedesk.desktop" "$stage/usr/share/applications/"
cp "$ROOT/packaging/deb/copyright" "$stage/usr/share/doc/policedesk/"
for script in postinst postrm; do
    install -m 0755 "$ROOT/packaging/deb/$script" "$stage/DEBIAN/$script"
done

size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" \
    "$ROOT/packaging/deb/control" >"$stage/DEBIAN/control"
# Files root's and readable by all; the program is run by whoever logs in.
chmod -R u=rwX,go=rX "$stage/opt" "$stage/usr"

mkdir -p "$out"
deb="$out/policedesk_${version}_${arch}.deb"
# xz (level 6, two threads) is what every dpkg reads, UOS and Kylin's older ones included
# (zstd is not). DEB_COMPRESS=gzip: quicker and larger, for packages made only to be tested.
if [ "${DEB_COMPRESS:-xz}" = gzip ]; then
    dpkg-deb --root-owner-group -Zgzip -z1 --build "$stage" "$deb" >/dev/null
else
    dpkg-deb --root-owner-group -Zxz -z6 --threads-max=2 --build "$stage" "$deb" >/dev/null
fi
echo "$deb"
