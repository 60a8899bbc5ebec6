#!/usr/bin/env bash
# GUI smoke test under Xvfb: the station starts on a demo database, the sign-in window appears, a wrong
# password is refused (and audited) and the window stays, the right one opens the main window.
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"

"$station" --db "$db" --lang en > "$work/station.log" 2>&1 &
pid=$!
login=$(timeout 20 xdotool search --sync --onlyvisible --name "sign in" | head -n 1)
if [ -n "$login" ]; then ok "the sign-in window appears"; else bad "no sign-in window"; shot no-login; kill $pid; exit 1; fi
shot login

# Wrong password: refused, the sign-in window stays
xdotool windowactivate --sync "$login" 2>/dev/null || xdotool windowfocus --sync "$login"
xdotool type --delay 20 "ivanov"; xdotool key Tab; xdotool type --delay 20 "wrong-password"; xdotool key Return
sleep 2
if xdotool search --onlyvisible --name "sign in" >/dev/null && ! xdotool search --onlyvisible --name "^Salon Station — Иванов" >/dev/null; then
  ok "a wrong password keeps the sign-in window"
else
  bad "a wrong password was accepted"
fi
shot wrong-password

# Right password: the main window opens (the login field keeps its text; the password was cleared)
xdotool type --delay 20 "demo1234"; xdotool key Return
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — Иванов" | head -n 1)
if [ -n "$main" ]; then ok "the main window opens after signing in"; else bad "no main window"; fi
sleep 1
shot main
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
# The refused password went into the audit journal, with the key the demo seed made in $XDG_CONFIG_HOME.
if "$cli" --db "$db" --json audit list | grep -qF '"action": "sign_in.refused"' &&
   "$cli" --db "$db" audit verify >/dev/null; then
  ok "the refused sign-in is audited"
else
  bad "the refused sign-in is not in the audit journal"
fi
gui_test_summary
