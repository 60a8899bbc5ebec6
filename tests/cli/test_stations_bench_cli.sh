#!/usr/bin/env bash
# salon-cli bench stations: many stations of a dealer network at once on one database, each with its own
# connection, till and shift; the run must leave in the database exactly the sales the stations were told
# were saved (none lost, none twice, no SIM card sold twice, receipt numbers unique per shift). Timing is
# printed, never checked. Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql.
# STATIONS and SECONDS (arguments 2 and 3) size the run.
set -u
cli=${1:?salon-cli}
stations=${2:-8}
seconds=${3:-5}
source "$(dirname "$0")/cli_test_lib.sh"

# field NAME: a whole number from the last command's JSON output
field() { sed -n "s/.*\"$1\": *\([0-9][0-9]*\).*/\1/p" <<<"$out" | head -n 1; }

expect 1 "bench stations needs a scratch --db" -- "$cli" --json bench stations --stations 2 --seconds 1
expect 1 "a station count out of range is refused" -- "$cli" --db "$db" --json bench stations --stations 0
contains "names the input" '"input": "stations"'

expect 0 "bench stations runs" -- "$cli" --db "$db" --json bench stations --stations "$stations" --seconds "$seconds"
echo "$out" | tr -d '\n' | head -c 600; echo
for name in stations operations p50_ms p99_ms lost duplicated; do contains "reports $name" "\"$name\""; done
[ "$(field stations)" = "$stations" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: stations"; }
[ "$(field operations)" -gt 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no operations"; }
for name in lost duplicated sims_sold_twice receipt_numbers_twice; do
  [ "$(field $name)" = 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $name is $(field $name)"; }
done
# Every kind of visit was served and none refused: a refused kind (top-ups without the payment agent's
# supplier once) would leave the mix without it while nothing is lost.
refused=$(python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); print(j["failed"])' <<<"$out")
[ "$refused" = 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $refused operations failed"; }
served=$(python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); print(j["by_operation"]["top_up"]["count"])' <<<"$out")
[ "${served:-0}" -gt 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no top-up was served"; }

# A second run on the same database takes new cards and new shifts, and checks only its own sales.
expect 0 "a second run on the same database" -- "$cli" --db "$db" --lang en bench stations --stations 2 --seconds 1
contains "prints the check" "lost 0, duplicated 0"

cli_test_summary cli_stations_bench
