#!/usr/bin/env bash
# salon-cli catalog list|add|price|end|withdraw|restore|import|vat: the product catalog with dated prices
# and VAT (R-TAR-2), and the price-list import with its preview. The rules themselves are checked in
# tests/pos_core/catalog/test_catalog.cpp. Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234  # the changes act --as admin (the demo's, or the first account below)
today=$(date -u +%F)
day() { date -u -d "$today + $1 days" +%F; }
dotted() { date -u -d "$today + $1 days" +%d.%m.%Y; }

expect 0 "migrate" -- "$cli" --db "$db" db migrate
expect 0 "VAT on 31.12.2025" -- "$cli" --db "$db" --json catalog vat --on 2025-12-31
contains "20% before 2026" '"basis_points": 2000'
expect_text 0 "VAT in 2026" -- "$cli" --db "$db" --lang en catalog vat --on 01.03.2026
contains "22% from 2026" "22%"
contains "none" "none"

expect 0 "demo seed loads the products" -- "$cli" --db "$db" demo seed --days 0
expect_text 0 "list services" -- "$cli" --db "$db" --lang en catalog list --on 2026-03-01 --kind service
contains "messengers" "Безлимитные мессенджеры"
contains "watch eSIM" "Второй номер на часах (eSIM)"
contains "VAT column" "22%"
contains "version" "from 2026-01-01"
expect 0 "list in Russian" -- "$cli" --db "$db" --lang ru catalog list --on 2026-03-01
contains "Russian header" "Действующая версия"
contains "Russian kind" "аксессуар"
expect 0 "list as JSON" -- "$cli" --db "$db" --json catalog list --on 2026-03-01 --kind sim
contains "SIM price in kopecks" '"price": 10000'
contains "VAT in kopecks" '"vat_amount": 1803'
expect 0 "nothing before 2026" -- "$cli" --db "$db" --json catalog list --on 2025-12-31
[ "$(tr -d ' \n' <<<"$out")" = "[]" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 2025 list: $out"; }
expect 1 "unknown kind" -- "$cli" --db "$db" --lang en catalog list --kind tv
contains "names kind" "Kind: must be service, gadget, accessory or sim"

# A price change from a future date: the day before keeps the old price (R-TAR-2).
expect 0 "new price" -- "$cli" --db "$db" --lang en --as admin catalog price acc-glass --price "490,00" --from "$(dotted 10)"
expect 0 "old price the day before" -- "$cli" --db "$db" --json catalog list --on "$(day 9)" --kind accessory
contains "old glass price" '"price": 59000'
expect 0 "new price on the day" -- "$cli" --db "$db" --json catalog list --on "$(day 10)" --kind accessory
contains "new glass price" '"price": 49000'
expect 1 "a price in the past" -- "$cli" --db "$db" --lang en --as admin catalog price acc-glass --price 1 --from 2026-01-01
contains "past refused" "is in the past"
expect 1 "not after the latest" -- "$cli" --db "$db" --lang en --as admin catalog price acc-glass --price 1 --from "$(day 10)"
contains "latest refused" "must be after"
expect 1 "bad price" -- "$cli" --db "$db" --lang en --as admin catalog price acc-glass --price "4,999" --from "$(day 20)"
contains "names price" "at most 2 digits"

expect 0 "add" -- "$cli" --db "$db" --lang en --as admin catalog add gad-tablet --name "Планшет 10\"" --kind gadget \
  --price "19 990" --from "$(day 2)"
expect 1 "add twice" -- "$cli" --db "$db" --lang en --as admin catalog add gad-tablet --name X --kind gadget --price 1
contains "code taken" "already in the catalog"
expect 0 "end the sale" -- "$cli" --db "$db" --lang en --as admin catalog end gad-tablet --from "$(day 5)"
expect 0 "on sale the day before the end" -- "$cli" --db "$db" --json catalog list --on "$(day 4)" --kind gadget
contains "tablet listed" '"gad-tablet"'
expect 0 "gone on the end day" -- "$cli" --db "$db" --json catalog list --on "$(day 5)" --kind gadget
grep -q gad-tablet <<<"$out" && { failed=$((failed + 1)); echo "FAIL: tablet still listed"; } || passed=$((passed + 1))
expect 0 "withdraw" -- "$cli" --db "$db" --as admin catalog withdraw acc-case
expect 0 "withdrawn not listed" -- "$cli" --db "$db" --json catalog list --on 2026-03-01 --kind accessory
grep -q acc-case <<<"$out" && { failed=$((failed + 1)); echo "FAIL: case still listed"; } || passed=$((passed + 1))
expect 0 "restore" -- "$cli" --db "$db" --as admin catalog restore acc-case
expect 0 "restored listed" -- "$cli" --db "$db" --json catalog list --on 2026-03-01 --kind accessory
contains "case back" '"acc-case"'
expect 0 "audit names the catalog edits" -- "$cli" --db "$db" audit list
contains "product.price audited" "product.price"
contains "product.add audited" "product.add"

# Import: a preview with problems exits 1 and saves nothing, even with --apply.
cat >"$work/bad.csv" <<CSV
код;название;вид;цена;ндс;действует_с
svc-karaoke;Караоке;услуга;"149,00";22%;$(dotted 3)
svc-oops;Опечатка;услуга;1O0;;$(dotted 3)
acc-glass;;;390;;2026-02-01
CSV
expect_text 1 "preview with problems" -- "$cli" --db "$db" --lang en catalog import "$work/bad.csv"
contains "row 3 price" 'Row 3, column "Price"'
contains "row 4 date" 'Row 4, column "Valid from"'
contains "good row shown" "new product"
contains "summary" "2 problems; nothing was saved"
expect 1 "apply refused" -- "$cli" --db "$db" --lang en --as admin catalog import "$work/bad.csv" --apply
expect 1 "preview as JSON" -- "$cli" --db "$db" --json catalog import "$work/bad.csv"
contains "JSON problem column" '"column": "price"'
expect 1 "nothing saved" -- "$cli" --db "$db" --lang en --as admin catalog price svc-karaoke --price 1 --from "$(day 30)"
contains "karaoke absent" 'no product with code "svc-karaoke"'

cat >"$work/good.csv" <<CSV
code,name,kind,price,vat,valid_from
svc-karaoke,Караоке,service,"149,00",standard,$(day 3)
acc-charger,,,"1 190,00",,$(day 12)
sim,,,100,,2026-01-01
CSV
expect_text 0 "clean preview" -- "$cli" --db "$db" --lang en catalog import "$work/good.csv"
contains "new price with the old one" "new price (was RUB 1,290.00)"
contains "unchanged row" "unchanged"
contains "count" "2 changes to apply with --apply"
expect 0 "apply" -- "$cli" --db "$db" --json --as admin catalog import "$work/good.csv" --apply
contains "applied" '"applied": true'
expect 0 "karaoke on sale" -- "$cli" --db "$db" --json catalog list --on "$(day 3)" --kind service
contains "karaoke price" '"price": 14900'
expect_text 0 "apply again changes nothing" -- "$cli" --db "$db" --lang en --as admin catalog import "$work/good.csv" --apply
contains "nothing changed" "Saved: 0 changes."
expect 1 "missing file" -- "$cli" --db "$db" --lang en catalog import "$work/none.csv"
contains "names the file" "cannot open"

# Hostile files: refused with what is really wrong, nothing saved.
printf 'code;price;valid_from\nx;1;%s\n' "$(day 3)" > "$work/text.xlsx"
expect 1 "a text file named .xlsx" -- "$cli" --db "$db" --lang en catalog import "$work/text.xlsx"
contains "not a zip" "is not an XLSX workbook (not a zip archive)"
expect 1 "a text file named .xlsx, in Russian" -- "$cli" --db "$db" --lang ru catalog import "$work/text.xlsx"
contains "not a zip in Russian" "не является книгой XLSX (это не zip-архив)"
printf 'code;name;kind;price;valid_from\nz-1;Ok;accessory;1;%s\nz-2;Bad\001;accessory;1;%s\n' "$(day 3)" "$(day 3)" \
  > "$work/control.csv"
expect 1 "a control character in a name" -- "$cli" --db "$db" --lang en catalog import "$work/control.csv" --apply
contains "row and column named" "row 3, Name: contains a control character (U+0001)"
printf 'code;name;kind;price;valid_from\nz-3;Bad;accessory;1;31.12.9999\n' > "$work/year.csv"
expect 1 "a year out of range" -- "$cli" --db "$db" --lang en catalog import "$work/year.csv"
contains "says the range" "the year must be from 1900 to 2200"
expect 0 "nothing of them saved" -- "$cli" --db "$db" --json catalog list
[[ "$out" != *z-1* && "$out" != *z-3* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: saved: $out"; }

cli_test_summary "catalog cli"
