#!/usr/bin/env bash
# The first-run wizard under Xvfb, on a machine with no database yet: it opens instead of the sign-in
# window; Cancel creates nothing (no file, no setting); a mismatched password is shown beside its field;
# Finish sets the database up and opens the sign-in window, where the administrator signs in; the next
# start goes straight to the sign-in window (shown once). Screenshots of every page land in
# $SALON_WIZARD_SHOTS when it is set (the README's), else in the test's folder.
# usage: test_first_run_wizard.sh SALON_STATION SALON_CLI
set -u
station=${1:?salon-station}
cli=${2:?salon-cli}
if [ -z "${SALON_WIZARD_IN_XVFB:-}" ]; then
  SALON_WIZARD_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1024x768x24" "$0" "$@"
fi
work=$(mktemp -d /tmp/salon-wizard-test-XXXXXX)
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset SALON_DB SALON_AUDIT_KEY_FILE
shots=${SALON_WIZARD_SHOTS:-$work}
mkdir -p "$shots"
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
shot() { sleep 0.7; import -window root "$shots/$1.png" 2>/dev/null; }
file=$XDG_DATA_HOME/salon-station/salon.db
wizard_window() { timeout 20 xdotool search --sync --onlyvisible --name "первый запуск" | head -n 1; }
focus() { xdotool windowactivate --sync "$1" 2>/dev/null || xdotool windowfocus --sync "$1"; }
type_text() { xdotool type --delay 90 "$1"; }  # slower: Cyrillic letters are remapped one by one
finish() {
  echo "gui: $passed passed, $failed failed"
  if [ "$failed" -eq 0 ]; then rm -rf "$work"; exit 0; fi
  echo "screenshots and log kept in $work"; exit 1
}

# 1. Cancel: the wizard appears instead of the sign-in window and leaves nothing behind.
"$station" --lang ru > "$work/station-cancel.log" 2>&1 &
pid=$!
wizard=$(wizard_window)
if [ -n "$wizard" ]; then ok "an empty machine opens the wizard"; else bad "no wizard"; shot no-wizard; kill $pid; finish; fi
xdotool search --onlyvisible --name "вход" >/dev/null && bad "the sign-in window shows too" || ok "no sign-in window"
focus "$wizard"
xdotool key Return; sleep 1
type_text "ООО Отменённый"
xdotool key Escape
for i in $(seq 1 20); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then bad "Cancel did not end the station"; kill $pid; else ok "Cancel ends the station"; fi
[ ! -e "$file" ] && ok "Cancel created no database file" || bad "Cancel left $file"
grep -qs '^database' "$XDG_CONFIG_HOME/salon-station/station.conf" && bad "Cancel kept a database setting" ||
  ok "Cancel kept no setting"

# 2. The whole way, with one mistake on the last page.
"$station" --lang ru > "$work/station.log" 2>&1 &
pid=$!
wizard=$(wizard_window)
[ -n "$wizard" ] && ok "the wizard opens again" || { bad "no wizard the second time"; kill $pid; finish; }
focus "$wizard"
shot wizard-1-database
xdotool key Return; sleep 1
type_text "ООО «Первый»"; xdotool key Tab
type_text "7730543210"; xdotool key Tab
type_text "1237700543211"; xdotool key Tab
type_text "773001001"
shot wizard-2-dealer
xdotool key Return; sleep 1
type_text "Салон на Тверской"; xdotool key Tab
type_text "Москва, Тверская ул., 1"
shot wizard-3-salon
xdotool key Return; sleep 1
type_text "admin"; xdotool key Tab
type_text "Админова Анна Петровна"; xdotool key Tab
type_text "first-run-1"; xdotool key Tab
type_text "first-run-2"
xdotool key Return; sleep 2
if [ -n "$(xdotool search --onlyvisible --name "первый запуск" 2>/dev/null)" ]; then
  ok "a mismatched password keeps the wizard"
else
  bad "a mismatched password closed the wizard"
fi
shot wizard-4-admin-error
n=$("$cli" --db "sqlite:$file" --json staff list 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo 0)
[ "$n" = 0 ] && ok "nothing created by the refused finish" || bad "the refused finish created $n people"
# The focus is on the field the error is about: type the password again there.
xdotool key ctrl+a; type_text "first-run-1"
shot wizard-4-admin
xdotool key Return
login=$(timeout 30 xdotool search --sync --onlyvisible --name "вход" | head -n 1)
if [ -n "$login" ]; then ok "Finish opens the sign-in window"; else bad "no sign-in window after Finish"; shot no-login; fi
shot wizard-5-sign-in
[ -z "$(xdotool search --onlyvisible --name "первый запуск" 2>/dev/null)" ] && ok "the wizard is gone" || bad "the wizard stays"
focus "$login"
type_text "admin"; xdotool key Tab; type_text "first-run-1"; xdotool key Return
main=$(timeout 20 xdotool search --sync --onlyvisible --name "Админова" | head -n 1)
[ -n "$main" ] && ok "the administrator signs in" || { bad "the administrator's main window did not open"; shot no-main; }
kill $pid 2>/dev/null; wait $pid 2>/dev/null

out=$("$cli" --db "sqlite:$file" --json setup --check-db 2>&1)
grep -qF '"set_up": true' <<<"$out" && ok "the database is set up" || bad "not set up: $out"
out=$("$cli" --db "sqlite:$file" --json salon list 2>&1)
grep -qF '"time_zone": "Europe/Moscow"' <<<"$out" && ok "the salon in Moscow's time zone" || bad "salon: $out"
grep -qs "^database=sqlite:$file" "$XDG_CONFIG_HOME/salon-station/station.conf" && ok "the chosen database is kept" ||
  bad "no database setting kept"

# 3. Shown once: the next start goes straight to the sign-in window.
"$station" --lang ru > "$work/station-again.log" 2>&1 &
pid=$!
login=$(timeout 20 xdotool search --sync --onlyvisible --name "вход" | head -n 1)
[ -n "$login" ] && ok "the next start shows the sign-in window" || bad "no sign-in window on the next start"
[ -z "$(xdotool search --onlyvisible --name "первый запуск" 2>/dev/null)" ] && ok "no wizard the next time" ||
  bad "the wizard came back"
kill $pid 2>/dev/null; wait $pid 2>/dev/null
finish
