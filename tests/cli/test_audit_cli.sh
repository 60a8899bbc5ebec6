#!/usr/bin/env bash
# salon-cli audit and permission verbs: verify on an empty journal, the key it needs, machine-readable
# lists. The entries the organisation verbs write are checked in test_cli.sh; tampering is tested in
# tests/pos_core/test_access.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
work=$(mktemp -d /tmp/salon-audit-cli-test-XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
unset SALON_DB SALON_AUDIT_KEY_FILE
passed=0; failed=0

# expect CODE DESCRIPTION -- COMMAND...: runs it, checks the exit code; output lands in $out
expect() {
  local code=$1 what=$2; shift 3
  out=$("$@" 2>&1); local rc=$?
  if [ "$rc" -eq "$code" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $what: exit $rc, expected $code"; echo "$out" | head -5; fi
}
contains() {
  if grep -qF -- "$2" <<<"$out"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: output lacks '$2'"; echo "$out" | head -5; fi
}

if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then
  [ -n "${SALON_TEST_PG:-}" ] || { echo "SALON_TEST_PG is not set"; exit 1; }
  name="salon_audit_cli_$$"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $name" >/dev/null || exit 1
  trap 'psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
  db="$SALON_TEST_PG dbname=$name"
else
  db="sqlite:$work/salon.db"
fi

expect 0 "migrate" -- "$cli" --db "$db" db migrate

# verify never makes up a key: a new one would make every entry look forged
expect 1 "verify without a key" -- "$cli" --lang en --db "$db" audit verify
contains "says no key" "There is no audit key"
[ ! -e "$work/config/salon-station/audit.key" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: key created"; }

# the key the stations share, copied in by the administrator
key=$work/shared.key
head -c 32 /dev/urandom > "$key"
chmod 600 "$key"
expect 0 "verify an empty journal" -- "$cli" --lang en --db "$db" audit verify --key "$key"
contains "intact" "The journal is intact: 0 entries in 0 chains."
expect 0 "verify with the key from the environment" -- env SALON_AUDIT_KEY_FILE="$key" "$cli" --db "$db" --json audit verify
contains "JSON ok" '"ok": true'
contains "JSON counts" '"entries": 0'
chmod 644 "$key"
expect 1 "a key others can read is refused" -- "$cli" --lang en --db "$db" audit verify --key "$key"
contains "says private" "chmod 600"

expect 0 "list an empty journal" -- "$cli" --db "$db" --json audit list
[ "$(tr -d ' \n' <<<"$out")" = "[]" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: empty list: $out"; }
expect 0 "list one chain" -- "$cli" --db "$db" audit list --chain salon:1 --limit 5
expect 2 "limit must be positive" -- "$cli" --db "$db" audit list --limit 0

expect 0 "permissions" -- "$cli" --db "$db" --json permission list
contains "senior refunds" '"role": "senior_specialist"'
contains "codes" '"permission": "administer_database"'
expect 0 "permissions in words" -- "$cli" --db "$db" --lang en permission list
contains "title" "Refund a payment"
expect 0 "permissions in Russian" -- "$cli" --db "$db" --lang ru permission list
contains "Russian title" "Возвращать оплату"

echo "audit cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
