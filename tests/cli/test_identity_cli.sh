#!/usr/bin/env bash
# Who acts at salon-cli, and how it fails. A given --as is signed in like the station's sign-in on every
# verb (a wrong password is refused, journaled and counted toward the lockout), its permissions and dealer
# scope apply, and a change without --as is refused (db, demo and bench excepted). A busy database, a full
# disk and every error under --json are reported in the user's words, with nothing lost.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server);
# the write lock and the full disk are SQLite's file and are tried there only.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
run() { "$cli" --db "$db" --lang en "$@"; }
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
logins() { "$cli" --db "$db" --json staff list | grep -c '"login"'; }

# Bootstrap: the first account of an empty database is made without --as, and must be head office's.
expect 0 "migrate" -- run db migrate
expect 1 "first account must be an administrator" -- run staff add --login first --name "Первый Пётр" --role trainer --password longenough1
contains "says which role" "head_office_admin"
expect 0 "first administrator without --as" -- run --json staff add --login boss --name "Главный Борис" --role head_office_admin --password longenough1
expect 1 "second account without --as refused" -- run staff add --login second --name "Второй Семён" --role head_office_admin --password longenough1
contains "asks who acts" "--as LOGIN"
expect 0 "demo data need no --as" -- run demo seed --days 2

# The issue's first command: a wrong password must not create a head-office administrator.
before=$(logins)
SALON_PASSWORD=wrong expect 1 "wrong password, staff add" -- run --as ivanov staff add --login intruder --name "Захватов Иван" --role head_office_admin --password longenough1
contains "refused as a sign-in" "Wrong login or password"
[ "$(logins)" -eq "$before" ] && ok || bad "a wrong password added a staff member"
# ... and the right password of a specialist has no manage_staff
SALON_PASSWORD=demo1234 expect 1 "a specialist may not add staff" -- run --as ivanov staff add --login intruder --name "Захватов Иван" --role head_office_admin --password longenough1
contains "names the permission" "you do not have this permission"
[ "$(logins)" -eq "$before" ] && ok || bad "a specialist added a staff member"

# The issue's second command: a dealer's manager sees only his own dealer's stock (salon 3 is Petrova's).
SALON_PASSWORD=demo1234 expect 1 "another dealer's stock" -- run --as kuznetsov stock list --salon 3
contains "as if it did not exist" "no salon with number 3"
SALON_PASSWORD=demo1234 expect 0 "his own dealer's stock" -- run --as kuznetsov stock list --salon 1
SALON_PASSWORD=wrong expect 1 "a read with a wrong password" -- run --as kuznetsov stock list --salon 1
contains "refused as a sign-in" "Wrong login or password"

# Every other verb that changes data needs --as, and says so, in JSON too.
expect 1 "dealer edit without --as" -- run dealer edit 1 --name "ООО «Без подписи»"
contains "asks who acts" "--as LOGIN"
expect 1 "permission grant without --as" -- run permission grant specialist refund
expect 1 "stock move without --as" -- run stock move --to 2 --reason test 8970199170000000016
expect 1 "JSON refusal" -- run --json dealer edit 1 --name "ООО «Без подписи»"
contains "error object" '"code": "refused"'
contains "message in it" '"message": "This verb changes data'
expect 0 "reads stay head office's view" -- run --json dealer list
grep -q "Без подписи" <<<"$out" && bad "a refused edit changed the dealer" || ok

# The journal names the person who signed in, never only the operating-system user.
SALON_PASSWORD=demo1234 expect 0 "admin renames a dealer" -- run --as admin dealer edit 1 --name "ООО «Связь-Ритейл»"
admin_id=$(run --json staff list | tr -d ' \n' | grep -o '"id":[0-9]*,"login":"admin"' | grep -o '[0-9]\+')
SALON_PASSWORD=demo1234 expect 0 "journal" -- run --json --as admin audit list --limit 1
contains "names the person" "\"actor_id\": $admin_id"
contains "the change" '"action": "dealer.save"'
grep -q "os_user" <<<"$out" && bad "the entry names only the OS user" || ok
SALON_PASSWORD=demo1234 expect 1 "a specialist may not read the journal" -- run --as ivanov audit list

# Five wrong passwords at the command line lock the login, as at the station, and are journaled.
for i in 1 2 3 4 5; do
  SALON_PASSWORD=wrong expect 1 "wrong password $i" -- run --as belov stock list --salon 1
done
SALON_PASSWORD=demo1234 expect 1 "locked after five" -- run --as belov queue list
contains "says locked" "Too many failed attempts"
SALON_PASSWORD=demo1234 expect 0 "journal of refusals" -- run --json --as admin audit list --limit 10
contains "refusal journaled" '"action": "sign_in.refused"'
contains "lock journaled" "login_locked_now"

# JSON errors: input, usage, and the older input contract ("ok", "input") kept beside the error object.
expect 1 "JSON input error" -- run --json validate inn 7707083894
contains "input code" '"code": "input"'
expect 2 "JSON usage error" -- run --json frobnicate
contains "usage code" '"code": "usage"'
expect 1 "JSON not seen" -- "$cli" --db "sqlite:$work/none.db" --json --lang en db status
contains "database code" '"code": "database"'

if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  file=${db#sqlite:}
  # Another program holds the write lock: reads go on, a change waits its timeout and says so.
  hold_lock() {  # holds BEGIN IMMEDIATE for $1 seconds; returns once the lock is taken
    rm -f "$work/locked"
    { echo "BEGIN IMMEDIATE;"; echo ".shell touch $work/locked"; sleep "$1"; echo "ROLLBACK;"; } \
      | sqlite3 "$file" >/dev/null &
    holder=$!
    for _ in $(seq 50); do [ -e "$work/locked" ] && return; sleep 0.1; done
    bad "the lock holder did not start"
  }
  hold_lock 20
  export SALON_BUSY_TIMEOUT=1
  expect 0 "sales list under another's write lock" -- run sales list --from 2020-01-01 --to 2099-12-31
  expect 0 "audit verify under another's write lock" -- run audit verify
  SALON_PASSWORD=demo1234 expect 0 "a signed-in read under the lock" -- run --as admin audit verify
  SALON_PASSWORD=demo1234 expect 1 "a change under the lock" -- run --as admin dealer edit 1 --name "ООО «Занято»"
  # Who holds the lock is named from the kernel's lock table: here the sqlite3 shell holding it.
  contains "busy, with who and what it waited for" "The database is busy: sqlite3 (PID $holder) has held it for writing for 1 s; nothing was saved"
  SALON_PASSWORD=demo1234 expect 1 "a shift under the lock, JSON" -- run --json --as ivanov --till busy-till shift open --float 1000
  contains "busy code" '"code": "database_busy"'
  contains "busy message" '"message": "The database is busy'
  grep -qi "database is locked\|sqlite_busy\|sqlite3_\|soci" <<<"$out" && bad "raw SQLite text shown" || ok
  SALON_PASSWORD=demo1234 expect 1 "in Russian" -- "$cli" --db "$db" --lang ru --as admin dealer edit 1 --name "ООО «Занято»"
  contains "Russian busy message" "База данных занята"
  unset SALON_BUSY_TIMEOUT
  kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
  expect 0 "nothing was saved" -- run --json dealer list
  grep -q "Занято" <<<"$out" && bad "a busy change was saved" || ok

  # A full disk: the database on a small tmpfs, the rest of it filled. Needs the right to mount.
  mnt=$work/small
  mkdir -p "$mnt"
  if mount -t tmpfs -o size=8M tmpfs "$mnt" 2>/dev/null; then
    trap 'umount "$mnt" 2>/dev/null; rm -rf "$work"' EXIT
    full="sqlite:$mnt/salon.db"
    expect 0 "seed on the small disk" -- "$cli" --db "$full" demo seed --days 0
    sales_before=$("$cli" --db "$full" --json dealer list | grep -c '"inn"')
    dd if=/dev/zero of="$mnt/filler" bs=64K 2>/dev/null
    SALON_PASSWORD=demo1234 expect 1 "a change on a full disk" -- "$cli" --db "$full" --lang en --json --as admin salon add --dealer 1 --name "Полный диск" --address "Томск, проспект Ленина, 1" --tz Asia/Tomsk
    contains "full code" '"code": "disk_full"'
    contains "full message" "The disk is full: nothing was saved"
    grep -q "damaged\|INSERT\|Полный" <<<"$out" && bad "full disk shown as damage or raw SQL" || ok
    SALON_PASSWORD=demo1234 expect 1 "in Russian" -- "$cli" --db "$full" --lang ru --as admin salon add --dealer 1 --name "Полный диск" --address "Томск, проспект Ленина, 1" --tz Asia/Tomsk
    contains "Russian full message" "Диск заполнен"
    rm -f "$mnt/filler"
    expect 0 "readable afterwards" -- "$cli" --db "$full" --json dealer list
    [ "$(grep -c '"inn"' <<<"$out")" -eq "$sales_before" ] && ok || bad "dealers lost on a full disk"
    expect 0 "intact afterwards" -- "$cli" --db "$full" db check
    expect 0 "journal intact afterwards" -- "$cli" --db "$full" audit verify
    umount "$mnt"
  else
    echo "note: cannot mount a tmpfs here; the full disk is tried by test_db's max_page_count case only"
  fi
fi

cli_test_summary test_identity_cli
