#!/usr/bin/env bash
# salon-cli port list|show|accept|reject|complete: a sale at ivanov's till files two port-in requests; the
# lists by salon, status and openness, masked; the donor's answers recorded --as the salon's people; a
# rejection without its reason and a step out of order refused; the completion refused before the transfer
# date, then bringing the number into service on a blank card. The rules themselves are checked in
# tests/pos_core/sale/test_port_request.cpp. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }
# The station's clock cannot be moved from the command line: to reach a transfer date, the test moves the
# request's date back in the database instead.
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$db" -qc "$1" >/dev/null
  else sqlite3 "$work/salon.db" "$1"; fi
}

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
blank=89701990000000000504
expect 0 "receive a blank card" -- run --as admin stock receive --salon "$salon" --iccid "$blank"
expect 0 "open the shift" -- run --as ivanov shift open --float 1000

# Two days after today in UTC is after today in Moscow too: not yet the transfer date anywhere.
transfer=$(date -u -d '2 days' +%F)
cat > "$work/port.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "port_in", "msisdn": "8 903 111-22-33", "donor": "МТС", "desired_date": "$transfer", "tariff": "smart"},
           {"kind": "port_in", "msisdn": "+79031112244", "donor": "Билайн", "desired_date": "$transfer", "tariff": "smart"}],
 "paid_cash": ""}
JSON
expect 0 "the port-in sale" -- run --json --as ivanov sale commit --draft "$work/port.json"

expect_text 0 "the salon's list" -- run --as ivanov port list
contains "number shown" "+7 903 111-22-33"
contains "donor shown" "Билайн"
contains "client masked" "Петров П. П."
contains "status" "sent to the donor"
contains "counted" "2 requests, 0 overdue"
[[ "$out" != *"Пётр Петрович"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the full name is listed"; }
expect 0 "the list as JSON" -- run --json --as ivanov port list --open
moved=$(json_field '[0]["id"]')
refused=$(json_field '[1]["id"]')
contains "receipt" '"receipt_number": 1'
contains "desired date" "\"desired_date\": \"$transfer\""
expect 0 "another dealer's person sees none" -- run --as kim port list
contains "none" "0 requests"
expect 1 "nor another salon's" -- run --as kim port list --salon "$salon"
contains "own salon" "only your own salon"
expect 0 "head office sees them" -- run --json port list --salon "$salon" --status submitted
contains "listed" "\"id\": $refused"
expect 1 "an unknown status" -- run --json port list --status lost
contains "status named" '"input": "status"'

expect 1 "a step needs --as" -- run port accept "$moved"
contains "asks who" "--as LOGIN"
expect 0 "accepted" -- run --as ivanov port accept "$moved"
contains "step shown" "sent to the donor → accepted by the donor"
expect 1 "not before the transfer date" -- run --as ivanov port complete "$moved" --iccid "$blank"
contains "date named" "transfer date"
expect 1 "a rejection without its reason" -- run --json --as volkova port reject "$refused"
contains "reason named" '"input": "reason"'
expect 0 "rejected with the donor's reason" -- run --json --as volkova port reject "$refused" --reason "задолженность у донора"
contains "now rejected" '"status": "rejected"'
expect 1 "no way back" -- run --as ivanov port accept "$refused"
contains "both statuses" "from «rejected by the donor» to «accepted by the donor»"
expect 1 "another dealer's person does not find it" -- run --as kim port accept "$moved"

sql "UPDATE port_request SET desired_date = '$(TZ=Europe/Moscow date -d '2 days ago' +%F)' WHERE id = $moved"
expect_text 0 "overdue by the salon's calendar" -- run --as ivanov port list --open
contains "overdue shown" "2 days"
contains "counted" "1 requests, 1 overdue"
expect 1 "the completion needs the card" -- run --json --as ivanov port complete "$moved"
contains "card named" '"input": "iccid"'
expect 0 "completed on the blank card" -- run --as ivanov port complete "$moved" --iccid "$blank"
contains "in service" "+7 903 111-22-33 is in service on card $blank"
expect 0 "the number is found in service" -- run --as ivanov find "89031112233"
contains "card found" "$blank"
contains "client found" "Петров Пётр Петрович"
expect 0 "the history" -- run --json --as ivanov port show "$moved"
contains "no longer overdue" '"days_overdue": 0'
contains "accepted by ivanov" '"to": "accepted"'
contains "card kept" "\"iccid\": \"$blank\""
expect 0 "the history as text" -- run --as volkova port show "$refused"
contains "reason kept" "задолженность у донора"
contains "who" "Волкова Дарья Игоревна"
expect 0 "completed ones" -- run --json port list --status completed
contains "one" "\"id\": $moved"
expect 0 "in Russian" -- "$cli" --db "$db" --lang ru --as ivanov port list --status rejected
contains "status in Russian" "отклонена донором"

expect 0 "the steps are journaled" -- "$cli" --db "$db" --json audit list --limit 20
contains "accept entry" "port.accept"
contains "reject entry" "port.reject"
contains "complete entry" "port.complete"
expect 0 "audit verify after the steps" -- "$cli" --db "$db" audit verify

# A port-in's form with four problems: all named at once, each with its input, and nothing filed.
yesterday=$(date -u -d '-1 day' +%F)
cat > "$work/bad_port.json" <<JSON
{"with_client": true,
 "client": {"passport": "4510 654321"},
 "lines": [{"kind": "port_in", "msisdn": "8 903 12", "donor": "Мегафон-ПРО", "desired_date": "$yesterday", "tariff": ""}],
 "paid_cash": ""}
JSON
requests_before=$(run --json --as ivanov port list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect 1 "every problem at once" -- run --json --as ivanov sale commit --draft "$work/bad_port.json"
for input in line1.msisdn line1.donor line1.desired_date line1.tariff; do
  contains "names $input" "\"input\": \"$input\""
done
expect 1 "in words too" -- run --as ivanov sale commit --draft "$work/bad_port.json"
contains "the line's form" "Line 1: Number transfer:"
contains "the number" "Phone number: too few digits"
contains "the donor" "Donor operator: choose the operator from the list"
contains "the date" "Transfer date: must be from tomorrow to six months ahead"
contains "the tariff" "Tariff: must be chosen"
[ "$(run --json --as ivanov port list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = "$requests_before" ] &&
  passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a refused port-in filed a request"; }
cli_test_summary test_port_cli
