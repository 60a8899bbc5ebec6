#!/usr/bin/env bash
# GUI test of the SIM stock page and the catalog's price-list import, by keyboard and "scanner" (xdotool types
# the digits and Enter, as a barcode scanner does). A senior specialist scans two good ICCIDs, one with a wrong
# check digit (refused on the spot, kept selected, never saved), a box's EAN-13 and a card already in the list
# (both refused), and receives the batch; sqlite3 finds exactly the two cards in stock. A range starting at a
# card already in stock is refused whole until that card is removed; a card typed after its number, and a file
# with a misread card, are received the same way; a card found by the search box moves to the dealer's other
# salon, another is marked defective. Then head office imports a CSV price list with one bad row: Apply does
# nothing and nothing changes; the corrected file is imported and `salon-cli catalog list` shows the new prices.
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
k() { xdotool key --delay 60 "$@"; sleep 0.3; }
t() { xdotool type --delay 25 "$1"; sleep 0.2; }
# The text the focused input holds: copied with Ctrl+A, Ctrl+C and read from the clipboard.
focused_text() {
  xdotool key ctrl+a; xdotool key ctrl+c; sleep 0.3
  timeout 5 xclip -o -selection clipboard 2>/dev/null || echo ""
}
open_station() {  # LOGIN: starts the station as LOGIN and focuses its window
  "$station" --db "$db" --lang en --till gui-till --login "$1" --password demo1234 >> "$work/station.log" 2>&1 &
  pid=$!
  main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
  [ -n "$main" ] || return 1
  xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.8
}
close_station() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }

salon=$(q "SELECT id FROM salon WHERE name LIKE '%Киевская%'")
good1=$(luhn 897010400000000001)
good2=$(luhn 897010400000000002)
third=$(luhn 897010400000000007)
bad="${third%?}$(( (${third: -1} + 1) % 10 ))"   # another card with its check digit off by one
before=$(q "SELECT COUNT(*) FROM sim_card")

open_station volkova && ok "the senior specialist's station opens" || { bad "no main window"; close_station; gui_test_summary; exit 1; }
# Desk: Sale (Ctrl+1), Shift (Ctrl+2), SIM stock (Ctrl+3); the page puts the focus in the ICCID field.
k ctrl+5; sleep 0.8
t "$good1"; k Return
t "$bad"; k Return; sleep 0.3
shot stock-refused
[ "$(focused_text)" = "$bad" ] && ok "the wrong check digit is refused on the spot, kept selected in the ICCID field" ||
  bad "the wrong check digit was not kept in the field"
t "$good2"; k Return                  # the next scan replaces the refused one
t "4607034170012"; k Return            # a scanner burst of a box's EAN-13, not an ICCID
[ "$(focused_text)" = "4607034170012" ] && ok "a burst that is not an ICCID is refused" || bad "the EAN-13 burst was not refused"
t "$good1"; k Return                  # the same card again
[ "$(focused_text)" = "$good1" ] && ok "a card already in the list is refused" || bad "a duplicate scan was not refused"
[ "$(q "SELECT COUNT(*) FROM sim_card")" = "$before" ] && ok "nothing is saved before Receive" || bad "cards were saved while scanning"
shot stock-pending
k alt+r; sleep 1.5                    # Receive: the pending list in one call
shot stock-received
[ "$(q "SELECT COUNT(*) FROM sim_card WHERE salon_id = $salon AND status = 'in_stock' AND iccid IN ('$good1', '$good2')")" = 2 ] &&
  ok "the two good cards are in the salon's stock" || bad "the two cards are not in stock"
[ "$(q "SELECT COUNT(*) FROM sim_card WHERE iccid IN ('$bad', '$third')")" = 0 ] && ok "the card with the wrong check digit is not saved" ||
  bad "the refused card was saved"
[ "$(q "SELECT COUNT(*) FROM sim_card")" = "$((before + 2))" ] && ok "exactly two cards were received" || bad "not exactly two cards were received"
[ "$(q "SELECT COUNT(*) FROM audit_entry WHERE action = 'sim.receive'")" = 1 ] && ok "one receipt of stock is journaled" ||
  bad "the receipt is not journaled once"
# A range of three numbered cards starting at a card already received: that row is refused in red and nothing
# is received until it is removed from the list.
k alt+n; sleep 0.3                    # Range of consecutive cards
t "$good2"; k Return; t 3; k Return; t "8 916 555-01-00"; k Return; sleep 0.5
shot stock-range-problem
k alt+r; sleep 1
[ "$(q "SELECT COUNT(*) FROM sim_card")" = "$((before + 2))" ] && ok "a batch with a card already in stock is refused whole" ||
  bad "part of a batch with a problem was received"
k alt+v; sleep 0.5                    # Remove: the red row is the selected one
shot stock-range
k alt+r; sleep 1.5
shot stock-range-received
r2=$(luhn 897010400000000003); r3=$(luhn 897010400000000004)
[ "$(q "SELECT group_concat(msisdn, ',') FROM (SELECT msisdn FROM sim_card WHERE iccid IN ('$r2', '$r3') AND status = 'in_stock' ORDER BY iccid)")" = "+79165550101,+79165550102" ] &&
  ok "the range's other two cards are received with their numbers" || bad "the range was not received with its numbers"
# One by one again, a card with its number: the number first (Shift+Tab from the ICCID field), Enter, the scan.
r4=$(luhn 897010400000000005)
k alt+o; k shift+Tab; t "8 916 555-01-03"; k Return; t "$r4"; k Return
t "$bad"; k Return; sleep 0.3
shot stock
k alt+r; sleep 1.5
[ "$(q "SELECT msisdn FROM sim_card WHERE iccid = '$r4' AND status = 'in_stock'")" = "+79165550103" ] &&
  ok "a card scanned after its number is received with it" || bad "the card scanned after its number was not received with it"
[ "$(q "SELECT COUNT(*) FROM audit_entry WHERE action = 'sim.receive'")" = 3 ] && ok "each Receive is one journaled operation" ||
  bad "the receipts are not journaled once each"
# From a file: one good card with its number and format, one misread; the misread one is removed, the other received.
f1=$(luhn 897010400000000006); f2=$(luhn 897010400000000008)
misread="${f2%?}$(( (${f2: -1} + 1) % 10 ))"
printf 'iccid;msisdn;format\n%s;+79165550106;triple\n%s;;\n' "$f1" "$misread" > "$work/cards.csv"
k alt+i; sleep 1
chooser=$(timeout 10 xdotool search --sync --onlyvisible --name "^SIM cards from a file" | head -n 1)
[ -n "$chooser" ] && xdotool windowfocus --sync "$chooser" 2>/dev/null
t "$work/cards.csv"; k Return; sleep 1
shot stock-file
k alt+v; sleep 0.5; k alt+r; sleep 1.5
[ "$(q "SELECT msisdn || ' ' || sim_format FROM sim_card WHERE iccid = '$f1' AND status = 'in_stock'")" = "+79165550106 triple" ] &&
  ok "a card from a file is received with its number and format" || bad "the file's card was not received"
[ "$(q "SELECT COUNT(*) FROM sim_card WHERE iccid LIKE '${f2%?}%'")" = 0 ] && ok "the file's misread card is not saved" ||
  bad "the file's misread card was saved"
# A supplier's file of 3000 blank cards: checked and saved behind a progress dialog, which goes by itself.
python3 - "$work/batch.csv" <<'PY'
import sys
def luhn(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)
with open(sys.argv[1], "w") as f:
    f.write("iccid;msisdn;format\n")
    for i in range(3000):
        f.write(luhn("8970105%012d" % i) + ";;nano\n")
PY
k alt+i; sleep 1
chooser=$(timeout 10 xdotool search --sync --onlyvisible --name "^SIM cards from a file" | head -n 1)
[ -n "$chooser" ] && xdotool windowfocus --sync "$chooser" 2>/dev/null
t "$work/batch.csv"; k Return; sleep 2
k alt+r; sleep 3; shot stock-batch-received
[ "$(q "SELECT COUNT(*) FROM sim_card WHERE iccid LIKE '8970105%' AND status = 'in_stock'")" = 3000 ] &&
  ok "a file of 3000 cards is received behind its progress dialog" || bad "the 3000 cards of the file were not received"
# Found with the search box (Ctrl+F), a card moves to the dealer's other salon with a reason; another is defective.
# (The reasons are typed in Latin letters: xdotool now and then drops a Cyrillic one.)
kaliningrad=$(q "SELECT id FROM salon WHERE name LIKE 'Калининград%'")
k ctrl+f; t "$r4"; k Return; sleep 0.5
k alt+m; sleep 1; t "to the Leninsky salon"; shot stock-move; k Return; sleep 1
[ "$(q "SELECT salon_id FROM sim_card WHERE iccid = '$r4'")" = "$kaliningrad" ] && ok "Move to salon moves the found card" ||
  bad "the card was not moved"
k ctrl+f; t "8 916 555-01-02"; k Return; sleep 0.5   # by its number, written the Russian way
k alt+d; sleep 1; t "cracked chip"; k Return; sleep 1
[ "$(q "SELECT status FROM sim_card WHERE iccid = '$r3'")" = defective ] && ok "Defective marks the card found by its number" ||
  bad "the card is not marked defective"
[ "$(q "SELECT COUNT(*) FROM sim_movement m JOIN sim_card c ON c.id = m.sim_card_id WHERE c.iccid IN ('$r3', '$r4') AND m.reason IN ('to the Leninsky salon', 'cracked chip')")" = 2 ] &&
  ok "both movements keep their reasons" || bad "the movements' reasons are missing"
# A faulty batch: back to the list (empty search, Enter), two rows chosen with Shift+Down, marked at once.
on_hand=$(q "SELECT COUNT(*) FROM sim_card WHERE status = 'in_stock'")
k ctrl+f; k ctrl+a; k BackSpace; k Return; sleep 0.5
k Tab; sleep 0.3; k Home; k shift+Down; sleep 0.3
k alt+d; sleep 1; t "water damage"; shot stock-defective-batch; k Return; sleep 1
[ "$(q "SELECT COUNT(*) FROM sim_movement WHERE reason = 'water damage' AND status = 'defective'")" = 2 ] &&
  [ "$(q "SELECT COUNT(*) FROM sim_card WHERE status = 'in_stock'")" = $((on_hand - 2)) ] &&
  ok "Defective marks two chosen cards at once" || bad "the two chosen cards are not both defective"
close_station

# Head office imports a price list: first with a wrong price in one row, then corrected.
today=$(date -u +%F)
prices="$work/prices.csv"
write_prices() {  # PRICE of the new case
  printf 'code;name;kind;price;vat;valid_from\n' > "$prices"
  printf 'gui-case;Чехол «Салон»;accessory;990,00;;%s\n' "$today" >> "$prices"
  printf 'acc-glass;;;650,00;;%s\n' "$today" >> "$prices"
  printf 'gui-cable;Кабель USB-C;accessory;%s;;%s\n' "$1" "$today" >> "$prices"
}
write_prices "12O,00"   # a letter O where a zero belongs
versions=$(q "SELECT COUNT(*) FROM product_version")
open_station admin && ok "head office's station opens" || { bad "no main window for admin"; close_station; gui_test_summary; exit 1; }
# Goods: SIM stock (Ctrl+5), Catalog (Ctrl+Shift+K), each page's own key whoever signs in.
k ctrl+shift+k; sleep 0.8
shot catalog-page
import_file() {
  k alt+i; sleep 1
  shot catalog-choose-file
  chooser=$(timeout 10 xdotool search --sync --onlyvisible --name "^Import price list" | head -n 1)
  [ -n "$chooser" ] || return 1
  xdotool windowfocus --sync "$chooser" 2>/dev/null
  t "$prices"; sleep 0.3; k Return; sleep 1.5   # the name field takes the whole path
  preview=$(timeout 10 xdotool search --sync --onlyvisible --name "^Price list prices.csv" | head -n 1)
  [ -n "$preview" ]
}
import_file && ok "the preview of the price list opens" || bad "no preview window"
shot catalog-import-errors
k alt+a; sleep 1                      # Apply is disabled while a row has a problem
[ -n "$(xdotool search --onlyvisible --name "^Price list prices.csv" | head -n 1)" ] && ok "Apply is refused: the preview stays open" ||
  bad "the preview closed on Apply despite a bad row"
[ "$(q "SELECT COUNT(*) FROM product_version")" = "$versions" ] && [ "$(q "SELECT COUNT(*) FROM product WHERE code LIKE 'gui-%'")" = 0 ] &&
  ok "nothing in the catalog changed" || bad "the catalog changed although a row was wrong"
k Escape; sleep 0.8
write_prices "120,00"
import_file && ok "the corrected file is previewed" || bad "no preview of the corrected file"
shot catalog-import
k alt+a; sleep 1.5
[ -z "$(xdotool search --onlyvisible --name "^Price list prices.csv" | head -n 1)" ] && ok "Apply closes the preview" ||
  bad "the preview is still open after Apply"
shot catalog-applied
price_of() {  # CODE: the price in kopecks `salon-cli catalog list` gives it today, or nothing
  "$cli" --db "$db" --json catalog list |
    python3 -c 'import json, sys; print(next((str(p["price"]) for p in json.load(sys.stdin) if p["code"] == sys.argv[1]), ""))' "$1"
}
[ "$(price_of gui-case)" = 99000 ] && ok "catalog list shows the new product at 990,00" || bad "gui-case is not listed at 990,00"
[ "$(price_of acc-glass)" = 65000 ] && ok "catalog list shows the new price of acc-glass, 650,00" || bad "acc-glass has not its new price"
[ "$(price_of gui-cable)" = 12000 ] && ok "catalog list shows the corrected row's product at 120,00" || bad "gui-cable is not listed at 120,00"
"$cli" --db "$db" catalog list --kind accessory > "$work/catalog-list.txt"
grep -q "650,00" "$work/catalog-list.txt" && ok "catalog list prints 650,00 for the glass" || bad "catalog list does not print 650,00"
close_station
"$cli" --db "$db" audit verify >/dev/null && ok "the audit chain verifies" || bad "audit verify failed"
[ -n "${SALON_GUI_SHOTS:-}" ] && cp "$work"/stock*.png "$work"/catalog*.png "$SALON_GUI_SHOTS"/ 2>/dev/null
gui_test_summary
