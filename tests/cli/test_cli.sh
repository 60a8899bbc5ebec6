#!/usr/bin/env bash
# salon-cli end to end, as a script or an operator would use it: exit codes (0 done, 1 refused, 2 usage),
# messages in both languages, and that a failed command creates or changes nothing.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234  # the changes act --as admin (the demo's, or the first account below)

# validate: the issue's own examples, in English and in Russian (the default)
expect 0 "valid INN" -- "$cli" validate inn 7707083893
contains "valid INN normalised" "7707083893"
expect 1 "INN with a wrong check digit" -- "$cli" --lang en validate inn 7707083894
contains "reason in English" "INN: "
contains "reason names the check digit" "check digit"
expect 1 "Russian by default" -- env -u LANG -u LC_ALL -u SALON_LANG "$cli" validate inn 7707083894
contains "Russian field name" "ИНН"
expect 0 "phone normalised" -- "$cli" validate msisdn "8 912 345-67-89"
contains "E.164 form" "+79123456789"
expect 0 "JSON output" -- "$cli" --json validate iccid 8970199170000000016
contains "JSON ok" '"ok": true'
expect 1 "bad ICCID in JSON" -- "$cli" --json --lang en validate iccid 8970199170000000017
contains "JSON error" '"ok": false'

# usage errors exit 2
expect 2 "no verb" -- "$cli"
expect 2 "unknown verb" -- "$cli" frobnicate
expect 2 "unknown kind" -- "$cli" validate colour red
expect 2 "missing value" -- "$cli" validate inn
expect 0 "help" -- "$cli" db --help

# database refusals: exit 1, nothing created
expect 1 "unknown scheme" -- "$cli" --lang en --db mysql://localhost/x db status
contains "names the field" "Database URL: unknown scheme"
expect 1 "missing file" -- "$cli" --lang en --db "sqlite:$work/none/salon.db" db status
contains "says no file" "There is no database file"
[ ! -e "$work/none" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: folder created"; }
printf 'garbage%.0s' {1..500} > "$work/corrupt.db"
before=$(md5sum < "$work/corrupt.db")
expect 1 "corrupt file" -- "$cli" --lang en --db "sqlite:$work/corrupt.db" db migrate
contains "says damaged" "damaged"
[ "$(md5sum < "$work/corrupt.db")" = "$before" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: corrupt file changed"; }
expect 1 "unreachable PostgreSQL" -- "$cli" --lang en --db "host=$work/nopg port=1 dbname=x" db status
contains "says cannot connect" "Cannot connect to PostgreSQL"

# the life of a database
expect 0 "migrate" -- "$cli" --db "$db" db migrate
expect 0 "status" -- "$cli" --db "$db" --json db status
contains "no pending" '"pending": []'
expect 0 "seed with two days of history" -- "$cli" --db "$db" --lang en demo seed --days 2
contains "history counted" "History of 2 days up to yesterday"
expect 0 "seed again" -- "$cli" --db "$db" --lang en demo seed
contains "second seed adds nothing" "nothing added"
expect 0 "dealers" -- "$cli" --db "$db" --json dealer list
[ "$(grep -c '"inn"' <<<"$out")" -eq 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 2 dealers"; }
expect 0 "salons" -- "$cli" --db "$db" salon list
contains "Vladivostok salon" "Asia/Vladivostok"
expect 0 "staff" -- "$cli" --db "$db" --lang en staff list
contains "roles shown" "Head-office administrator"
expect 1 "bad time zone" -- "$cli" --db "$db" --lang en --as admin salon add --dealer 1 --name X --address Y --tz Mars/Base
contains "names the field" "Time zone:"
expect 0 "add salon" -- "$cli" --db "$db" --json --as admin salon add --dealer 1 --name "Омск, Ленина" --address "Омск, улица Ленина, 1" --tz Asia/Omsk
expect 1 "idle lock too short" -- "$cli" --db "$db" --lang en --as admin salon edit 1 --idle-lock 5
contains "names the field" "Idle lock:"
expect 0 "idle lock set" -- "$cli" --db "$db" --as admin salon edit 1 --idle-lock 300
expect 0 "idle lock listed" -- "$cli" --db "$db" --json salon list
contains "kept" '"idle_lock_seconds": 300'
expect 1 "duplicate salon" -- "$cli" --db "$db" --lang en --as admin salon add --dealer 1 --name "Омск, Ленина" --address A --tz Asia/Omsk
expect 0 "rename dealer" -- "$cli" --db "$db" --as admin dealer edit 1 --name "ООО «Связь-Ритейл Плюс»"
expect 0 "dealer renamed" -- "$cli" --db "$db" dealer list
contains "new name" "Связь-Ритейл Плюс"
expect 1 "staff without salon" -- "$cli" --db "$db" --lang en --as admin staff add --login newbie --name "Новиков" --role specialist --password longenough
contains "salon named" "Salon:"
expect 0 "check" -- "$cli" --db "$db" db check

# staff accounts: lock, unlock, reset, role, certification
expect 0 "lock" -- "$cli" --db "$db" --as admin staff lock 6
expect 0 "unlock" -- "$cli" --db "$db" --as admin staff unlock 6
expect 1 "weak temporary password" -- "$cli" --db "$db" --lang en --as admin staff reset-password 6 --password short
contains "names the password" "Password:"
expect 0 "reset password" -- "$cli" --db "$db" --as admin staff reset-password 6 --password temporary1
expect 0 "promote" -- "$cli" --db "$db" --json --as admin staff set-role 7 senior_specialist
expect 0 "promoted" -- "$cli" --db "$db" --json staff list
contains "senior now" '"career_level": "senior_specialist"'
expect 1 "certify in the future" -- "$cli" --db "$db" --lang en --as admin staff certify 7 --date 2099-01-01 --trainer trainer
contains "says future" "Date: cannot be in the future"
expect 1 "certify with a non-trainer" -- "$cli" --db "$db" --lang en --as admin staff certify 7 --date 2025-01-10 --trainer kim
contains "says not a trainer" "is not a trainer"
expect 0 "certify" -- "$cli" --db "$db" --as admin staff certify 7 --date 2025-01-10 --trainer trainer

# every change above was audited as the person who signed in, and a refused one wrote nothing
entries() { "$cli" --db "$db" --json audit list --limit 100000 | grep -c '"mac"'; }
before=$(entries)
expect 1 "refused certification" -- "$cli" --db "$db" --lang en --as admin staff certify 7 --date 2099-01-01
expect 1 "refused salon" -- "$cli" --db "$db" --lang en --as admin salon add --dealer 99 --name Z --address Z --tz Europe/Moscow
[ "$(entries)" -eq "$before" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a refusal was audited"; }
expect 0 "audit list" -- "$cli" --db "$db" --json audit list --limit 100000
for action in dealer.save salon.save staff.save staff.lock staff.unlock staff.reset_password certification.record; do
  contains "audited $action" "\"action\": \"$action\""
done
admin_id=$("$cli" --db "$db" --json staff list | tr -d ' \n' | grep -o '"id":[0-9]*,"login":"admin"' | grep -o '[0-9]\+')
contains "names the person" "\"actor_id\": $admin_id"
contains "the demo seed names the operating-system user" "os_user="
if grep -qF -- "temporary1" <<<"$out"; then failed=$((failed + 1)); echo "FAIL: a password in the journal"; else passed=$((passed + 1)); fi
expect 0 "audit verify" -- "$cli" --db "$db" --lang en audit verify
contains "journal intact" "The journal is intact"
[ -f "$work/config/salon-station/audit.key" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no key in XDG_CONFIG_HOME"; }

# backup and restore
expect 0 "backup" -- "$cli" --db "$db" db backup "$work/backup.bin"
expect 1 "backup never overwrites" -- "$cli" --db "$db" db backup "$work/backup.bin"
expect 0 "change after backup" -- "$cli" --db "$db" --as admin dealer edit 1 --name "После"
expect 0 "restore" -- "$cli" --db "$db" db restore "$work/backup.bin"
expect 0 "restored content" -- "$cli" --db "$db" dealer list
contains "name from the backup" "Связь-Ритейл Плюс"

# a database from a newer program is refused and not touched
if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  sqlite3 "$work/salon.db" "PRAGMA wal_checkpoint(TRUNCATE); INSERT INTO schema_migration VALUES (999, 'future', 0);" >/dev/null
  expect 1 "newer schema" -- "$cli" --lang en --db "$db" db status
  contains "says newer" "newer than this program"
fi

cli_test_summary "cli"
