#!/usr/bin/env bash
# A demo seed killed half-way (issue: "a half-finished demo seed leaves either nothing or a database that says
# it is incomplete, never a silently partial one"): the database says so in `db check`, and a second seed refuses
# it instead of taking its partial network for the demo.
cli=$1
source "$(dirname "$0")/cli_test_lib.sh"

# Killed once the seed has begun writing: the mark is in its own committed transaction before anything else.
"$cli" --lang en --db "$db" demo seed --days 20 >"$work/seed.out" 2>&1 &
seeder=$!
for _ in $(seq 1 600); do
  out=$("$cli" --lang en --db "$db" db check 2>&1) || true
  grep -q "demo seed began" <<<"$out" && break
  kill -0 $seeder 2>/dev/null || break
  sleep 0.05
done
# Let it write part of the network, then the power goes.
sleep 1
kill -9 $seeder 2>/dev/null
wait $seeder 2>/dev/null

expect 1 "db check of an interrupted seed" -- "$cli" --lang en --db "$db" db check
contains "db check names what did not finish" "incomplete: salon-cli demo seed began"
expect 1 "db check in Russian" -- "$cli" --lang ru --db "$db" db check
contains "db check says it in Russian" "не завершилась"
expect 1 "a second seed refuses the partial database" -- "$cli" --lang en --db "$db" demo seed --days 0
contains "the refusal says why" "cannot take the demo data"
expect 1 "the same with --json" -- "$cli" --lang en --json --db "$db" demo seed --days 0
contains "a JSON error object" '"error"'

# A seed that finishes leaves no mark.
if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE ${pg_name}_b" >/dev/null
  trap 'psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" >/dev/null; psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS ${pg_name}_b WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
  whole="$SALON_TEST_PG dbname=${pg_name}_b"
else
  whole="sqlite:$work/whole.db"
fi
expect 0 "a whole seed" -- "$cli" --lang en --db "$whole" demo seed --days 0 --no-training
expect 0 "db check after a whole seed" -- "$cli" --lang en --db "$whole" db check
expect 0 "seeding again adds nothing and refuses nothing" -- "$cli" --lang en --db "$whole" demo seed --days 0 --no-training
contains "already there" "already"

cli_test_summary demo_seed_interrupted
