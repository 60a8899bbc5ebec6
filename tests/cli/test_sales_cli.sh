#!/usr/bin/env bash
# salon-cli sale commit|price|refund, sales list, receipt show, gateway send and bench sale: a SIM sale with
# a top-up at ivanov's till, bad input named by its field, the day's list, the receipt as a PDF, a refund
# that needs a senior (volkova) and the sandbox gateway. The rules themselves are checked in
# tests/pos_core/sale/test_sale.cpp and test_sale_receipt.cpp. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
# A card with a number in ivanov's salon (the Kiyevskaya salon), received first.
iccid=89701990000000000017
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid "$iccid" --msisdn "+7 999 123-45-67"
expect 0 "open the shift" -- run --as ivanov shift open --float 1000

cat > "$work/sale.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "$iccid", "tariff": "smart"},
           {"kind": "top_up", "msisdn": "+79991234567", "amount": "300"}],
 "paid_cash": "1000"}
JSON
sed 's/"paid_cash": "1000"/"paid_cash": "100"/' "$work/sale.json" > "$work/short.json"
sed "s/$iccid/89701990000000000018/" "$work/sale.json" > "$work/bad_iccid.json"
echo '{"lines": [{"kind": "present"}]}' > "$work/bad_kind.json"

expect 1 "a till verb needs --as" -- run sale commit --draft "$work/sale.json"
contains "asks who" "--as LOGIN"
expect 0 "price without committing" -- run --as ivanov sale price --draft "$work/sale.json"
contains "agent line" "payment agent"
contains "change quoted" "600.00"
expect 1 "a wrong check digit" -- run --as ivanov sale commit --draft "$work/bad_iccid.json"
contains "field named" "Line 1: ICCID"
expect 1 "a wrong check digit, as JSON" -- run --json --as ivanov sale commit --draft "$work/bad_iccid.json"
contains "input named" '"input": "line1.iccid"'
expect 1 "short payment" -- run --as ivanov sale commit --draft "$work/short.json"
contains "payment named" "Payment:"
expect 1 "an unknown kind of line" -- run --json --as ivanov sale commit --draft "$work/bad_kind.json"
contains "kind named" '"input": "line1.kind"'
expect 1 "not a draft" -- run --as ivanov sale commit --draft "$work/nothing.json"
contains "file named" "Draft file"

expect 0 "commit" -- run --json --as ivanov sale commit --draft "$work/sale.json"
contains "first receipt" '"receipt_number": 1'
contains "total 100 + 300" '"total": 40000'
contains "change" '"change_due": 60000'
sale=$(json_field '["sale_id"]')
expect 1 "the same card twice" -- run --as ivanov sale commit --draft "$work/sale.json"
contains "card named" "Line 1: ICCID"

today=$(date -u +%F)
expect 0 "list the days around today" -- run --as ivanov sales list --from "$(date -u -d yesterday +%d.%m.%Y)" --to "$(date -u -d tomorrow +%F)"
contains "specialist shown" "Иванов Артём Сергеевич"
contains "total shown" "400.00"
contains "fiscalised at commit (R-POS-10)" "fiscalised"
expect 0 "head office's list" -- run --json sales list --from "$today" --to "$(date -u -d tomorrow +%F)"
contains "listed" "\"receipt_number\": 1"
expect 0 "another dealer's person sees none of it" -- run --as kim sales list --from 2020-01-01 --to "$(date -u -d tomorrow +%F)"
contains "none" "0 receipts"
expect 1 "a bad date" -- run --as ivanov sales list --from 31.02.2026 --to "$today"
contains "date named" "From"

expect 0 "receipt as text" -- run --as ivanov receipt show "$sale"
contains "title" "CASH RECEIPT: SALE"
contains "agent" "Payment agent"
contains "fiscal sign printed (R-POS-10)" "FP "
expect 0 "receipt as PDF" -- run receipt show "$sale" --pdf "$work/receipt.pdf" --paper a4
[ "$(head -c 4 "$work/receipt.pdf" 2>/dev/null)" = "%PDF" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the receipt file is not a PDF"; }
expect 1 "another dealer's person gets no receipt" -- run --as kim receipt show "$sale"

expect 0 "the lines' ids" -- run --json --as ivanov sales list --from "$today" --to "$(date -u -d tomorrow +%F)"
sim_line=$(python3 -c 'import json,sys; print([l["id"] for l in json.loads(sys.argv[1])[0]["lines"] if l["kind"] == "sim"][0])' "$out")
expect 1 "a top-up is not refunded at the desk" -- run --as volkova sale refund "$sale"
contains "operator handles it" "the operator handles it"
expect 1 "a specialist's refund without approval" -- run --as ivanov sale refund "$sale" --line "$sim_line"
SALON_APPROVER_PASSWORD=wrong expect 1 "a wrong approver password" -- run --as ivanov sale refund "$sale" --line "$sim_line" --approver volkova
SALON_APPROVER_PASSWORD=demo1234 expect 0 "approved by the senior" -- run --json --as ivanov sale refund "$sale" --line "$sim_line" --approver volkova
contains "approver named" '"approved_by": "Волкова Дарья Игоревна"'
contains "cash back" '"cash_back": 10000'
contains "second receipt" '"receipt_number": 2'
refund=$(json_field '["refund_id"]')
expect 0 "the refund's receipt" -- run --as ivanov receipt show "$refund"
contains "refund title" "REFUND"
expect 1 "a line is refunded once" -- run --as volkova sale refund "$sale" --line "$sim_line"
contains "already" "already refunded"

expect 0 "gateway send" -- run --as admin gateway send
contains "test mode" "TEST MODE"
contains "sent both" "Sent 2 requests; 0 still waiting."
expect 0 "nothing left to send" -- run --json --as admin gateway send
contains "none sent" '"sent": 0'
contains "sandbox" '"test_mode": true'

expect 0 "audit verify after the sales" -- "$cli" --db "$db" audit verify

# The bench refuses a database with real sales, and runs on a scratch one.
expect 1 "bench refuses real sales" -- run bench sale --sales 10
contains "scratch" "real sales"
if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  expect 0 "bench on a scratch file" -- "$cli" --db "sqlite:$work/bench.db" --json bench sale --sales 10
  contains "ratio" '"commit_ratio"'
  expect 0 "bench again on the same file" -- "$cli" --db "sqlite:$work/bench.db" --lang en bench sale --sales 10
  contains "medians" "Ratio of medians"
fi
# The buyer's personal data: masked when found, revealed only with the permission and a reason (journaled).
expect 0 "find the buyer by passport" -- "$cli" --db "$db" --lang en --as ivanov client find "45 10 654321"
contains "passport masked" "45 ** ****21"
client_id=$("$cli" --db "$db" --json --as ivanov client find "4510 654321" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect 1 "a specialist may not reveal" -- "$cli" --db "$db" --lang en --as ivanov client reveal "$client_id" --reason "клиент просит копию анкеты"
contains "permission named" "you do not have this permission"
expect 1 "a reason too short" -- "$cli" --db "$db" --lang en --as volkova client reveal "$client_id" --reason "надо"
expect 0 "the senior reveals with a reason" -- "$cli" --db "$db" --lang en --as volkova client reveal "$client_id" --reason "клиент просит копию анкеты"
contains "whole passport" "4510 654321"
expect 0 "the reveal is journaled" -- "$cli" --db "$db" --json audit list --limit 5
contains "reveal entry" "personal_data.reveal"
expect 0 "one search box: a passport" -- "$cli" --db "$db" --lang en --as ivanov find "4510 654321"
contains "client found masked" "45 ** ****21"
expect 0 "one search box: nothing" -- "$cli" --db "$db" --lang en find "4510 000000"
contains "nothing" "Nothing found."
cli_test_summary test_sales_cli
