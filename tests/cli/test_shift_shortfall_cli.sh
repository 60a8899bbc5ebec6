#!/usr/bin/env bash
# salon-cli shift close with a shortfall (R-POS-10): a reason is required and a second person with the
# permission confirms (--confirmed-by, password from SALON_CONFIRM_PASSWORD); a senior closing their own
# shift short needs another senior; the Z report prints the reason and who confirmed. SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en "$@"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
expect 0 "a specialist opens" -- run --till till-3 --as ivanov shift open --float 1000
expect 1 "short without a reason" -- run --till till-3 --as ivanov shift close --counted 900
contains "reason named" "Reason for the shortfall"
contains "short by" "short by"
expect 1 "short without a confirmation" -- run --till till-3 --as ivanov shift close --counted 900 --reason "change given twice"
contains "asks for a senior" "A senior must confirm it"
SALON_CONFIRM_PASSWORD=wrong expect 1 "a wrong password" -- run --till till-3 --as ivanov shift close --counted 900 --reason "change given twice" --confirmed-by volkova
contains "refused" "Wrong login or password"
SALON_CONFIRM_PASSWORD=demo1234 expect 1 "a colleague cannot confirm" -- run --till till-3 --as ivanov shift close --counted 900 --reason "change given twice" --confirmed-by morozov
SALON_CONFIRM_PASSWORD=demo1234 expect_text 0 "the senior confirms" -- run --till till-3 --as ivanov shift close --counted 900 --reason "change given twice" --confirmed-by volkova
contains "Z report" "Z report, shift"
contains "minus" "Difference: −"
contains "reason printed" "Reason for the shortfall: change given twice"
contains "confirmed by" "Approved by: Волкова Дарья Игоревна"

expect 0 "the senior opens her own" -- run --till till-4 --as volkova shift open --float 500
SALON_CONFIRM_PASSWORD=demo1234 expect 1 "she cannot confirm her own shortfall" -- run --till till-4 --as volkova shift close --counted 400 --reason "a note lost"
contains "a second senior" "A senior must confirm it"
SALON_CONFIRM_PASSWORD=demo1234 expect 1 "nor sign as her own confirmation" -- run --till till-4 --as volkova shift close --counted 400 --reason "a note lost" --confirmed-by volkova
contains "another person" "another person"
SALON_CONFIRM_PASSWORD=demo1234 expect 0 "a second senior (head office) confirms" -- run --json --till till-4 --as volkova shift close --counted 400 --reason "a note lost" --confirmed-by admin
contains "reason" '"shortfall_reason": "a note lost"'
contains "confirmed" '"approved_by": "Орлова Марина Викторовна"'
contains "kopecks in JSON" '"counted_cash": 40000'
expect 0 "journaled" -- "$cli" --db "$db" --json audit list --limit 200
contains "the reason in the journal" 'shortfall_reason=a note lost'
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_shift_shortfall_cli
