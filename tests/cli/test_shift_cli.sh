#!/usr/bin/env bash
# salon-cli shift open|cash|report|close|list: the till's shift, acting --as a salon person signed in with a
# password; a cash difference needs a senior's approval (--approver). Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-7 "$@"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
expect 1 "a till verb needs --as" -- run shift open --float 1000
contains "asks who" "--as LOGIN"
SALON_PASSWORD=wrong expect 1 "a wrong password is refused" -- run --as ivanov shift open --float 1000
contains "generic refusal" "Wrong login or password."
expect 1 "head office has no till" -- run --as admin shift open
contains "not bound" "not bound to a salon"
expect 0 "open" -- run --as ivanov shift open --float 1000
contains "opened" "Shift 1 is open at till \"till-7\""
expect 1 "one open shift per till" -- run --as volkova shift open
contains "still open" "still open at this till"
expect 2 "cash out without a reason" -- run --as ivanov shift cash out 100
expect 1 "more cash out than the drawer holds" -- run --as ivanov shift cash out 1500 --reason "инкассация"
contains "drawer" "the drawer holds only"
expect 0 "cash in" -- run --as ivanov shift cash in 250,50 --reason "размен"
contains "expected" "Cash expected in the drawer: "
expect 0 "X report as JSON" -- run --json --as ivanov shift report
contains "expected in kopecks" '"expected_cash": 125050'
contains "still open" '"open": true'
expect 1 "a shortfall without a reason" -- run --as ivanov shift close --counted 1250
contains "reason" "the reason is required"
expect 1 "a shortfall without a senior" -- run --as ivanov shift close --counted 1250 --reason "размен не вернули"
contains "senior" "A senior must confirm it"
SALON_APPROVER_PASSWORD=demo1234 expect 1 "a colleague cannot approve" -- run --as ivanov shift close --counted 1250 --reason "размен не вернули" --approver kim
SALON_APPROVER_PASSWORD=demo1234 expect 0 "the senior approves" -- run --json --as ivanov shift close --counted 1250 --reason "размен не вернули" --approver volkova
contains "reason kept" "\"shortfall_reason\": \"размен не вернули\""
contains "approver named" '"approved_by": "Волкова Дарья Игоревна"'
contains "counted" '"counted_cash": 125000'
contains "chain head printed" '"chain_head": "'
expect 0 "list" -- run --as ivanov shift list
contains "listed" "till-7"
expect 0 "audit verify after the shift" -- "$cli" --db "$db" audit verify
cli_test_summary test_shift_cli
