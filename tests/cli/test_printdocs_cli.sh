#!/usr/bin/env bash
# The sales desk's printed documents at the command line (R-POS-9, R-POS-10, 54-FZ): a free port-in queues no
# fiscal receipt and prints the subscriber's port-in application (salon-cli sales application), a paid one
# keeps its receipt and has the application too; a correction receipt as a document (fiscal correction-pdf)
# before and after its registration; a reprinted top-up keeps the supplier of its day. SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-5 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$db" -qc "$1" >/dev/null
  else sqlite3 "$work/salon.db" "$1"; fi
}
pdf_words() { pdftotext "$1" - | tr '\n' ' '; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
expect 0 "open the shift" -- run --as volkova shift open --float 1000
transfer=$(date -u -d '3 days' +%F)
port_draft() {
  cat > "$work/port.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "port_in", "msisdn": "$1", "donor": "МТС", "desired_date": "$transfer", "tariff": "smart"}],
 "paid_cash": "$2"}
JSON
}

# A free port-in: no fiscal receipt is queued or registered (54-FZ), the application is its document.
port_draft "+79031112233" ""
expect 0 "the free port-in" -- run --json --as volkova sale commit --draft "$work/port.json"
contains "no receipt" '"fiscal_state": "not_required"'
free=$(json_field '["sale_id"]')
expect 0 "nothing queued" -- run --json --as volkova fiscal queue
contains "empty queue" '"queue": []'
expect 0 "nothing registered" -- run --json --as volkova fiscal status
contains "queue empty" '"queue_length": 0'
expect 0 "the X report lists nothing waiting" -- run --as volkova shift report
[[ "$out" != *"Awaiting fiscalisation"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the X report waits for it"; }
expect 0 "the sales list says so" -- run --json sales list --from "$(date -u -d '-1 day' +%F)" --to "$(date -u -d '1 day' +%F)"
contains "listed" '"fiscal_state": "not_required"'
expect 0 "the application as A4 PDF" -- run --json --as volkova sales application "$free" --pdf "$work/app.pdf"
contains "the number" '"msisdn": "+7 903 111-22-33"'
contains "the donor" '"donor_operator": "МТС"'
contains "free" '"fee": 0'
contains "paper" '"paper": "a4"'
[[ "$out" != *"654321"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the passport is printed whole"; }
words=$(pdf_words "$work/app.pdf")
for expected in "Application for the transfer of a subscriber number" "Copy 2 of 2" "+7 903 111-22-33" "МТС" \
                "Петров Пётр Петрович" "no cash receipt" "Subscriber" "Specialist of the salon"; do
  [[ "$words" == *"$expected"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the PDF lacks '$expected'"; }
done
expect 0 "the application on the 80 mm roll" -- run --as volkova sales application "$free" --pdf "$work/app80.pdf" --paper 80mm
contains "text too" "+7 903 111-22-33"
pdfinfo "$work/app80.pdf" | grep -q "Page size: *226.772 x" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: not 80 mm wide"; }
expect 1 "a bad paper" -- run sales application "$free" --pdf "$work/x.pdf" --paper a5
contains "paper named" "80mm or a4"

# A paid port-in (the tariff's connection fee set to 150 roubles): its receipt is fiscalised, and it has the
# application too.
sql "UPDATE tariff_version SET connection_fee = 15000 WHERE tariff_id = (SELECT id FROM tariff WHERE code = 'smart')"
port_draft "+79031112244" "150"
expect 0 "the paid port-in" -- run --json --as volkova sale commit --draft "$work/port.json"
contains "fiscalised" '"fiscal_state": "fiscalised"'
paid=$(json_field '["sale_id"]')
expect 0 "its application" -- run --json sales application "$paid"
contains "fee" '"fee": 15000'
expect 0 "and its receipt" -- run receipt show "$paid"
contains "receipt" "CASH RECEIPT: SALE"

# A sale without a port-in has no application.
echo '{"lines": [{"kind": "accessory", "product": "acc-case"}], "paid_cash": "1000"}' > "$work/case.json"
expect 0 "an accessory" -- run --json --as volkova sale commit --draft "$work/case.json"
other=$(json_field '["sale_id"]')
expect 1 "no application" -- run sales application "$other"
contains "says why" "no port-in application"

# A correction receipt as a document: waiting with the paper out, then registered with FN, FD and FP.
expect 0 "paper out" -- run --as volkova fiscal fault paper_out
expect 0 "a correction by order" -- run --json --as volkova fiscal correction --kind income --amount 150 --cash \
  --vat standard --reason "Registrar down at noon" --document 17 --document-date "$(date -u +%F)" --type order
contains "type" '"type": "order"'
correction=$(json_field '["id"]')
expect 1 "an unknown type" -- run --as volkova fiscal correction --kind income --amount 1 --cash --reason "xyz" \
  --document 1 --document-date "$(date -u +%F)" --type later
contains "type named" "self or order"
expect 0 "its receipt, waiting" -- run fiscal correction-pdf "$correction" --width 120
contains "title" "CORRECTION RECEIPT: INCOME"
contains "number" "Correction No. $correction"
contains "type" "Correction type: by order of the tax authority"
contains "basis" "Basis: document No. 17"
contains "reason" "Reason: Registrar down at noon"
contains "not registered" "FISCALISATION FAILED"
expect 0 "paper back" -- run --as volkova fiscal fault none
expect 0 "retry" -- run --as volkova fiscal retry
expect 0 "its receipt, registered, as PDF" -- run --json fiscal correction-pdf "$correction" --pdf "$work/corr.pdf"
contains "fiscalised" '"fiscal_state": "fiscalised"'
contains "the registrar's QR" '&fn='
words=$(pdf_words "$work/corr.pdf")
for expected in "CORRECTION RECEIPT: INCOME" "Correction type: by order of the tax authority" "FN 9999" "FD No." "FP "; do
  [[ "$words" == *"$expected"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the correction PDF lacks '$expected'"; }
done
[[ "$words" != *"AWAITING"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: still awaiting"; }
expect 0 "on A4" -- run fiscal correction-pdf "$correction" --pdf "$work/corr-a4.pdf" --paper a4
pdfinfo "$work/corr-a4.pdf" | grep -q "Page size: *595.276 x 841.89" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: not A4"; }
expect 1 "no such correction" -- run fiscal correction-pdf 999

# A top-up's reprint keeps the supplier of its day; a new top-up carries the new one.
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid 89701990000000000017 --msisdn "+7 999 123-45-67"
cat > "$work/sim.json" <<'JSON'
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "89701990000000000017", "tariff": "smart"}], "paid_cash": "1000"}
JSON
echo '{"lines": [{"kind": "top_up", "msisdn": "+79991234567", "amount": "500"}], "paid_cash": "500"}' > "$work/top_up.json"
expect 0 "the supplier of the old day" -- run --as admin fiscal agent operator --supplier-name "ПАО «Старая связь»" --supplier-inn 7700123459 --supplier-phone "+7 495 111-11-11"
expect 0 "the SIM" -- run --as volkova sale commit --draft "$work/sim.json"
expect 0 "the old top-up" -- run --json --as volkova sale commit --draft "$work/top_up.json"
old=$(json_field '["sale_id"]')
expect 0 "the supplier changes" -- run --as admin fiscal agent operator --supplier-name "ПАО «Новая связь»" --supplier-inn 7707083893 --supplier-phone "+7 495 222-22-22"
expect 0 "the old receipt reprinted" -- run --as volkova receipt show "$old" --width 120
contains "old name" "Supplier: ПАО «Старая связь», INN 7700123459"
[[ "$out" != *"Новая"* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the old receipt names the new supplier"; }
expect 0 "a new top-up" -- run --json --as volkova sale commit --draft "$work/top_up.json"
new=$(json_field '["sale_id"]')
expect 0 "the new receipt" -- run --as volkova receipt show "$new" --width 120
contains "new name" "Supplier: ПАО «Новая связь», INN 7707083893"
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_printdocs_cli
