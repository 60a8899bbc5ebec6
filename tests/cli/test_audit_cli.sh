#!/usr/bin/env bash
# salon-cli audit and permission verbs: verify on an empty journal, the key it needs, machine-readable
# lists. The entries the organisation verbs write are checked in test_cli.sh; tampering is tested in
# tests/pos_core/organisation/test_access.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234  # the changes act --as admin (the demo's, or the first account below)

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

# the first account, made without --as while the database has none (the bootstrap)
expect 0 "the first administrator" -- "$cli" --db "$db" staff add --login admin --name "Орлова Марина" --role head_office_admin --password demo1234

# permissions are data: grant and revoke, each audited, the last administrator right kept
expect 0 "grant" -- "$cli" --db "$db" --lang en --as admin permission grant specialist refund
contains "says granted" "may now"
expect 0 "granted" -- "$cli" --db "$db" --json permission list
contains "refund for specialists" '"permission": "refund",
    "role": "specialist"'
expect 0 "revoke" -- "$cli" --db "$db" --as admin permission revoke specialist refund
expect 1 "keep the last administrator right" -- "$cli" --db "$db" --lang en --as admin permission revoke head_office_admin administer_database
contains "says why" "nobody could grant permissions again"
expect 1 "unknown permission" -- "$cli" --db "$db" --lang en --as admin permission grant specialist fly
expect 0 "journal intact after grants" -- "$cli" --db "$db" --lang en audit verify
expect 0 "grants journaled" -- "$cli" --db "$db" --json audit list
contains "grant entry" '"action": "permission.grant"'
contains "revoke entry" '"action": "permission.revoke"'

cli_test_summary "audit cli"
