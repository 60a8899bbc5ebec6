#!/usr/bin/env bash
# salon-cli fiscal correction (R-POS-10, 54-FZ чек коррекции): a senior registers money taken or paid back
# without a receipt on the basis of a document; a specialist may not; bad input names its field and saves
# nothing; the correction goes through the till's fiscal queue (queued while the paper is out, registered
# once by the retry) and is shown on the X report with the drawer's expected cash. SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-7 "$@"; }
count() { python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["queue"]))' "$out"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
ok=(--kind income --amount "100,00" --cash --reason "Registrar was down at 12:00" --document 17 --document-date 2026-01-10)

expect 1 "no shift open yet" -- run --as volkova fiscal correction "${ok[@]}"
contains "names the open shift" "No shift is open at till"
expect 0 "open the shift" -- run --as volkova shift open --float 1000
expect 1 "a specialist may not" -- run --as ivanov fiscal correction "${ok[@]}"
contains "the permission named" "Register correction receipts"
expect 1 "cash or card is required" -- run --as volkova fiscal correction --amount 100 --reason "Registrar down" --document 17 --document-date 2026-01-10
contains "payment field" "Payment"
expect 1 "a bad amount" -- run --as volkova fiscal correction --amount "10,005" --cash --reason "Registrar down" --document 17 --document-date 2026-01-10
contains "amount field" "Amount"
expect 1 "a zero amount" -- run --as volkova fiscal correction --amount 0 --cash --reason "Registrar down" --document 17 --document-date 2026-01-10
contains "more than zero" "must be more than zero"
expect 1 "an unknown kind" -- run --as volkova fiscal correction --kind gift --amount 5 --cash --reason "Registrar down" --document 17 --document-date 2026-01-10
contains "kind field" "Correction type"
expect 1 "a date in the future" -- run --as volkova fiscal correction --amount 5 --cash --reason "Registrar down" --document 17 --document-date 2199-01-01
contains "date field" "Basis document date: cannot be in the future"
expect 1 "not a date" -- run --as volkova fiscal correction --amount 5 --cash --reason "Registrar down" --document 17 --document-date 2026-02-30
contains "date field" "Basis document date"
expect 1 "an empty reason" -- run --as volkova fiscal correction --amount 5 --cash --reason "  " --document 17 --document-date 2026-01-10
contains "reason field" "Reason"
expect 0 "nothing half-saved" -- run --json --as volkova fiscal queue
[ "$(count)" = 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: refused corrections queued"; }

expect 0 "a correction is registered right away" -- run --json --as volkova fiscal correction "${ok[@]}"
contains "fiscalised" '"fiscal_state": "fiscalised"'
contains "amount in kopecks" '"amount": 10000'
contains "cash" '"payment": "cash"'
contains "VAT 22%" '"vat_basis_points": 2200'
contains "document" '"document": "17"'
contains "its FD after the shift's opening" '"fd": 2'

expect 0 "paper out" -- run --as volkova fiscal fault paper_out
expect 0 "a refund correction by card waits" -- run --as volkova fiscal correction --kind refund --amount 50 --card --vat none --reason "Refund paid without a receipt" --document "A-3" --document-date 2026-01-11
contains "queued" "Awaiting fiscalisation (paper out)"
expect 0 "the queue lists it" -- run --json --as volkova fiscal queue
contains "a correction" '"kind": "correction_refund"'
contains "its answer" '"last_error": "paper_out"'
expect 0 "the queue as a table" -- run --as volkova fiscal queue
contains "titled" "correction: refund of income"
expect_text 0 "the X report shows both" -- run --as volkova shift report
contains "count and sums" "Correction receipts: 2: income RUB 100.00, refund RUB 50.00"
contains "awaiting" "Corrections awaiting fiscalisation: 2"
contains "cash correction in the drawer" "Cash expected in the drawer: RUB 1,100.00"
expect 0 "paper back" -- run --as volkova fiscal fault none
expect 0 "retry registers it once" -- run --json --as volkova fiscal retry
contains "one" '"fiscalised": 1'
contains "none left" '"waiting": 0'
expect 0 "retry again registers nothing" -- run --json --as volkova fiscal retry
contains "none" '"fiscalised": 0'
expect 0 "status: two corrections and the shift's opening" -- run --json --as volkova fiscal status
contains "three documents" '"documents": 3'
expect 0 "close with the drawer's count" -- run --json --as volkova shift close --counted 1100
contains "nothing awaiting" '"awaiting_fiscal": []'
contains "Z counts the corrections" '"receipts": 2'
expect 0 "journaled" -- "$cli" --db "$db" --json audit list --limit 200
contains "the entry" 'document=17'
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_fiscal_correction_cli
