#!/usr/bin/env bash
# GUI test of the consent at the desk (152-FZ art. 9, 21), by keyboard only: a client whose SIM contract
# recorded the consent with offers comes back; the passport shows him as known with his consent, and the
# button beside him takes his withdrawal in his words. Read back with sqlite3: the withdrawal's row by the
# specialist signed in, the contact phone erased, the journal entry.
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
salon=$(q "SELECT id FROM salon WHERE name LIKE '%Киевская%'")
numbered=$(luhn 897010300000000001)
"$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid "$numbered" --msisdn 89163330001 --format triple >/dev/null &&
  "$cli" --db "$db" --as ivanov --till gui-till shift open --float 2000 >/dev/null && ok "stock and shift" || bad "no stock or shift"
cat > "$work/sale.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": "8 912 345-67-89"},
 "lines": [{"kind": "sim", "iccid": "$numbered", "tariff": "smart"}],
 "paid_cash": "100", "marketing_consent": true}
JSON
"$cli" --db "$db" --as ivanov --till gui-till sale commit --draft "$work/sale.json" >/dev/null && ok "the SIM sold" || bad "no sale"
[ "$(q "SELECT consent_text || '/' || consent_marketing FROM subscription")" = "2026-12/1" ] &&
  ok "the contract records the consent" || bad "no consent on the contract"

"$station" --db "$db" --lang en --till gui-till --login ivanov --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5
k() { xdotool key --delay 60 "$@"; sleep 0.3; }
t() { xdotool type --delay 25 "$1"; sleep 0.2; }
k F6                                   # a SIM sale: with the form empty, the passport takes the focus
t "4510 654321"; k Tab; sleep 1         # known client: the card shows the consent; focus on the full name
shot consent-known
k Tab Tab Tab Tab Tab Tab Tab; sleep 0.3  # full name → ... → phone → offers tick → the withdrawal button
k space; sleep 1
ask=$(timeout 10 xdotool search --sync --onlyvisible --name "^Withdraw consent" | head -n 1)
[ -n "$ask" ] && ok "the button asks for the client's statement" || bad "no withdrawal dialog"
[ -n "$ask" ] && xdotool windowfocus --sync "$ask" 2>/dev/null; sleep 0.3
t "written statement of the client"; k Return; sleep 1
shot consent-withdrawn
kill $pid 2>/dev/null
staff=$(q "SELECT id FROM staff WHERE login = 'ivanov'")
[ "$(q "SELECT COUNT(*) FROM consent_withdrawal WHERE staff_id = $staff AND reason = 'written statement of the client'")" = 1 ] &&
  ok "the withdrawal is taken by the specialist signed in" || bad "no withdrawal recorded"
[ "$(q "SELECT COUNT(*) FROM client WHERE phone IS NULL")" = 1 ] && ok "the contact phone is erased" || bad "phone kept"
[ "$(q "SELECT COUNT(*) FROM audit_entry WHERE action = 'personal_data.consent_withdraw'")" = 1 ] &&
  ok "journaled" || bad "not journaled"
gui_test_summary
