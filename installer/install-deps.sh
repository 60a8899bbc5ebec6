#!/usr/bin/env bash
# Installs every Debian 12 package Salon Station needs to build, test, run and package.
# Idempotent: installs only what is missing; runs `apt-get update` at most once per call.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config gettext git
  # libraries (see README: "Which library does what")
  libwxgtk3.2-dev libsoci-dev libsqlite3-dev libpq-dev libboost-locale-dev
  libsodium-dev libcli11-dev nlohmann-json3-dev libfmt-dev libphonenumber-dev
  libxlsxwriter-dev libqrencode-dev libcairo2-dev libpango1.0-dev
  libzip-dev
  # spreadsheets read by the imports (XLSX, ODS, CSV)
  liborcus-dev
  # tests: Catch2 v2, a throwaway PostgreSQL server, a virtual display for GUI tests
  catch2 postgresql sqlite3 xvfb xauth xdotool xclip imagemagick x11-utils
  fonts-dejavu-core
  # receipts: tests read the PDFs back (pdftotext, pdfinfo, pdftoppm) and decode their QR codes
  poppler-utils zbar-tools
  # users' data templates: tests open an exported workbook in LibreOffice and import one it saved (~200 MB)
  libreoffice-calc-nogui
  # corporate requests by e-mail: .eml files and maildir folders (MIME, encoded words, charsets)
  libgmime-3.0-dev
  # the package: PNG icons drawn from the SVG, salon-cli's manual page, AppStream metadata checked
  librsvg2-bin help2man appstream file
  # the training centre's question bank: Moodle XML read and written with libxml2 (xmllint checks fixtures)
  libxml2-dev libxml2-utils
  # printing receipts and X/Z reports on the station's printer through CUPS
  libcups2-dev
  # wxWidgets' own words (stock buttons, progress and wizard dialogs) in Russian
  wx3.2-i18n
  # hostile input (tests/fuzz): clang with its AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer
  # runtimes (libclang-rt), llvm-symbolizer (llvm-14) for the reports' stack traces
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's postgresql package starts a system cluster; tests run their own throwaway one.
echo "install-deps: done"
