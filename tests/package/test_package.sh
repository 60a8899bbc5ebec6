#!/usr/bin/env bash
# The package, as a dealer installs it: cpack builds the .deb, apt-get installs it with its declared
# dependencies, the installed salon-cli answers --version, its manual page, icons and AppStream metadata are
# in place, and the installed station starts under Xvfb to its first window. The package is removed again.
# Needs root (apt-get); CI runs as root.
set -euo pipefail
build=${1:?build folder}
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing a package needs root"
  exit 77
fi
if dpkg-query -W -f='${Status}' salon-station 2>/dev/null | grep -q '^install ok installed$'; then
  echo "FAIL: salon-station is already installed on this machine; this test installs and removes its own" >&2
  exit 1
fi
work=$(mktemp -d /tmp/salon-package-XXXXXX)
cleanup() {
  dpkg -r salon-station >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cmake --build "$build" --target package >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$build"/salon-station_*.deb | head -1)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "declared dependencies: $depends"
for lib in libwxgtk libsoci-sqlite3 libsoci-postgresql libsodium libcairo libxlsxwriter; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib (dpkg-shlibdeps)" >&2; exit 1; }
done

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; exit 1; }

version=$(/usr/bin/salon-cli --version)
echo "installed: $version"
grep -q "^salon-cli [0-9]" <<<"$version" || { echo "FAIL: salon-cli --version printed '$version'" >&2; exit 1; }
for f in /usr/share/man/man1/salon-cli.1.gz /usr/share/applications/salon-station.desktop \
         /usr/share/metainfo/ru.salon_station.SalonStation.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/salon-station.svg \
         /usr/share/icons/hicolor/48x48/apps/salon-station.png /usr/share/icons/hicolor/64x64/apps/salon-station.png \
         /usr/share/icons/hicolor/128x128/apps/salon-station.png /usr/share/icons/hicolor/256x256/apps/salon-station.png \
         /usr/share/salon-station/locale/ru/LC_MESSAGES/salon.mo; do
  [ -s "$f" ] || { echo "FAIL: the package did not install $f" >&2; exit 1; }
done
zcat /usr/share/man/man1/salon-cli.1.gz | grep -q "training\|demo" ||
  { echo "FAIL: the manual page does not describe the verbs" >&2; exit 1; }
appstreamcli validate --no-net /usr/share/metainfo/ru.salon_station.SalonStation.metainfo.xml >/dev/null
file /usr/share/icons/hicolor/256x256/apps/salon-station.png | grep -q "256 x 256" ||
  { echo "FAIL: the 256 px icon is not 256 x 256" >&2; exit 1; }

# The installed station, started as a user would on a database the installed salon-cli filled.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"
db="sqlite:$work/salon.db"
/usr/bin/salon-cli --db "$db" demo seed --days 0 >/dev/null
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/salon-station --db "$db" --lang ru \
  --screenshot "$work/first-window.png" >"$work/station.log" 2>&1 || { cat "$work/station.log"; exit 1; }
[ -s "$work/first-window.png" ] || { echo "FAIL: the installed station showed no window" >&2; exit 1; }
colours=$(convert "$work/first-window.png" -format '%k' info:)
[ "$colours" -gt 16 ] || { echo "FAIL: the first window is blank ($colours colours)" >&2; exit 1; }
echo "the installed station opened its first window ($colours colours)"
