#!/usr/bin/env bash
# salon-cli db backup|restore and the journal's anchored heads: a restore reads its source without changing
# it, refuses anything that is not an intact Salon Station backup of this deployment before it touches the
# database, and keeps the database it replaces aside; `audit verify` names a cut tail and a deleted chain.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en "$@"; }
on_pg() { [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; }
sql() { if on_pg; then psql "$db" -qAtc "$1"; else sqlite3 "$work/salon.db" "$1"; fi; }
fingerprint() { echo "$(sha256sum <"$1") $(stat -c %Y.%y "$1")"; }
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: '$2' is not '$3'"; fi; }

expect 0 "demo seed with a day of clients" -- run demo seed --days 1
expect 0 "a client to reveal" -- run --as volkova client reveal "$(sql 'SELECT min(id) FROM client')" --reason "клиент просит копию анкеты"
dealers=$(sql 'SELECT count(*) FROM dealer')
entries=$(sql 'SELECT count(*) FROM audit_entry')
expect 0 "intact before" -- run audit verify

# Every backup is private from its creation (mode 0600), and so are the heads it carries.
umask 022
expect 0 "backup" -- run db backup "$work/backup.bin"
check "backup mode" "$(stat -c %a "$work/backup.bin")" 600
check "backup heads mode" "$(stat -c %a "$work/backup.bin.heads")" 600

# Whatever is refused leaves the database, its journal and the file itself as they were.
refused() {  # refused DESCRIPTION FILE TEXT [OPTIONS...]
  local what=$1 file=$2 text=$3; shift 3
  local before; before=$(fingerprint "$file")
  expect 1 "$what refused" -- run db restore "$file" "$@"
  contains "$what: the reason" "$text"
  check "$what: the file is unchanged" "$(fingerprint "$file")" "$before"
  check "$what: the dealers stay" "$(sql 'SELECT count(*) FROM dealer')" "$dealers"
  check "$what: the journal stays" "$(sql 'SELECT count(*) FROM audit_entry')" "$entries"
  expect 0 "$what: the journal still verifies" -- run audit verify
  contains "$what: intact" "The journal is intact: $entries entries"
}
: > "$work/empty.bin"
refused "a zero-byte file" "$work/empty.bin" "is empty" --without-heads
sqlite3 "$work/other.db" "CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('not a station');"
refused "another SQLite file" "$work/other.db" "not a Salon Station backup" --without-heads
refused "a file without its heads" "$work/other.db" "has no heads file"
printf 'PGDMP, but not really' > "$work/fake.dump"
if on_pg; then says="is damaged"; else says="not a Salon Station backup"; fi
refused "a file that only looks like a dump" "$work/fake.dump" "$says" --without-heads
# The heads bind their backup: a changed or cut backup no longer matches them.
head -c 20000 "$work/backup.bin" > "$work/cut.bin"
cp "$work/backup.bin.heads" "$work/cut.bin.heads"
refused "a truncated backup" "$work/cut.bin" "changed after it was written"
if on_pg; then
  # A dump of another database is restored into a scratch database and checked there, never in place.
  other_db="salon_other_$$_$RANDOM"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $other_db" >/dev/null
  psql "$SALON_TEST_PG dbname=$other_db" -qc "CREATE TABLE note (text TEXT)" >/dev/null
  pg_dump --format=custom --file="$work/other.dump" "$SALON_TEST_PG dbname=$other_db"
  psql "$SALON_TEST_PG" -qc "DROP DATABASE $other_db" >/dev/null
  refused "a dump of another database" "$work/other.dump" "not a Salon Station backup" --without-heads
else
  cp "$work/backup.bin" "$work/tampered.bin"
  sqlite3 "$work/tampered.bin" "UPDATE audit_entry SET details = 'nothing happened' WHERE id = (SELECT max(id) FROM audit_entry)"
  cp "$work/backup.bin.heads" "$work/tampered.bin.heads"
  refused "a backup changed after it was written" "$work/tampered.bin" "changed after it was written"
  refused "a backup whose journal was tampered" "$work/tampered.bin" "was changed after it was written" --without-heads
  cp "$work/backup.bin" "$work/damaged.bin"
  # pages in the middle overwritten, as a failing disk would
  dd if=/dev/zero of="$work/damaged.bin" bs=1024 seek=40 count=20 conv=notrunc status=none
  refused "a damaged backup" "$work/damaged.bin" "damaged" --without-heads
fi

# A good backup: restored, the replaced database kept aside (private), the journal intact after it.
expect 0 "a change after the backup" -- run --as admin dealer edit 1 --name "После"
before=$(fingerprint "$work/backup.bin")
expect 0 "restore" -- run db restore "$work/backup.bin"
contains "says where the old one is" "before-restore-"
aside=$(grep -o '[^ ]*before-restore-[0-9-]*[^ ]*[^ .]' <<<"$out" | head -1)
check "the backup is unchanged" "$(fingerprint "$work/backup.bin")" "$before"
[ -s "$aside" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: nothing kept aside at '$aside'"; }
check "kept aside privately" "$(stat -c %a "$aside" 2>/dev/null)" 600
expect 0 "restored content" -- run dealer list
contains "the name from the backup" "ООО «Связь-Ритейл»"
if grep -qF "После" <<<"$out"; then failed=$((failed + 1)); echo "FAIL: the change after the backup stayed"; else passed=$((passed + 1)); fi
expect 0 "the journal verifies after a restore" -- run audit verify
expect 0 "the restore is journaled" -- run --json audit list --limit 1
contains "restore entry" '"action": "database.restore"'
expect 0 "the database kept aside restores too" -- run db restore "$aside"
expect 0 "its content" -- run dealer list
contains "the name before the restore" "После"

# A restore into a database that does not exist yet creates it (a new file, or a new PostgreSQL database on
# the same server); refused, it leaves no database behind.
if on_pg; then
  fresh="$SALON_TEST_PG dbname=${pg_name}_new"; refused_db="$SALON_TEST_PG dbname=${pg_name}_refused"
  trap 'for n in $pg_name ${pg_name}_new ${pg_name}_refused; do psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $n WITH (FORCE)" >/dev/null; done; rm -rf "$work"' EXIT
  exists() { psql "$SALON_TEST_PG" -qAtc "SELECT count(*) FROM pg_database WHERE datname = '$1'"; }
  fresh_name=${pg_name}_new; refused_name=${pg_name}_refused
else
  fresh="sqlite:$work/new/fresh.db"; refused_db="sqlite:$work/refused.db"
  exists() { [ -e "$work/$1" ] && echo 1 || echo 0; }
  fresh_name=new/fresh.db; refused_name=refused.db
fi
expect 0 "restore into a new database" -- "$cli" --db "$fresh" --lang en db restore "$work/backup.bin"
contains "says it is new" "into a new database"
check "the new database holds the dealers" "$("$cli" --db "$fresh" --lang en --json dealer list | grep -c '"inn"')" "$dealers"
: >"$work/empty.bin"
expect 1 "an empty file into a new database" -- "$cli" --db "$refused_db" --lang en db restore "$work/empty.bin"
check "no database is left behind" "$(exists "$refused_name")" 0

# The journal's tail: deleting the newest entries (the reveal among them) is a cut, named by its chain.
expect 0 "reveal again" -- run --as volkova client reveal "$(sql 'SELECT min(id) FROM client')" --reason "клиент просит копию анкеты"
reveal_chain=$(sql "SELECT chain FROM audit_entry WHERE action = 'personal_data.reveal' ORDER BY id DESC LIMIT 1")
reveal_seq=$(sql "SELECT seq FROM audit_entry WHERE action = 'personal_data.reveal' ORDER BY id DESC LIMIT 1")
head_line=$(sql "SELECT chain || ':' || seq || ':' || mac FROM audit_entry WHERE chain = '$reveal_chain' ORDER BY seq DESC LIMIT 1")
expect 0 "intact before the cut" -- run audit verify
sql "DELETE FROM audit_entry WHERE chain = '$reveal_chain' AND seq >= $reveal_seq" >/dev/null
expect 1 "a cut tail fails" -- run audit verify
contains "names the chain and the cut" "chain $reveal_chain ends at seq $((reveal_seq - 1))"
expect 1 "a cut tail fails in JSON" -- run --json audit verify
contains "JSON names the chain" "\"chain\": \"$reveal_chain\""
contains "JSON names the kind" '"kind": "cut"'
# One JSON value on standard output, the problems inside the error object's document, never two objects.
json_out=$(run --json audit verify 2>/dev/null)
check "one JSON object" "$(grep -c '"ok": false' <<<"$json_out")" 1
check "the error's code" "$(grep -c '"code": "refused"' <<<"$json_out")" 1
# A head from outside, as a Z report prints it, catches the cut even where the station's anchor is gone.
rm -rf "$work/config/salon-station/audit-heads"
expect 0 "without the anchor the cut is invisible" -- run audit verify
expect 1 "a head from a Z report catches it" -- run audit verify --head "$head_line"
contains "names the chain" "chain $reveal_chain"
expect 1 "a head that is not CHAIN:SEQ:MAC" -- run audit verify --head "salon:1:x"

# A whole chain deleted: named as vanished. A verify that finds the journal intact anchors every chain it saw.
other_chain=$(sql "SELECT chain FROM audit_entry WHERE chain <> '$reveal_chain' ORDER BY id DESC LIMIT 1")
expect 0 "verify anchors what it saw" -- run audit verify
sql "DELETE FROM audit_entry WHERE chain = '$other_chain'" >/dev/null
expect 1 "a vanished chain fails" -- run audit verify
contains "names the vanished chain" "chain $other_chain"
contains "says deleted whole" "whole chain was deleted"

cli_test_summary "restore cli"
