#!/usr/bin/env bash
# Personal data at rest (152-FZ art. 19): after `demo seed`, no demo client's passport number or address
# can be read from a copy of the database: `strings` over the SQLite file and over a `db backup` copy
# finds none of them (on PostgreSQL, the stored columns hold none of them), the files are the owner's
# only, and the senior still reveals every client in clear. The rules themselves are checked in
# tests/pos_core/audit/test_personal_data_at_rest.cpp. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
umask 022  # the usual umask: what the station creates must be private all the same

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 2
[ -f "$work/config/salon-station/personal-data.key" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no personal-data key in XDG_CONFIG_HOME"; }

# Demo clients' passports and addresses as the senior reveals them (the only way to see them whole): a
# dozen spread over the whole list (each reveal signs in, which is slow on purpose); every client is
# covered by the checks below that no column holds a plain value and no passport-shaped text remains.
if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  query() { python3 -c 'import sqlite3,sys; print("\n".join("|".join(map(str, r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' "$work/salon.db" "$1"; }
else
  query() { psql "$db" -Atc "$1"; }
fi
ids=$(query "SELECT id FROM client ORDER BY id")
count=$(wc -w <<<"$ids")
[ "$count" -ge 12 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the demo has $count clients"; }
: > "$work/values"
for id in $(tr ' ' '\n' <<<"$ids" | awk -v n="$count" 'NR == 1 || NR == n || NR % int(n / 10 + 1) == 0'); do
  expect 0 "reveal client $id" -- "$cli" --db "$db" --json --as volkova client reveal "$id" --reason "проверка хранения данных"
  python3 -c 'import json,sys; c=json.loads(sys.argv[1]); print(c["passport"]); print(c["address"])' "$out" >> "$work/values"
done
grep -q "кв\." "$work/values" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no address revealed"; }
plain=$(query "SELECT COUNT(*) FROM client WHERE personal_data NOT LIKE 'pd1:%'")
[ "$plain" = 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $plain clients with a plain value"; }

# none_in DESCRIPTION FILE: FILE holds none of the revealed values
none_in() {
  local found
  found=$(grep -F -f "$work/values" "$2" | head -3)
  if [ -z "$found" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: $found"; fi
}

if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  file=$work/salon.db
  expect 0 "back up" -- "$cli" --db "$db" db backup "$work/backup.db"
  strings -a -e S "$file" > "$work/strings.db"
  [ -f "$file-wal" ] && strings -a -e S "$file-wal" >> "$work/strings.db"
  strings -a -e S "$work/backup.db" > "$work/strings.backup"
  none_in "strings over the database" "$work/strings.db"
  none_in "strings over the backup" "$work/strings.backup"
  # No passport of any client: nothing shaped like one ("4510 654321") is left in either file.
  found=$(cat "$work/strings.db" "$work/strings.backup" | grep -E '(^|[^0-9])[0-9]{4} [0-9]{6}([^0-9]|$)' | head -3)
  [ -z "$found" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: passport-shaped text: $found"; }
  # The probe finds what is stored in clear: the demo's salon addresses.
  grep -qF "Киевская" "$work/strings.db" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: strings found no plain text at all"; }
  for f in "$file" "$file-wal" "$file-shm"; do
    [ -e "$f" ] || continue
    mode=$(stat -c %a "$f")
    [ "$mode" = 600 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $f has mode $mode"; }
  done
else
  psql "$db" -Atc "SELECT full_name, document_hash, personal_data, phone FROM client" > "$work/columns"
  [ -s "$work/columns" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no clients read"; }
  none_in "the stored columns" "$work/columns"
fi

# A station without the deployment's key is refused, and no new key is made for it.
expect 1 "no key, no clients" -- env SALON_PERSONAL_DATA_KEY_FILE="$work/none/personal-data.key" "$cli" --db "$db" --lang en --as ivanov client find "4510 654321"
contains "names the key" "There is no personal data key at $work/none/personal-data.key"
[ ! -e "$work/none/personal-data.key" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a new key was made"; }

cli_test_summary test_personal_data_cli
