#!/usr/bin/env bash
# GUI test of the fiscal desk's dialogs (R-POS-10), as a senior (volkova) in Russian: on the fiscal page F6
# opens the correction receipt's form; a correction typed there is recorded and registered, and its receipt
# is shown as printed; on the Shift
# page a shortfall at close (F9) opens the shortfall dialog, which asks a reason and a second senior's
# login and password, and keeps the shift open without them. Runs inside Xvfb (run_under_xvfb.sh). With
# SALON_SCREENSHOT_DIR=DIR it saves fiscal-correction.png and shift-shortfall.png there.
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
k() { xdotool key --delay 60 "$@"; sleep 0.4; }
t() { xdotool type --delay 25 "$1"; sleep 0.2; }
visible() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1; }
keep() { [ -n "${SALON_SCREENSHOT_DIR:-}" ] && cp "$work/$1.png" "$SALON_SCREENSHOT_DIR/$1.png"; }
"$cli" --db "$db" --as volkova --till gui-till shift open --float 1000 >/dev/null && ok "shift opened" || bad "no shift"

"$station" --db "$db" --lang ru --till gui-till --login volkova --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the desk opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null; sleep 0.5

# Ctrl+F on the Sale page goes to its search box; Ctrl+Shift+F, even from that box, opens the fiscal page.
# The text the focused input holds: copied with Ctrl+A, Ctrl+C and read from the clipboard.
focused_text() {
  xdotool key ctrl+a; xdotool key ctrl+c; sleep 0.3
  timeout 5 xclip -o -selection clipboard 2>/dev/null || echo ""
}
k ctrl+1; sleep 0.6; k ctrl+f; t "4510"
[ "$(focused_text)" = "4510" ] && ok "Ctrl+F on the Sale page goes to the search box" || bad "Ctrl+F did not reach the search box"
k ctrl+a; k BackSpace
# The correction: F6 on the fiscal page; the amount has the focus; the payment is chosen, never assumed.
k ctrl+shift+f; sleep 1.2
k F6; sleep 1
dialog=$(visible "^Чек коррекции")
[ -n "$dialog" ] && ok "Ctrl+Shift+F from the Sale page's search box opens the fiscal page (F6: the correction form)" ||
  bad "no correction form: Ctrl+Shift+F did not open the fiscal page"
# Fields by their place in the form (without a window manager, Tab order is not reliable under Xvfb).
eval "$(xdotool getwindowgeometry --shell "$dialog")"
echo "correction form at $X,$Y ${WIDTH}x$HEIGHT"
cl() { xdotool mousemove $((X + $1)) $((Y + $2)) click 1; sleep 0.5; }
t "150,00"
# The second row is the correction's type (tag 1173), the till's own by default: the rows below sit 40 lower.
cl 358 281; t "Регистратор не работал 05.12 с 12:00 до 12:40"
cl 358 314; t "17"
cl 358 347; t "05.12.2026"
cl 358 204; sleep 0.5; cl 358 207                      # the payment, which has no default: cash
sleep 0.5; shot fiscal-correction; keep fiscal-correction
cl $((WIDTH - 146)) $((HEIGHT - 30)); sleep 1.2        # "Register the correction", at the bottom right
[ "$(q "SELECT COUNT(*) FROM fiscal_correction WHERE amount = 15000 AND payment = 'cash' AND fiscal_state = 'fiscalised'")" = 1 ] &&
  ok "the correction is recorded and registered" || bad "correction: $(q "SELECT amount, payment, fiscal_state FROM fiscal_correction")"
# Its receipt follows as printed (54-FZ tags 1173/1174): the type, the basis, FN/FD/FP; Esc closes it.
receipt=$(visible "^Коррекция №")
[ -n "$receipt" ] && ok "the correction's receipt is shown" || bad "no correction receipt after F6"
sleep 0.4; shot correction-receipt-dialog
k Escape; sleep 0.6
[ -z "$(visible "^Коррекция №")" ] && ok "Esc closes it" || bad "the correction receipt stays open"

# The shortfall: 1 000 + 150 expected, 1 000 counted.
k ctrl+2; sleep 0.8
k F9; sleep 0.8; t "1000"; k Return; sleep 1
dialog=$(visible "^Закрытие смены: недостача")
[ -n "$dialog" ] && ok "a shortfall opens its dialog" || bad "no shortfall dialog"
t "Сдача выдана клиенту дважды"
k Tab; t "volkova"
k Tab; t "demo1234"; k Return; sleep 1
[ -z "$(q "SELECT closed_at FROM shift WHERE till = 'gui-till'")" ] && ok "her own confirmation is refused" || bad "closed on her own word"
sleep 0.4; shot shift-shortfall; keep shift-shortfall
k Escape; sleep 0.6
[ -z "$(q "SELECT closed_at FROM shift WHERE till = 'gui-till'")" ] && ok "cancel keeps the shift open" || bad "closed by cancel"
# A second senior (head office here) confirms: the shift closes with the reason kept.
k F9; sleep 0.8; t "1000"; k Return; sleep 1
t "Сдача выдана клиенту дважды"
k Tab; t "admin"; k Tab; t "demo1234"; k Return; sleep 1.5
[ "$(q "SELECT shortfall_reason FROM shift WHERE till = 'gui-till' AND closed_at IS NOT NULL")" = "Сдача выдана клиенту дважды" ] &&
  ok "a second senior's confirmation closes it with the reason" || bad "not closed: $(q "SELECT closed_at, shortfall_reason FROM shift")"
kill $pid 2>/dev/null; wait $pid 2>/dev/null
grep -qi "error\|assert" "$work/station.log" && bad "the station logged an error: $(head -c 300 "$work/station.log")" ||
  ok "no error in the station's log"
gui_test_summary
