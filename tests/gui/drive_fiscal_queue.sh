#!/usr/bin/env bash
# GUI test of the fiscal registrar's page (R-POS-10): with the emulator's paper out, two sales at ivanov's
# till are committed and queued; the page names the emulator, lists both receipts with the registrar's
# answer; once the paper is back, a sale at the desk's till fiscalises the whole queue. Runs inside Xvfb,
# started by run_under_xvfb.sh. With SALON_SCREENSHOT_DIR=DIR it saves fiscal-queue.png there.
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
c() { "$cli" --db "$db" --as ivanov --till gui-till "$@"; }
c shift open --float 1000 >/dev/null && ok "shift opened" || bad "no shift"
salon=$("$cli" --db "$db" --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
"$cli" --db "$db" --as admin stock receive --salon "$salon" --iccid 89701990000000000017 --msisdn "+7 999 123-45-67" >/dev/null
cat > "$work/sim.json" <<'JSON'
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "89701990000000000017", "tariff": "smart"}], "paid_cash": "100"}
JSON
echo '{"lines": [{"kind": "top_up", "msisdn": "+79991234567", "amount": "500"}], "paid_cash": "500"}' > "$work/top_up.json"
c fiscal fault paper_out >/dev/null && ok "the emulator's paper is out" || bad "fault not set"
c sale commit --draft "$work/sim.json" >/dev/null && ok "a SIM sale committed" || bad "the SIM sale failed"
c sale commit --draft "$work/top_up.json" >/dev/null && ok "a top-up committed" || bad "the top-up failed"
[ "$(q "SELECT COUNT(*) FROM sale WHERE fiscal_state = 'failed'")" = 2 ] && ok "both wait for the registrar" || bad "not queued"

"$station" --db "$db" --lang ru --till gui-till --login ivanov --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5
k() { xdotool key --delay 60 "$@"; sleep 0.4; }
# The desk's pages: Sale, Shift, Dashboard, Sales and refunds, SIM stock, Port-in requests, then this one.
k ctrl+shift+f; sleep 1.5
shot fiscal-queue
[ -n "${SALON_SCREENSHOT_DIR:-}" ] && cp "$work/fiscal-queue.png" "$SALON_SCREENSHOT_DIR/fiscal-queue.png"
kill $pid 2>/dev/null; wait $pid 2>/dev/null

c fiscal fault none >/dev/null
c fiscal retry >/dev/null
[ "$(q "SELECT COUNT(*) FROM sale WHERE fiscal_state = 'fiscalised'")" = 2 ] && ok "both fiscalised on retry" || bad "still queued"
grep -qi "error\|assert" "$work/station.log" && bad "the station logged an error: $(head -c 300 "$work/station.log")" ||
  ok "no error in the station's log"
gui_test_summary
