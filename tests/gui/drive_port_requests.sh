#!/usr/bin/env bash
# GUI test of the port-in requests page (R-POS-9) by keyboard: a sale at ivanov's till files two port-in
# requests; on the page the specialist records the donor's consent for the first and its refusal, with the
# reason, for the second; the database then holds both answers with their history. Runs inside Xvfb,
# started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
"$cli" --db "$db" --as ivanov --till gui-till shift open --float 1000 >/dev/null && ok "shift opened" || bad "no shift"
transfer=$(date -u -d '3 days' +%F)
cat > "$work/port.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "port_in", "msisdn": "8 903 111-22-33", "donor": "МТС", "desired_date": "$transfer", "tariff": "smart"},
           {"kind": "port_in", "msisdn": "+79031112244", "donor": "Билайн", "desired_date": "$transfer", "tariff": "smart"}],
 "paid_cash": ""}
JSON
"$cli" --db "$db" --as ivanov --till gui-till sale commit --draft "$work/port.json" >/dev/null &&
  ok "a sale filed two port-in requests" || bad "the port-in sale failed"

"$station" --db "$db" --lang en --till gui-till --login ivanov --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5
k() { xdotool key --delay 60 "$@"; sleep 0.4; }
status_of() { q "SELECT status FROM port_request WHERE msisdn = '$1'"; }

# The page through the navigation: the desk's pages come first (Sale, Shift, ...), then this one.
k ctrl+6; sleep 0.8
# The open requests are listed by transfer date, then number: +7 903 111-22-33 first, selected, and the
# list has the focus.
shot port-list
k alt+a; sleep 0.8
[ "$(status_of +79031112233)" = accepted ] && ok "Alt+A recorded the donor's consent" || bad "not accepted: $(status_of +79031112233)"
# The second request: refused by the donor, with its reason typed into the dialog (in Latin letters:
# xdotool now and then drops a Cyrillic one, as a clean-clone run showed with "оператром").
k Down
k alt+r; sleep 0.8
xdotool type --delay 25 "Debt to the donor operator"; sleep 0.2; k Return; sleep 0.8
[ "$(status_of +79031112244)" = rejected ] && ok "Alt+R recorded the refusal" || bad "not rejected: $(status_of +79031112244)"
[ "$(q "SELECT reason FROM port_request_change WHERE to_status = 'rejected'")" = "Debt to the donor operator" ] &&
  ok "the donor's reason is kept in the history" || bad "no reason in the history"
[ "$(q "SELECT COUNT(*) FROM audit_entry WHERE action IN ('port.accept', 'port.reject')")" = 2 ] &&
  ok "both answers are journaled" || bad "the journal lacks an answer"
shot port-answered
# The accepted request is still open and now selected: its history names who recorded the consent.
kill $pid 2>/dev/null; wait $pid 2>/dev/null
grep -qi "error\|assert" "$work/station.log" && bad "the station logged an error: $(head -c 300 "$work/station.log")" ||
  ok "no error in the station's log"
gui_test_summary
