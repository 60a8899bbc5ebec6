#!/usr/bin/env bash
# salon-cli receipt sample: the sample receipt as text and as 80 mm and A4 PDFs (R-POS-10), and the
# errors a person can make. Needs no database; the layout itself is checked in tests/pos_core and
# tests/pos_print.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"

expect 0 "text by default" -- "$cli" --lang ru receipt sample
contains "title" "КАССОВЫЙ ЧЕК. ПРИХОД"
contains "agent" "Платёжный агент"
contains "awaiting fiscalisation" "*** ОЖИДАЕТ ФИСКАЛИЗАЦИИ ***"
contains "labelled as a sample" "ОБРАЗЕЦ"
expect 0 "32 columns in English" -- "$cli" --lang en receipt sample --text --width 32
contains "English VAT" "incl. VAT 22%:"
# ${#line} counts characters, not bytes, in a UTF-8 locale.
too_wide=$(export LC_ALL=C.UTF-8; while IFS= read -r line; do [ ${#line} -le 32 ] || echo "$line"; done <<<"$out")
[ -z "$too_wide" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: wider than 32: $too_wide"; }

expect 0 "80 mm PDF" -- "$cli" receipt sample --pdf "$work/roll.pdf"
[ "$(head -c 5 "$work/roll.pdf")" = "%PDF-" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: roll.pdf"; }
expect 0 "A4 PDF and text" -- "$cli" receipt sample --pdf "$work/a4.pdf" --paper a4 --text
contains "text too" "ИТОГ"
[ "$(head -c 5 "$work/a4.pdf")" = "%PDF-" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a4.pdf"; }
expect 0 "JSON" -- "$cli" --json receipt sample --pdf "$work/j.pdf" --paper A4
contains "QR payload" '"qr_payload": "t=20261125T1435&s=3290.00&n=1"'
contains "paper" '"paper": "a4"'

expect 1 "unknown paper" -- "$cli" --lang ru receipt sample --pdf "$work/x.pdf" --paper letter
contains "paper named" "Бумага: должна быть 80mm или a4"
expect 1 "unwritable path" -- "$cli" --lang en receipt sample --pdf "$work/missing/x.pdf"
contains "path named" "Cannot write the receipt to $work/missing/x.pdf"
expect 2 "too narrow" -- "$cli" receipt sample --width 10

cli_test_summary receipt_cli
