#!/usr/bin/env bash
# GUI test of the desk's port-in form (R-POS-9) and a known client's numbers, by keyboard only: a port-in
# with a short number, no tariff, no donor and a past date shows every problem at once beside its field
# (nothing goes into the sale); Enter in the transfer date's field adds the corrected line; a top-up for the
# known client offers his number in service; the free port-in previews its application, no fiscal receipt.
# Read back with sqlite3 (the till's saved draft).
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
salon=$(q "SELECT id FROM salon WHERE name LIKE '%Киевская%'")
numbered=$(luhn 897010300000000001)
second=$(luhn 897010300000000002)
"$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid "$numbered" --msisdn 89163330001 --format triple >/dev/null &&
  "$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid "$second" --msisdn 89163330002 --format triple >/dev/null &&
  "$cli" --db "$db" --as ivanov --till gui-till shift open --float 2000 >/dev/null && ok "stock and shift" || bad "no stock or shift"
cat > "$work/sale.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "$numbered", "tariff": "smart"},
           {"kind": "sim", "iccid": "$second", "tariff": "smart"}],
 "paid_cash": "1000"}
JSON
"$cli" --db "$db" --as ivanov --till gui-till sale commit --draft "$work/sale.json" >/dev/null && ok "the client's SIM sold" || bad "no sale"

"$station" --db "$db" --lang en --till gui-till --login ivanov --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5
k() { xdotool key --delay 60 "$@"; sleep 0.3; }
t() { xdotool type --delay 25 "$1"; sleep 0.2; }

k shift+F6                              # a port-in: with the form empty, the passport takes the focus
t "4510 654321"; k Return; sleep 1      # a known client: on to the number
t "890312"; k Return                    # too short; Enter moves on: tariff, donor (none chosen), date
k Return; k Return
t "01.01.2020"; k Return; sleep 1       # a past date; Enter in the date's field adds the line
shot port-in-errors
[ "$(q "SELECT COUNT(*) FROM port_request")" = 0 ] && ok "nothing with a problem is filed" ||
  bad "a port-in with four problems was filed"

# Corrected: the number, the first tariff and donor (Down in a choice), a date three days ahead.
k shift+F6; sleep 0.3                    # the known client stays: the focus is on the number
k ctrl+a; t "89031112233"; k Return
k Down; k Return
k Down; k Return
k ctrl+a; t "$(date -u -d '3 days' +%d.%m.%Y)"; k Return; sleep 1
shot port-in-line
# Free (no connection fee): F12 to the payment, F12 again pays nothing and files the request. Nothing was
# paid, so no fiscal receipt (54-FZ): the preview is the subscriber's port-in application, not a 0,00 receipt.
k F12; k F12; sleep 1.5
preview=$(xdotool search --onlyvisible --name "^Port-in application, sale" 2>/dev/null | head -n 1)
[ -n "$preview" ] && ok "the preview shows the port-in application" || bad "no port-in application after the free port-in"
shot port-in-application
k Escape; sleep 0.5
[ "$(q "SELECT COUNT(*) FROM fiscal_receipt f JOIN sale_line l ON l.sale_id = f.sale_id WHERE l.kind = 'port_in'")" = 0 ] &&
  ok "no fiscal receipt for the free port-in" || bad "the free port-in went to the registrar"
[ "$(q "SELECT COUNT(*) FROM port_request WHERE msisdn = '+79031112233'")" = 1 ] &&
  ok "Enter in the transfer date's field added the line, and it was filed" ||
  bad "the port-in line was not added or not filed"

# A top-up for the known client: his two numbers in service are offered in the list beside the number's
# field (newest first); Down there takes one.
k F7; t "4510 654321"; k Return; sleep 1   # the paid sale cleared the form: the passport again
k F5; sleep 0.5
k Tab; k Down; sleep 0.5
shot client-numbers
k Return; t "150"; k Return; sleep 0.5   # on to the payment: the cash handed over
t "150"; k Return; sleep 1.5; k Escape
[ "$(q "SELECT COUNT(*) FROM sale_line WHERE kind = 'top_up' AND msisdn = '+79163330002'")" = 1 ] &&
  ok "the top-up took the client's number from the list" || bad "the client's numbers were not offered"
kill $pid 2>/dev/null; wait $pid 2>/dev/null
grep -qi "error\|assert" "$work/station.log" && bad "the station logged an error: $(head -c 300 "$work/station.log")" ||
  ok "no error in the station's log"
gui_test_summary
