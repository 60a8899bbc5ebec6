#!/usr/bin/env bash
# GUI test: the administrator grants salon specialists the right to refund from the Permissions page, by
# keyboard only, and the grant is stored and journaled. (That core refuses the change to anyone without
# the right to administer the database is proven in tests/pos_core/organisation/test_access.cpp.)
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"

granted() { "$cli" --db "$db" --json permission list | tr -d ' \n' | grep -qF '{"permission":"refund","role":"specialist"}'; }

"$station" --db "$db" --lang en --login admin --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the administrator's window opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null
granted && bad "specialists could refund before the test" || ok "specialists cannot refund at first"
# Ctrl+0 opens Permissions (its own key for every role); Tab to the role (Salon specialist is first), Tab to
# the list, third entry: Refund.
xdotool key ctrl+0; sleep 0.5
xdotool key Tab; sleep 0.2; xdotool key Tab; sleep 0.2
xdotool key Home Down Down; sleep 0.2; xdotool key space; sleep 1
shot permissions
granted && ok "ticking Refund granted it" || bad "the grant was not stored"
"$cli" --db "$db" --json audit list | grep -qF '"action": "permission.grant"' && ok "the grant is journaled" ||
  bad "the grant is not in the journal"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
gui_test_summary
