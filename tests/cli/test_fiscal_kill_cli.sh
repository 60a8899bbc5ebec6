#!/usr/bin/env bash
# The fault test of R-POS-10: the station is killed (SIGKILL) between a sale's commit and its
# fiscalisation, after the queue claimed a receipt, and after the registrar registered it but before the
# station recorded the answer; then at random moments of a sale. Afterwards every committed sale is
# fiscalised exactly once: one emulated fiscal document per sale, none lost. SALON_TEST_KILL_AT makes
# salon-cli kill itself at the named point. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-9 "$@"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid 89701990000000000017 --msisdn "+7 999 123-45-67"
expect 0 "open the shift" -- run --as ivanov shift open --float 0
cat > "$work/sim.json" <<'JSON'
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "89701990000000000017", "tariff": "smart"}], "paid_cash": "100"}
JSON
echo '{"lines": [{"kind": "top_up", "msisdn": "+79991234567", "amount": "50"}], "paid_cash": "50"}' > "$work/top_up.json"
expect 0 "a SIM sale" -- run --as ivanov sale commit --draft "$work/sim.json"

# Killed at each point of a sale's way to the registrar: the process dies (137) with the sale committed.
for point in after_commit claimed registered after_commit claimed registered; do
  SALON_TEST_KILL_AT=$point expect 137 "killed at $point" -- run --as ivanov sale commit --draft "$work/top_up.json"
done
expect 0 "the queue after the kills" -- run --json --as ivanov fiscal queue
queued=$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["queue"]))' "$out")
[ "$queued" = 6 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 6 killed sales queued, got $queued"; }

# Killed during the retry, after the claim and after the registrar answered.
SALON_TEST_KILL_AT=registered expect 137 "retry killed after a registration" -- run --as ivanov fiscal retry
SALON_TEST_KILL_AT=claimed expect 137 "retry killed after a claim" -- run --as ivanov fiscal retry

# Killed at random moments of a sale.
for i in $(seq 1 6); do
  run --as ivanov sale commit --draft "$work/top_up.json" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 30))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done

expect 0 "retry to the end" -- run --json --as ivanov fiscal retry
contains "nothing waits" '"waiting": 0'
expect 0 "the sales" -- run --json --as ivanov sales list --from 2020-01-01 --to "$(date -u -d tomorrow +%F)"
echo "$out" > "$work/sales.json"
expect 0 "the drive" -- run --json --as ivanov fiscal status
echo "$out" > "$work/status.json"
# Every sale fiscalised, and the drive made one receipt per sale besides the shift's opening, nothing more:
# a receipt registered twice would add a document, one lost would stay unfiscalised.
python3 - "$work/sales.json" "$work/status.json" <<'PY' && passed=$((passed + 1)) || failed=$((failed + 1))
import json, sys
sales = json.load(open(sys.argv[1]))
status = json.load(open(sys.argv[2]))
problems = []
if any(s["fiscal_state"] != "fiscalised" for s in sales): problems.append("not all fiscalised")
if status["drive"]["documents"] != len(sales) + 1: problems.append(f"{status['drive']['documents']} documents for {len(sales)} sales")
if status["queue_length"] != 0: problems.append("queue not empty")
if len(sales) < 8: problems.append(f"only {len(sales)} sales")
print("sales:", len(sales), "documents:", status["drive"]["documents"], "problems:", problems)
sys.exit(1 if problems else 0)
PY
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_fiscal_kill_cli
