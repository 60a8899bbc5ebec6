#!/usr/bin/env bash
# salon-cli gadget receive|list|show|terms and stocktake open|scan|show|close: a phone sold by IMEI with its
# warranty on the receipt and refunded back to stock, and a stocktake of the demo's Kiyevskaya salon closed with
# a senior's approval. The rules themselves are checked in tests/pos_core/catalog/test_gadgets.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234 SALON_APPROVER_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }
# py EXPRESSION: EXPRESSION of the last output read as JSON (d)
py() { python3 -c 'import json,sys; d = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$out" "$1"; }

# imei BODY: BODY (14 digits) with its Luhn check digit.
imei() {
  local body=$1 sum=0 twice=1 d i
  for ((i = ${#body} - 1; i >= 0; i--)); do
    d=${body:i:1}
    if [ $twice -eq 1 ]; then d=$((d * 2)); [ $d -gt 9 ] && d=$((d - 9)); fi
    sum=$((sum + d)); twice=$((1 - twice))
  done
  echo "$body$(((10 - sum % 10) % 10))"
}
modem=$(imei 86412003290001)
bad=${modem%?}$(((${modem: -1} + 1) % 10))
stranger=$(imei 35000000000001)

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')

expect 0 "the demo salon's devices" -- run --json gadget list --salon "$salon"
units=$(py 'len(d)')
[ "$units" = 7 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 7 demo devices, got $units"; }
phone=$(json_field '[0]["imei"]')
phone2=$(json_field '[0]["imei2"]')
second_phone=$(json_field '[1]["imei"]')
contains "a dual-SIM phone" '"imei2": "'

# Receiving: --as needed, a wrong check digit named, nothing half-saved.
expect 1 "receiving needs --as" -- run gadget receive --salon "$salon" --delivery ТН-77 --product gad-modem-usb --imei "$modem"
expect 1 "a wrong check digit" -- run --json --as ivanov gadget receive --salon "$salon" --delivery ТН-77 --product gad-modem-usb \
  --imei "$modem" --imei "$bad"
contains "the unit's field" '"input": "unit2.imei"'
contains "says why" "Unit 2: IMEI: wrong check digit"
expect 1 "a product not sold by IMEI" -- run --as ivanov gadget receive --salon "$salon" --delivery ТН-77 --product gad-router-4g --imei "$modem"
contains "says so" "is not sold by IMEI"
expect 0 "receive a modem" -- run --as ivanov gadget receive --salon "$salon" --delivery ТН-77 --product gad-modem-usb --imei "$modem"
contains "received" "Received 1 devices"
expect 0 "show by IMEI" -- run --json gadget show "$modem"
contains "in stock" '"status": "in_stock"'
contains "its delivery" '"delivery": "ТН-77"'
expect 0 "the phone by its second IMEI" -- run --json gadget show "$phone2"
contains "the same phone" "\"imei\": \"$phone\""
expect 1 "terms are head office's" -- run --as ivanov gadget terms gad-modem-usb --warranty-months 6
expect 0 "terms as head office" -- run --as admin gadget terms gad-modem-usb --by-imei yes --warranty-months 12

# A phone sold by its IMEI at ivanov's till, the receipt with the IMEI and the warranty, a refund back to stock.
expect 0 "open the shift" -- run --as ivanov shift open --float 1000
printf '{"lines": [{"kind": "gadget", "product": "gad-phone-ds", "quantity": 1}], "paid_cash": "20000"}' > "$work/no_imei.json"
expect 1 "no IMEI scanned" -- run --json --as ivanov sale commit --draft "$work/no_imei.json"
contains "names the field" '"input": "line1.imei"'
printf '{"lines": [{"kind": "gadget", "product": "gad-phone-ds", "quantity": 1, "imei": "%s"}], "paid_cash": "20000"}' "$modem" > "$work/wrong.json"
expect 1 "another product's IMEI" -- run --as ivanov sale commit --draft "$work/wrong.json"
contains "says whose" "this IMEI belongs to another product"
printf '{"lines": [{"kind": "gadget", "product": "gad-phone-ds", "quantity": 1, "imei": "%s"}], "paid_cash": "20000"}' "$phone" > "$work/phone.json"
expect 0 "sell the phone" -- run --json --as ivanov sale commit --draft "$work/phone.json"
sale=$(json_field '["sale_id"]')
expect 0 "the phone is sold" -- run --json gadget show "$phone"
contains "sold" '"status": "sold"'
expect 0 "the receipt" -- run --as ivanov receipt show "$sale"
contains "the IMEI" "IMEI: $phone"
contains "the warranty" "Warranty 12 mo. until"
expect 0 "the receipt in Russian" -- "$cli" --db "$db" --lang ru --as ivanov receipt show "$sale"
contains "Гарантия" "Гарантия 12 мес. до"
expect 0 "the receipt as PDF" -- run --as ivanov receipt show "$sale" --pdf "$work/receipt.pdf"
if command -v pdftotext >/dev/null; then
  out=$(pdftotext "$work/receipt.pdf" - 2>&1)
  contains "the PDF's IMEI" "IMEI: $phone"
fi
expect 0 "refund with volkova's approval" -- run --as ivanov sale refund "$sale" --approver volkova
expect 0 "the phone is back" -- run --json gadget show "$phone"
contains "returned" '"status": "returned"'

# A stocktake: a specialist cannot open it, volkova does; scans counted once, unknown and misread codes.
expect 1 "a specialist does not open a stocktake" -- run --as ivanov stocktake open --salon "$salon"
contains "names the permission" "Open stocktakes and approve their differences"
expect 0 "volkova opens it" -- run --json --as volkova stocktake open --salon "$salon"
take=$(json_field '["id"]')
contains "8 devices expected" '"expected": 8'
expect 1 "one at a time" -- run --as volkova stocktake open --salon "$salon"
expect 0 "scan" -- run --json --as ivanov stocktake scan "$take" "$phone" "$phone2" "$stranger"
contains "counted" '"outcome": "counted"'
contains "the second IMEI is the same phone" '"outcome": "duplicate"'
contains "unknown" '"outcome": "unknown"'
expect 1 "a misread" -- run --json --as ivanov stocktake scan "$take" "$bad"
contains "the code field" '"input": "code"'
expect 0 "a scanner on standard input" -- run --as ivanov stocktake scan "$take" --stdin < <(printf '%s\n%s\n' "$modem" "$modem")
contains "counted" "Counted:"
contains "repeated" "Already scanned, not counted again"
expect 0 "show" -- run --json stocktake show "$take"
contains "two counted" '"counted": 2'
contains "open" '"status": "open"'
# The second phone is sold meanwhile: no longer expected, not missing.
printf '{"lines": [{"kind": "gadget", "product": "gad-phone-ds", "quantity": 1, "imei": "%s"}], "paid_cash": "20000"}' "$second_phone" > "$work/second.json"
expect 0 "a sale during the stocktake" -- run --as ivanov sale commit --draft "$work/second.json"
expect 0 "show again" -- run --json stocktake show "$take"
left=$(json_field '["left"][0]["code"]')
[ "$left" = "$second_phone" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the sold phone left, got $left"; }
missing=$(py 'len(d["missing"])')
[ "$missing" = 5 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 5 missing, got $missing"; }

expect 1 "closing needs a senior" -- run --as ivanov stocktake close "$take" --reason "пересорт"
expect 1 "differences need a reason" -- run --json --as ivanov stocktake close "$take" --approver volkova
contains "the reason field" '"input": "reason"'
expect 0 "close with volkova's approval" -- run --json --as ivanov stocktake close "$take" --approver volkova --reason "недостача по акту 5"
contains "closed" '"status": "closed"'
contains "approved" '"approved_by": "Волкова Дарья Игоревна"'
missing_imei=$(json_field '["missing"][0]["code"]')
expect 0 "the missing device is written off" -- run --json gadget show "$missing_imei"
contains "written off" '"status": "written_off"'
expect 1 "a closed stocktake takes no scans" -- run --as ivanov stocktake scan "$take" "$modem"
expect 0 "the text view" -- run stocktake show "$take"
contains "missing rows" "missing"
expect 0 "the journal holds" -- run audit verify
expect 0 "the journal has the close" -- run --json audit list --limit 50
contains "stocktake closed" "stocktake.close"
contains "written off" "stocktake.write_off"

cli_test_summary test_gadgets_cli
