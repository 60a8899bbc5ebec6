#!/usr/bin/env bash
# salon-cli client purge-expired (152-FZ art. 21 p. 4-5): the personal data of a client whose last contract
# ended more than 3 years ago are erased, journaled; --dry-run only lists. The dates themselves are checked
# in tests/pos_core/sale/test_consent_purge.cpp. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$db" -qAtc "$1"; else sqlite3 "$work/salon.db" "$1"; fi
}
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
iccid=89701990000000000017
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid "$iccid" --msisdn "+7 999 123-45-67"
expect 0 "open the shift" -- run --as ivanov shift open --float 1000
cat > "$work/sale.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": "8 912 345-67-89"},
 "lines": [{"kind": "sim", "iccid": "$iccid", "tariff": "smart"}],
 "paid_cash": "100"}
JSON
expect 0 "sell the SIM" -- run --json --as ivanov sale commit --draft "$work/sale.json"
expect 0 "find the client" -- run --json --as ivanov client find "4510 654321"
client=$(json_field '["id"]')

expect 0 "while the contract is in force" -- run --json --as ivanov client purge-expired --dry-run
python3 -c 'import json,sys; sys.exit(0 if all(c["client_id"] != int(sys.argv[2]) for c in json.loads(sys.argv[1])["clients"]) else 1)' "$out" "$client" \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a client in force was listed"; }

# His contract ended four years ago.
ended=$(( $(date +%s) - 4 * 366 * 86400 ))
sql "UPDATE subscription SET ended_at = $ended WHERE client_id = $client" >/dev/null
expect 1 "it needs a person" -- run client purge-expired
expect 0 "dry run" -- run --json --as ivanov client purge-expired --dry-run
contains "dry" '"dry_run": true'
contains "listed" "\"client_id\": $client"
contains "nothing erased" '"erased": 0'
expect 0 "still found" -- run --json --as ivanov client find "4510 654321"
contains "found" "\"id\": $client"

expect 0 "purge" -- run --json --as ivanov client purge-expired
contains "erased" "\"client_id\": $client"
expect 0 "no longer found by the passport" -- run --as ivanov client find "4510 654321"
contains "not found" "No client with this passport."
expect 1 "nothing to reveal" -- run --as volkova client reveal "$client" --reason "проверка данных клиента"
contains "why" "were erased"
expect 0 "in words, again: nothing more" -- run --as ivanov client purge-expired
contains "none" "0 clients' personal data erased."
expect 0 "journal" -- run --json --as admin audit list
contains "journaled" "personal_data.erase"

cli_test_summary test_consent_purge_cli
