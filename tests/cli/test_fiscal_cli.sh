#!/usr/bin/env bash
# salon-cli fiscal status|queue|retry|fault (R-POS-10): the till's registrar is the emulator and says so; a
# sale is fiscalised right after its commit; with the emulator's paper out a sale stays queued, is listed,
# shown on the X report and the receipt says it awaits fiscalisation; retried once the paper is back; the
# shift's close retries and closes the fiscal shift with a Z report. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-5 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "receive cards" -- run --as admin stock receive --salon "$salon" --iccid 89701990000000000017 --msisdn "+7 999 123-45-67"
expect 0 "receive a second card" -- run --as admin stock receive --salon "$salon" --iccid 89701990000000000025 --msisdn "+7 999 123-45-68"
sale_draft() {
  cat <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "$1", "tariff": "smart"},
           {"kind": "top_up", "msisdn": "$2", "amount": "300"}],
 "paid_cash": "1000"}
JSON
}
sale_draft 89701990000000000017 +79991234567 > "$work/first.json"
sale_draft 89701990000000000025 +79991234568 > "$work/second.json"

expect 1 "status needs --as" -- run fiscal status
contains "asks who" "--as LOGIN"
expect 1 "head office has no till" -- run --as admin fiscal status
contains "not bound" "not bound to a salon"
expect 0 "open the shift: the fiscal shift opens with it" -- run --json --as ivanov shift open --float 1000
contains "fiscal shift 1" '"fiscal_shift": 1'
expect 0 "status" -- run --as ivanov fiscal status
contains "emulator shown" "EMULATOR EMU-"
contains "shift open" "Fiscal shift 1 open since"
contains "empty queue" "Queue: 0"
expect 0 "status as JSON" -- run --json --as ivanov fiscal status
contains "kind" '"kind": "emulator"'
contains "emulated" '"emulated": true'
contains "queue length" '"queue_length": 0'

expect 0 "a sale is fiscalised right after its commit" -- run --json --as ivanov sale commit --draft "$work/first.json"
contains "fiscalised" '"fiscal_state": "fiscalised"'
contains "FD 2" '"fd": 2'
first=$(json_field '["sale_id"]')
expect 0 "its receipt carries the attributes" -- run --as ivanov receipt show "$first"
contains "FN" "FN 9999"
contains "FD" "FD No. 2"
contains "emulator on the receipt" "Registrar emulator: not a fiscal document"
expect 0 "its QR payload is the registrar's" -- run --json --as ivanov receipt show "$first"
contains "fn in the QR" '&fn=9999'
contains "fd in the QR" '&i=2&fp='

expect 1 "an unknown fault" -- run --as ivanov fiscal fault smoke
contains "fault named" "Fault"
expect 1 "head office has no till to set it at" -- run --as admin fiscal fault paper_out
expect 0 "paper out" -- run --as ivanov fiscal fault paper_out
contains "paper out" "paper out"
expect 0 "a sale with the paper out is committed and queued" -- run --as ivanov sale commit --draft "$work/second.json"
contains "committed" "committed: receipt 2"
contains "queued" "Awaiting fiscalisation (paper out)"
expect 0 "the queue lists it" -- run --as ivanov fiscal queue
contains "the registrar's answer" "paper out"
expect 0 "the queue as JSON" -- run --json --as ivanov fiscal queue
contains "receipt 2" '"receipt_number": 2'
contains "failed attempt" '"last_error": "paper_out"'
second=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["queue"][0]["sale_id"])' "$out")
expect 0 "the receipt says so" -- run --as ivanov receipt show "$second"
contains "not fiscal" "FISCALISATION FAILED"
expect 0 "the X report shows it" -- run --as ivanov shift report
contains "awaiting on X" "Awaiting fiscalisation: 1 receipt: 2"
expect 0 "retry with the paper still out" -- run --json --as ivanov fiscal retry
contains "none" '"fiscalised": 0'
contains "still waiting" '"waiting": 1'
contains "fault" '"fault": "paper_out"'
expect 0 "status shows the queue" -- run --json --as ivanov fiscal status
contains "queue length 1" '"queue_length": 1'
contains "fault shown" '"fault": "paper_out"'

expect 0 "paper back" -- run --as ivanov fiscal fault none
expect 0 "retry" -- run --as ivanov fiscal retry
contains "fiscalised" "Fiscalised: 1; waiting in the queue: 0."
expect 0 "nothing queued" -- run --as ivanov fiscal queue
contains "empty" "No receipt is waiting for the registrar."
expect 0 "fiscalised afterwards" -- run --as ivanov receipt show "$second"
contains "FD 3: the refusal registered nothing" "FD No. 3"

expect 0 "close: the registrar's Z report" -- run --json --as ivanov shift close --counted 1800
contains "nothing awaiting" '"awaiting_fiscal": []'
contains "Z is FD 4" '"fd": 4'
contains "two receipts" '"receipts": 2'
expect 0 "status after the close" -- run --as ivanov fiscal status
contains "closed" "Fiscal shift: closed"
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_fiscal_cli
