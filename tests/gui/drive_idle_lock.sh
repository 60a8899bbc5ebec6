#!/usr/bin/env bash
# GUI test under Xvfb of the idle lock and the quick switch: ivanov's unsaved form is hidden behind the
# sign-in window after the idle period, volkova then gets her own window without it, and ivanov, signing in
# again after Switch person (Ctrl+L), finds his window with the typed text still there.
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
# The visible main windows (titled "Salon Station — <the person's name>"), one id a line.
main_windows() {
  local w
  for w in $(xdotool search --onlyvisible --name "^Salon Station — " 2>/dev/null); do
    xdotool getwindowname "$w" | grep -q "sign in" || echo "$w"
  done
}
# Their titles.
main_titles() {
  local w
  for w in $(main_windows); do xdotool getwindowname "$w"; done
}
# Signs in through the sign-in window (waits for it); prints its window id.
sign_in() {
  local login
  login=$(timeout 20 xdotool search --sync --onlyvisible --name "sign in" | head -n 1)
  [ -n "$login" ] || return 1
  xdotool windowactivate --sync "$login" 2>/dev/null || xdotool windowfocus --sync "$login"
  sleep 0.3
  xdotool type --delay 20 "$1"; xdotool key Tab; xdotool type --delay 20 "$2"; xdotool key Return
  echo "$login"
}
# Waits up to $2 seconds for a visible main window whose title holds $1; prints its id.
wait_main() {
  local i w
  for i in $(seq 1 $(($2 * 4))); do
    for w in $(main_windows); do
      if xdotool getwindowname "$w" | grep -qF "$1"; then echo "$w"; return 0; fi
    done
    sleep 0.25
  done
  return 1
}
# The text the window's focused input holds: copied with Ctrl+A, Ctrl+C and read from the clipboard.
focused_text() {
  xdotool key ctrl+a; xdotool key ctrl+c; sleep 0.3
  timeout 5 xclip -o -selection clipboard 2>/dev/null || echo ""
}

"$station" --db "$db" --lang en --idle-seconds 3 > "$work/station.log" 2>&1 &
pid=$!

sign_in ivanov demo1234 >/dev/null || { bad "no sign-in window"; shot no-login; kill $pid; exit 1; }
ivanov=$(wait_main "Иванов" 20)
if [ -n "$ivanov" ]; then ok "ivanov's window opens, titled with his name"; else bad "no window for ivanov"; shot no-ivanov; kill $pid; exit 1; fi
xdotool windowactivate --sync "$ivanov" 2>/dev/null || xdotool windowfocus --sync "$ivanov"
sleep 0.5
# The Sale page (Ctrl+1), its search box (Ctrl+F), something typed and not searched for; then no input at
# all. (A specialist is shown no administration page, so no form of those.)
xdotool key ctrl+1; sleep 0.5; xdotool key ctrl+f; sleep 0.5
xdotool type --delay 20 "unsaved-work"
sleep 0.3
shot ivanov-typing
sleep 5
if xdotool search --onlyvisible --name "sign in" >/dev/null && [ -z "$(main_titles)" ]; then
  ok "after the idle period the sign-in window is back and ivanov's window is hidden"
else
  bad "no idle lock: visible main windows: $(main_titles | tr '\n' ';')"
fi
shot locked

sign_in volkova demo1234 >/dev/null || bad "no sign-in window for volkova"
volkova=$(wait_main "Волкова" 20)
titles=$(main_titles)
if [ -n "$volkova" ] && [ "$(printf '%s\n' "$titles" | grep -c .)" -eq 1 ]; then
  ok "volkova gets her own window, and only hers is visible"
else
  bad "volkova's window: [$volkova], visible: $(printf '%s' "$titles" | tr '\n' ';')"
fi
if [ -n "$volkova" ] && [ "$volkova" != "$ivanov" ]; then ok "volkova's window is not ivanov's"; else bad "volkova sees ivanov's window"; fi
if [ -n "$volkova" ]; then
  xdotool windowactivate --sync "$volkova" 2>/dev/null || xdotool windowfocus --sync "$volkova"
  sleep 0.3
  xdotool key ctrl+1; sleep 0.5
  shot volkova
  # Her page has its own search box: empty, nothing of ivanov's typing.
  xdotool key ctrl+f; sleep 0.5
  text=$(focused_text)
  if [ "$text" != "unsaved-work" ]; then ok "volkova's form does not hold ivanov's text"; else bad "volkova sees ivanov's unsaved text"; fi
fi

# Switch person at once, ivanov signs in again: his window with his typing comes back.
xdotool key ctrl+l
sleep 1
if xdotool search --onlyvisible --name "sign in" >/dev/null && [ -z "$(main_titles)" ]; then
  ok "Switch person (Ctrl+L) hides volkova's window behind the sign-in window"
else
  bad "Ctrl+L did not switch: visible: $(main_titles | tr '\n' ';')"
fi
sign_in ivanov demo1234 >/dev/null || bad "no sign-in window after the switch"
again=$(wait_main "Иванов" 20)
if [ -n "$again" ] && [ "$again" = "$ivanov" ]; then ok "ivanov's own window comes back"; else bad "ivanov's window did not come back: [$again] vs [$ivanov]"; fi
sleep 0.5
shot ivanov-back
if [ -n "$again" ]; then
  xdotool windowactivate --sync "$again" 2>/dev/null || xdotool windowfocus --sync "$again"
  sleep 0.3
  text=$(focused_text)
  if [ "$text" = "unsaved-work" ]; then ok "his unsaved text is still in the form"; else bad "the unsaved text is lost: [$text]"; fi
fi

# Quit closes every window, volkova's hidden one too, and the station ends.
xdotool key ctrl+q
for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$pid" 2>/dev/null; then bad "Quit left the station running"; kill "$pid"; else ok "Quit ends the station"; fi
wait "$pid" 2>/dev/null
gui_test_summary
