#!/usr/bin/env bash
# salon-cli stock move IMEI --to-salon N and stock history IMEI [--json]: a phone of the demo's Kiyevskaya salon
# moved by its senior to the dealer's Kaliningrad salon (seen there only once moved), refused to a specialist,
# to another dealer's salon and once sold; its history by IMEI, as text and JSON. The SIM cards' form of
# `stock move` keeps working. The rules themselves are checked in tests/pos_core/catalog/test_gadgets.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234 SALON_APPROVER_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
# py EXPRESSION: EXPRESSION of the last output read as JSON (d)
py() { python3 -c 'import json,sys; d = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$out" "$1"; }
# same WHAT EXPECTED ACTUAL
same() {
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: expected '$2', got '$3'"; fi
}

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
expect 0 "salons" -- run --json salon list
kiev=$(py '[s["id"] for s in d if "Киевская" in s["name"]][0]')
dealer=$(py '[s["dealer_id"] for s in d if "Киевская" in s["name"]][0]')
kaliningrad=$(py '[s["id"] for s in d if "Калининград" in s["name"]][0]')
other=$(py '[s["id"] for s in d if s["dealer_id"] != '"$dealer"'][0]')
expect 0 "the Kiyevskaya salon's devices" -- run --json gadget list --salon "$kiev" --status in_stock
phone=$(py 'd[0]["imei"]')
second=$(py 'd[1]["imei"]')
expect 0 "the Kaliningrad salon's devices before" -- run --json gadget list --salon "$kaliningrad"
there_before=$(py 'len(d)')
same "the phone is not there yet" "False" "$(py "any(u['imei'] == '$phone' for u in d)")"

# Who may: a specialist is refused (naming the permission), --as is needed; bad input names its field.
expect 1 "moving needs --as" -- run stock move "$phone" --to-salon "$kaliningrad"
expect 1 "a specialist may not move a gadget" -- run --as ivanov stock move "$phone" --to-salon "$kaliningrad"
contains "names the permission" "Move gadgets to another salon of the dealer"
expect 1 "another dealer's salon" -- run --json --as volkova stock move "$phone" --to-salon "$other"
contains "names the field" '"input": "to_salon"'
expect 1 "head office keeps stock the dealer's" -- run --as admin stock move "$phone" --to-salon "$other"
contains "says why" "Gadgets move only between salons of the same dealer."
bad=${phone%?}$(((${phone: -1} + 1) % 10))
expect 1 "a wrong check digit" -- run --as volkova stock move "$bad" --to-salon "$kaliningrad" --json
contains "names the IMEI" '"input": "imei"'
expect 1 "two IMEIs at once" -- run --as volkova stock move "$phone" "$second" --to-salon "$kaliningrad"
expect 2 "--to and --to-salon together" -- run --as volkova stock move "$phone" --to 1 --to-salon "$kaliningrad"
expect 0 "nothing moved yet" -- run --json gadget list --salon "$kaliningrad"
same "the Kaliningrad salon still has no new device" "$there_before" "$(py 'len(d)')"

# The senior moves the phone: seen in Kaliningrad's stock, no longer in Kiyevskaya's, journaled.
expect 0 "the senior moves the phone" -- run --as volkova stock move "$phone" --to-salon "$kaliningrad" --reason "витрина"
contains "says where" "to salon «Калининград"
expect 0 "Kaliningrad's devices after" -- run --json gadget list --salon "$kaliningrad" --status in_stock
contains "the phone is there" "\"imei\": \"$phone\""
expect 0 "Kiyevskaya's devices after" -- run --json gadget list --salon "$kiev" --status in_stock
same "the phone left Kiyevskaya" "False" "$(py "any(u['imei'] == '$phone' for u in d)")"
expect 0 "the journal" -- run --json audit list --limit 5
contains "one move journaled" "gadget.move"
expect 0 "the audit chain verifies" -- run audit verify

# A sold device does not move.
expect 0 "open the shift" -- run --as ivanov shift open --float 1000
product=$(run --json gadget show "$second" | python3 -c 'import json,sys; print(json.load(sys.stdin)["product"])')
printf '{"lines": [{"kind": "gadget", "product": "%s", "quantity": 1, "imei": "%s"}], "paid_cash": "200000"}' \
  "$product" "$second" > "$work/sale.json"
expect 0 "sell the second phone" -- run --as ivanov sale commit --draft "$work/sale.json"
expect 1 "a sold phone is not moved" -- run --json --as volkova stock move "$second" --to-salon "$kaliningrad"
contains "names the IMEI" '"input": "imei"'
contains "says why" "sold"

# The history by IMEI, as JSON and as text.
expect 0 "history as JSON (--json after the IMEI)" -- run stock history "$phone" --json
same "the device" "$phone" "$(py 'd["gadget"]["imei"]')"
same "its events" "received,moved" "$(py '",".join(e["event"] for e in d["events"])')"
same "moved from" "$kiev" "$(py 'd["events"][1]["from_salon_id"]')"
same "moved to" "$kaliningrad" "$(py 'd["events"][1]["to_salon_id"]')"
same "moved by" "volkova" "$(py 'd["events"][1]["by"]')"
same "with its reason" "витрина" "$(py 'd["events"][1]["note"]')"
expect 0 "history after a sale" -- run --json stock history "$second"
same "received, then sold" "received,sold" "$(py '",".join(e["event"] for e in d["events"])')"
same "by a receipt" "True" "$(py 'isinstance(d["events"][1]["receipt"], int)')"
expect 0 "history as text" -- run stock history "$phone"
contains "the move" "move"
contains "who" "Волкова"
expect 1 "history of an unknown IMEI" -- run --json stock history "$(python3 -c 'print("35987299999999"+"0")')"
contains "names the IMEI" '"input": "imei"'

# The SIM cards' form of stock move is as it was: --to and --reason.
expect 1 "SIM cards need --to or --to-salon" -- run --as admin stock move 8970199170000000016 --reason test
contains "says which" "--to-salon"
expect 1 "SIM cards need a reason" -- run --as admin stock move --to "$kaliningrad" 8970199170000000016
contains "says so" "Reason"
cli_test_summary test_gadget_moves_cli
