#!/usr/bin/env bash
# GUI test: the administrator's File menu opens the backup settings (folder chooser, days, encryption with
# a passphrase twice), and restores an encrypted backup whose key this station does not keep: the file
# chosen, its passphrase asked, a confirmation naming what is replaced, what was verified shown, then the
# station closes. (The checks themselves are proven in
# tests/pos_core/backup/test_backups.cpp and tests/cli/test_backups_cli.sh.)
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
export SALON_PASSWORD=demo1234

"$cli" --db "$db" --lang en --as admin db backup-settings --folder "$work/backups" --keep-days 14 >/dev/null ||
  bad "the settings could not be set"
"$cli" --db "$db" --lang en --as admin db backup-now >/dev/null || bad "no backup to restore"
backup=$(ls "$work/backups"/salon-backup-*.db | head -n 1)

"$station" --db "$db" --lang en --login admin --password demo1234 > "$work/station.log" 2>&1 &
pid=$!
main=$(timeout 20 xdotool search --sync --onlyvisible --name "^Salon Station — " | head -n 1)
[ -n "$main" ] && ok "the administrator's window opens" || { bad "no main window"; kill $pid; gui_test_summary; exit 1; }
xdotool windowfocus --sync "$main" 2>/dev/null
sleep 0.5

# File > Backup settings…
xdotool key alt+f; sleep 0.5; xdotool key t
dialog=$(timeout 10 xdotool search --sync --onlyvisible --name "^Backup settings$" | head -n 1)
[ -n "$dialog" ] && ok "the settings dialog opens" || bad "no settings dialog"
sleep 1
# Alt+E ticks the encryption box (and takes the focus there); then the passphrase twice.
xdotool key alt+e; sleep 0.3
xdotool type --delay 5 "correct horse"; xdotool key Tab; xdotool type --delay 5 "correct horse"
sleep 0.5
shot backup-settings
xdotool key Escape; sleep 0.5

# An encrypted backup made elsewhere: this station does not keep its key, so the restore asks for the
# passphrase.
printf 'correct horse battery\n' > "$work/pass"
"$cli" --db "$db" --lang en --as admin db backup-settings --encrypt --passphrase-file "$work/pass" >/dev/null ||
  bad "encryption could not be set"
"$cli" --db "$db" --lang en --as admin db backup-now >/dev/null || bad "no encrypted backup"
backup=$(ls "$work/backups"/salon-backup-*.enc | head -n 1)
rm -f "$XDG_CONFIG_HOME/salon-station/backup.key"
# One file in the folder: the chooser's completion of a name shared by two would interleave with the typing.
rm -f "$work/backups"/salon-backup-*.db "$work/backups"/salon-backup-*.db.heads

# File > Restore from backup…: the file typed into the chooser, the passphrase, then the confirmation.
xdotool key alt+f; sleep 0.5; xdotool key r
chooser=$(timeout 10 xdotool search --sync --onlyvisible --name "^Choose the backup to restore$" | head -n 1)
[ -n "$chooser" ] && ok "the file chooser opens" || bad "no file chooser"
sleep 1.5
# The chooser opens in the backup folder: the file's name is enough (a whole path races the completion).
xdotool key ctrl+l; sleep 1; xdotool type --delay 10 "$(basename "$backup")"; sleep 1; xdotool key Return
asked=$(timeout 10 xdotool search --sync --onlyvisible --name "^Restore from backup$" | head -n 1)
[ -n "$asked" ] && ok "the passphrase is asked" || bad "no passphrase asked"
sleep 1
shot backup-restore-passphrase
xdotool type --delay 10 "correct horse battery"; xdotool key Return
sleep 2
shot backup-restore-confirm
xdotool key alt+r; sleep 3
shot backup-restore-done
"$cli" --db "$db" --json audit list | grep -qF '"action": "database.restore"' && ok "the restore is journaled" ||
  bad "the restore is not in the journal"
xdotool key Return
for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && { bad "the station did not close after the restore"; kill "$pid"; } ||
  ok "the station closes after the restore"
wait "$pid" 2>/dev/null
"$cli" --db "$db" audit verify >/dev/null && ok "the restored journal verifies" || bad "the journal does not verify"
gui_test_summary
