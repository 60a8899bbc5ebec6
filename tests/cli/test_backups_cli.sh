#!/usr/bin/env bash
# salon-cli db backup-settings | backups | backup-now | backup-due | restore, and the backup after a shift
# close: settings only an administrator changes (journaled), encrypted backups (a wrong passphrase and a
# changed byte refused with nothing touched), retention that deletes only this program's old files, never
# the newest, and a restore into a database that does not exist yet. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
unset SALON_BACKUP_PASSPHRASE SALON_BACKUP_KEY_FILE
run() { "$cli" --db "$db" --lang en --till till-9 "$@"; }
on_pg() { [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; }
sql() { if on_pg; then psql "$db" -qAtc "$1"; else sqlite3 "$work/salon.db" "$1"; fi; }
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: '$2' is not '$3'"; fi; }
if on_pg; then ext=dump; else ext=db; fi

expect 0 "demo seed" -- run demo seed --days 0
expect 0 "no folder yet" -- run db backup-settings
contains "none chosen" "none chosen: no automatic backups"
expect 1 "a specialist may not change them" -- run --as ivanov db backup-settings --folder "$work/backups"
contains "permission" "you do not have this permission"
expect 1 "changes need --as" -- run db backup-settings --folder "$work/backups"
contains "asks who" "--as LOGIN"
expect 1 "a relative folder is refused" -- run --as admin db backup-settings --folder backups
contains "names the field" "Backup folder"
expect 1 "zero days refused" -- run --as admin db backup-settings --keep-days 0
contains "names the days" "Days to keep"
expect 1 "encryption without a passphrase" -- run --as admin db backup-settings --encrypt
contains "asks for it" "Passphrase"
expect 0 "set folder and days" -- run --as admin --json db backup-settings --folder "$work/backups" --keep-days 7
contains "folder as JSON" "\"folder\": \"$work/backups\""
contains "days as JSON" '"keep_days": 7'
contains "plain" '"encrypt": false'
check "the folder is private" "$(stat -c %a "$work/backups")" 700
check "journaled" "$(sql "SELECT count(*) FROM audit_entry WHERE action = 'backup.settings'")" 1

# A backup after every shift close, once the close has committed.
expect 0 "open a shift" -- run --as ivanov shift open --float 1000
expect 0 "close it" -- run --as ivanov --json shift close --counted 1000
contains "closed with a backup" '"ok": true'
check "one backup in the folder" "$(ls "$work/backups" | grep -c "^salon-backup-.*\.$ext\$")" 1
check "its heads beside it" "$(ls "$work/backups" | grep -c "\.$ext\.heads\$")" 1
check "the backup is private" "$(stat -c %a "$work/backups"/salon-backup-*."$ext")" 600
check "journaled as made" "$(sql "SELECT count(*) FROM audit_entry WHERE action = 'backup.make' AND details LIKE 'reason=shift_close%'")" 1

# A folder that is gone (a file in its place) does not block the close: reported and journaled.
mv "$work/backups" "$work/backups.away"; : > "$work/backups"
expect 0 "open again" -- run --as ivanov shift open --float 1000
expect 0 "the close stands when the backup fails" -- run --as ivanov shift close --counted 1000
contains "the failure is said" "the backup after it failed"
check "the shift is closed" "$(sql "SELECT count(*) FROM shift WHERE closed_at IS NULL")" 0
check "the failure is journaled" "$(sql "SELECT count(*) FROM audit_entry WHERE action = 'backup.failed'")" 1
rm "$work/backups"; mv "$work/backups.away" "$work/backups"

# Not due: the newest is younger than a day.
expect 0 "backup-due says nothing is due" -- run db backup-due
contains "not due" "No backup is due."

# Encrypted backups: the passphrase's key is kept on this station (0600 in a 0700 folder).
printf 'correct horse battery\n' > "$work/pass"
printf 'wrong horse battery\n' > "$work/wrong"
expect 0 "turn encryption on" -- run --as admin db backup-settings --encrypt --passphrase-file "$work/pass"
contains "encrypted" "Encrypted: yes"
check "the key file is private" "$(stat -c %a "$work/config/salon-station/backup.key")" 600
check "its folder too" "$(stat -c %a "$work/config/salon-station")" 700
expect 0 "backup now" -- run --as admin --json db backup-now
contains "encrypted" '"encrypted": true'
enc=$(ls "$work/backups"/*.enc | head -1)
check "no heads beside an encrypted one" "$(ls "$work/backups" | grep -c '\.enc\.heads$')" 0
if strings "$enc" | grep -q "audit_entry\|CREATE TABLE"; then failed=$((failed + 1)); echo "FAIL: plain text in $enc"; else passed=$((passed + 1)); fi
expect 0 "list" -- run --as admin --json db backups
contains "lists the encrypted one" "\"file\": \"$enc\""
contains "size" '"size": '
check "two backups listed" "$(run --as admin --json db backups | grep -c '"time"')" 2

dealers=$(sql 'SELECT count(*) FROM dealer')
entries=$(sql 'SELECT count(*) FROM audit_entry')
expect 1 "a wrong passphrase is refused" -- run db restore "$enc" --passphrase-file "$work/wrong"
contains "says so" "wrong passphrase"
check "nothing touched (dealers)" "$(sql 'SELECT count(*) FROM dealer')" "$dealers"
check "nothing touched (journal)" "$(sql 'SELECT count(*) FROM audit_entry')" "$entries"
cp "$enc" "$work/tampered.$ext.enc"
size=$(stat -c %s "$enc")
printf '\x00' | dd of="$work/tampered.$ext.enc" bs=1 seek=$((size / 2)) conv=notrunc status=none
cmp -s "$enc" "$work/tampered.$ext.enc" || printf '\xff' | dd of="$work/tampered.$ext.enc" bs=1 seek=$((size / 2)) conv=notrunc status=none
expect 1 "a changed byte is refused" -- run db restore "$work/tampered.$ext.enc" --passphrase-file "$work/pass"
contains "says so" "changed or damaged"
check "nothing touched (journal, after the changed byte)" "$(sql 'SELECT count(*) FROM audit_entry')" "$entries"
head -c $((size - 100)) "$enc" > "$work/cut.$ext.enc"
expect 1 "a file cut short is refused" -- run db restore "$work/cut.$ext.enc" --passphrase-file "$work/pass"
contains "says so" "cut short"

# Restore into a database that does not exist yet, with the passphrase from the environment.
if on_pg; then
  fresh_name="salon_fresh_$$_$RANDOM"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $fresh_name" >/dev/null
  fresh="$SALON_TEST_PG dbname=$fresh_name"
  fsql() { psql "$fresh" -qAtc "$1"; }
else
  fresh="sqlite:$work/new/fresh.db"
  fsql() { sqlite3 "$work/new/fresh.db" "$1"; }
fi
expect 0 "restore an encrypted backup into a new database" -- env SALON_BACKUP_PASSPHRASE='correct horse battery' \
  "$cli" --db "$fresh" --lang en db restore "$enc"
contains "into a new one" "into a new database"
contains "what was verified" "the audit journal"
check "the dealers are there" "$(fsql 'SELECT count(*) FROM dealer')" "$dealers"
expect 0 "its journal verifies" -- "$cli" --db "$fresh" --lang en audit verify
if ! on_pg; then
  check "the new file is private" "$(stat -c %a "$work/new/fresh.db")" 600
  expect 1 "a refused restore leaves no new file" -- env SALON_BACKUP_PASSPHRASE='wrong horse battery' \
    "$cli" --db "sqlite:$work/new/other.db" --lang en db restore "$enc"
  check "no file left" "$(ls "$work/new" | grep -c other)" 0
else
  psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $fresh_name WITH (FORCE)" >/dev/null
fi
# On this station the key opens it without a passphrase, and the replaced database is kept aside.
expect 0 "restore in place with the station's key" -- run --json db restore "$enc"
contains "encrypted" '"encrypted": true'
contains "kept aside" '"kept_aside": "'
if on_pg; then
  # The replaced database lies beside the encrypted backups: sealed like them, no plain dump left there.
  contains "kept aside encrypted" '.dump.enc"'
  check "no plain dump kept aside" "$(ls "$work/backups" | grep -c 'before-restore.*\.dump$')" 0
fi

# Retention: only this program's files older than the days to keep, never the newest.
old1="$work/backups/salon-backup-20200101-000000.$ext"
cp "$(ls "$work/backups"/salon-backup-*."$ext" | head -1)" "$old1"
touch "$old1.heads"
printf 'not a backup' > "$work/backups/salon-backup-20200102-000000.$ext"
printf 'notes' > "$work/backups/notes.txt"
expect 0 "another backup applies the retention" -- run --as admin db backup-now
contains "deleted the old one" "Deleted $old1"
check "the old one is gone" "$(ls "$work/backups" | grep -c 20200101)" 0
check "a file that is not ours stays" "$(ls "$work/backups" | grep -c 20200102)" 1
check "other files stay" "$(ls "$work/backups" | grep -c notes.txt)" 1

cli_test_summary test_backups_cli
