#!/usr/bin/env bash
# GUI test of the sales desk by keyboard only (issue 5): a new client buys a SIM (registration form typed,
# tariff chosen with the advisor, card scanned), rates the service on the visitor's screen; then the same
# client comes back: SIM replacement with the passport alone, a tariff change chosen with the advisor, a
# service upsell, a top-up, payment, and a rating. The results are read back with salon-cli and sqlite3.
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
salon=$(q "SELECT id FROM salon WHERE name LIKE '%Киевская%'")
numbered=$(luhn 897010300000000001)
blank=$(luhn 897010300000000501)
"$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid "$numbered" --msisdn 89163330001 --format triple >/dev/null &&
  "$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid "$blank" --format nano >/dev/null && ok "stock received" ||
  bad "stock could not be received"
"$cli" --db "$db" --as ivanov --till gui-till shift open --float 2000 >/dev/null && ok "shift opened" || bad "no shift"
"$cli" --db "$db" --as admin queue take --salon "$salon" --purpose sale >/dev/null
"$cli" --db "$db" --as admin queue take --salon "$salon" --purpose service >/dev/null

"$station" --db "$db" --lang en --till gui-till --login ivanov --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5
k() { xdotool key --delay 60 "$@"; sleep 0.3; }
t() { xdotool type --delay 25 "$1"; sleep 0.2; }

# Visit 1: a new client buys a SIM card.
k F3
t "4510 987654"; k Return
t "Петрова Мария Ивановна"; k Return
t "12.03.1988"; k Return
t "20.04.2008"; k Return
t "ГУ МВД России по г. Москве"; k Return
t "г. Москва, ул. Арбат, д. 5, кв. 7"; k Return
k F6                                  # SIM sale: the tariff first
k F11; sleep 0.8                      # the advisor: 500 minutes, 15 GB a month
t "500"; k Tab; k Tab; t "15000"; k Return; sleep 0.5; k Return; sleep 0.5
t "$numbered"; k Return               # the scanner types the ICCID and Enter
shot desk-sim
k F12; t "500"; k Return; sleep 1.5    # F12: to the payment; the client hands over 500
receipt=$(timeout 10 xdotool search --sync --onlyvisible --name "^Receipt 1" | head -n 1)
[ -n "$receipt" ] && ok "the receipt shows on screen" || bad "no receipt window"
shot desk-receipt
k Escape; sleep 0.5
[ "$(q "SELECT COUNT(*) FROM sale")" = 1 ] && ok "the SIM sale is committed" || bad "no sale after F12"
[ "$(q "SELECT status FROM sim_card WHERE iccid = '$numbered'")" = sold ] && ok "the card is sold" || bad "card not sold"
[ "$(q "SELECT t.code FROM subscription s JOIN tariff t ON t.id = s.tariff_id WHERE s.msisdn = '+79163330001'")" = smart ] &&
  ok "the advisor's choice (Смарт) is the tariff" || bad "tariff is not Смарт"
k F4; sleep 1
rating=$(timeout 10 xdotool search --sync --onlyvisible --name "^Rate the service" | head -n 1)
[ -n "$rating" ] && ok "the visitor's rating screen shows" || bad "no rating screen"
xdotool windowfocus --sync "$rating" 2>/dev/null; sleep 0.3
k 5; sleep 0.5
[ "$(q "SELECT rating FROM visit WHERE ticket = 1")" = 5 ] && ok "rated 5" || bad "rating not stored"
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5

# Visit 2: the same client comes back.
k F3
t "4510 987654"; k Return             # a known client: the passport is enough
k F7; t "89163330001"; k Return; t "$blank"; k Return
k F8; t "89163330001"; k Return
k F11; sleep 0.8; t "1500"; k Tab; k Tab; t "40000"; k Return; sleep 0.5; k Return; sleep 0.5
k F9; t "89163330001"; k Return; k Return
k F5; t "89163330001"; k Return; t "300"; k Return
shot desk-visit
# Nothing is preset as cash: Enter with the payment empty records nothing, the client says how he pays.
k Return; sleep 1
[ "$(q "SELECT COUNT(*) FROM sale")" = 1 ] && ok "Enter with no payment typed pays nothing" ||
  bad "a payment nobody typed was recorded"
t "10000"; k Return; sleep 1.5        # the client hands over 10 000 in cash
shot desk-paid
k Escape; sleep 0.5                  # the receipt
[ "$(q "SELECT COUNT(*) FROM sale")" = 2 ] && ok "the second sale is committed" || bad "no second sale"
kinds=$(q "SELECT group_concat(kind, ',') FROM (SELECT l.kind FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.receipt_number = 2 ORDER BY l.line_no)")
[ "$kinds" = "sim_replacement,tariff_change,service,top_up" ] && ok "replacement, tariff change, service, top-up" ||
  bad "lines were: $kinds"
[ "$(q "SELECT status FROM sim_card WHERE iccid = '$numbered'")" = replaced ] && ok "the old card is replaced" || bad "old card not replaced"
[ "$(q "SELECT t.code FROM subscription s JOIN tariff t ON t.id = s.tariff_id WHERE s.msisdn = '+79163330001'")" = smart_plus ] &&
  ok "the tariff changed to Смарт+ by the advisor" || bad "tariff not changed"
k F4; sleep 1
rating=$(xdotool search --onlyvisible --name "^Rate the service" | head -n 1)
[ -n "$rating" ] && xdotool windowfocus --sync "$rating" 2>/dev/null; sleep 0.3
k 4; sleep 0.5
[ "$(q "SELECT rating FROM visit WHERE ticket = 2")" = 4 ] && ok "the second visit rated 4" || bad "second rating not stored"
# The one search box finds the client by passport (Ctrl+F, type, Enter); the answer is in the status line.
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.3
k ctrl+f; t "4510 987654"; k Return; sleep 0.5
shot desk-search
"$cli" --db "$db" audit verify >/dev/null && ok "the audit chain verifies" || bad "audit verify failed"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
[ -n "${SALON_GUI_SHOTS:-}" ] && cp "$work"/desk-*.png "$SALON_GUI_SHOTS"/ 2>/dev/null
gui_test_summary
