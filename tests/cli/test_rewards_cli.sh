#!/usr/bin/env bash
# salon-cli rewards ...: dealer rewards (R-POS-2, R-POS-4) from the CLI on the demo network's history — a
# period computed by head office and refused to others, a dealer's manager's own statement with its
# drill-down and exports, disputes, lock and what-if, the deactivation file refused for an unknown number,
# the dealer's salons side by side on `dashboard`, and `demo generate` + `bench rewards` agreeing to the
# kopeck. The arithmetic itself is checked by hand in tests/reports_core. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en "$@"; }
py() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print($1)" "$out"; }

# The month before this one: the demo's history covers it.
period=$(python3 -c 'import datetime as d; t=d.date.today().replace(day=1)-d.timedelta(days=1); print(t.strftime("%Y-%m"))')
next_month=$(python3 -c 'import datetime as d; print(d.date.today().replace(day=1).isoformat())')

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 35
expect 0 "the default scheme" -- run --json rewards schemes
contains "its name" '"name": "Базовая схема"'

expect 1 "compute needs a person" -- run rewards compute --period "$period"
expect 1 "a dealer's manager may not compute" -- run --as kuznetsov rewards compute --period "$period"
expect 1 "a bad period" -- run --json --as admin rewards compute --period 2026-13
contains "names the period" '"input": "period"'
expect 0 "head office computes" -- run --json --as admin rewards compute --period "$period"
dealers=$(py 'len(d["dealers"])')
[ "$dealers" -ge 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: dealers $dealers"; }
computed_total=$(py 'sum(x["total"] for x in d["dealers"])')
expect 0 "periods" -- run --as admin rewards periods
contains "a period's status in words" "computed, awaiting review"

expect 0 "kuznetsov's statement" -- run --json --as kuznetsov rewards statement --period "$period"
contains "his dealer" '"name": "ООО «Связь-Ритейл»"'
contains "computed" '"status": "computed"'
sim_line=$(py '[l["key"] for l in d["lines"] if l["rule"] == "sim"][0]')
sim_amount=$(py '[l["amount"] for l in d["lines"] if l["rule"] == "sim"][0]')
lines_sum=$(py 'sum(l["amount"] for l in d["lines"])')
total=$(py 'd["total"]')
[ "$lines_sum" = "$total" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: lines $lines_sum != total $total"; }
expect 0 "drill-down to the sales lines" -- run --json --as kuznetsov rewards statement --period "$period" --line "$sim_line"
drill=$(py 'sum(x["reward"] for x in d)')
[ "$drill" = "$sim_amount" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: drill $drill != $sim_amount"; }
expect 1 "another dealer's statement" -- run --as kuznetsov rewards statement --period "$period" --dealer 253612345607
expect 0 "in words" -- run --as kuznetsov rewards statement --period "$period"
contains "the total" "Total"

expect 0 "CSV export" -- run --as kuznetsov rewards statement --period "$period" --format csv --out "$work/st.csv"
grep -q "^total;" "$work/st.csv" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: csv total"; }
expect 0 "JSON export" -- run --as kuznetsov rewards statement --period "$period" --format json --out "$work/st.json"
# XLSX opened by LibreOffice and PDF read by pdftotext: both carry the statement's total.
expect 0 "XLSX export" -- run --as kuznetsov rewards statement --period "$period" --format xlsx --out "$work/st.xlsx"
expect 0 "PDF export" -- run --as kuznetsov rewards statement --period "$period" --format pdf --out "$work/st.pdf"
total_plain=$(python3 -c "print('%.2f' % ($total / 100))")
total_shown=$(python3 -c "print('RUB {:,.2f}'.format($total / 100))")
if command -v soffice >/dev/null 2>&1; then
  profile="file://$work/lo-profile"
  # Raw values (the last option false), so the total is the number itself, whatever LibreOffice's locale.
  soffice -env:UserInstallation="$profile" --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false' \
    --outdir "$work/lo" "$work/st.xlsx" >/dev/null 2>&1
  out=$(cat "$work/lo/st.csv" 2>/dev/null)
  shown=$(grep ',Total,' <<<"$out" | awk -F, '{print $NF}')
  python3 -c "import sys; sys.exit(0 if abs(float('$shown') - $total_plain) < 0.005 else 1)" 2>/dev/null \
    && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: LibreOffice's total '$shown' != $total_plain"; }
  contains "LibreOffice reads the dealer" "ООО «Связь-Ритейл»"
else
  echo "soffice is not installed: the XLSX check is skipped (install libreoffice-calc-nogui)"
fi
out=$(pdftotext "$work/st.pdf" - 2>&1)
out=${out//$'\xc2\xa0'/ }
contains "pdftotext reads the total" "$total_shown"
contains "pdftotext reads Cyrillic" "ООО «Связь-Ритейл»"
expect 1 "an unwritable path" -- run --json --as kuznetsov rewards statement --period "$period" --format csv --out /nonexistent/x.csv
contains "names the output" '"input": "out"'
[ ! -e /nonexistent/x.csv ] && passed=$((passed + 1))

expect 1 "a dispute on a line that does not exist" -- run --json --as kuznetsov rewards dispute --period "$period" --line sim:nope --comment "Где?"
contains "names the line" '"input": "line"'
expect 0 "a dispute" -- run --json --as kuznetsov rewards dispute --period "$period" --line "$sim_line" --comment "Продаж было больше"
dispute=$(py 'd["id"]')
expect 1 "the dealer cannot resolve" -- run --as kuznetsov rewards resolve --dispute "$dispute" --reject --answer "нет"
expect 0 "head office resolves" -- run --as admin rewards resolve --dispute "$dispute" --reject --answer "Проверено по чекам"
expect 0 "disputes" -- run --json --as kuznetsov rewards disputes --period "$period"
contains "rejected" '"status": "rejected"'
expect 0 "disputes in words" -- run --as kuznetsov rewards disputes --period "$period"
contains "a dispute's status in words" "rejected by head office"

expect 0 "what-if" -- run --json --as admin rewards whatif --period "$period" --set bundle_bonus=20000
after=$(py 'sum(x["after"] for x in d["dealers"])'); before=$(py 'sum(x["before"] for x in d["dealers"])')
[ "$before" = "$computed_total" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: whatif before $before != $computed_total"; }
[ "$after" -ge "$before" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: whatif after $after < $before"; }
expect 0 "still one scheme" -- run --json rewards schemes
[ "$(py 'len(d)')" = 1 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: what-if saved"; }

expect 0 "lock" -- run --as admin rewards lock --period "$period"
expect 1 "a locked period is not computed again" -- run --as admin rewards compute --period "$period"
contains "locked" "locked"
expect 0 "what-if saved from next month" -- run --json --as admin rewards whatif --period "$period" --set bundle_bonus=20000 --save-from "$next_month" --name "Бонус 200"
expect 0 "two versions" -- run --json rewards schemes
[ "$(py 'len(d)')" = 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: not saved"; }

printf 'msisdn;deactivated_on\n+79990001122;01.11.2026\n' > "$work/deact.csv"
expect 1 "an unknown number in the deactivation file" -- run --as admin rewards import-deactivations "$work/deact.csv"
contains "names the row" "Row 2"
printf 'msisdn;deactivated_on\n+79990001122;31.11.2026\n' > "$work/deact.csv"
expect 1 "a bad date" -- run --as admin rewards import-deactivations "$work/deact.csv"

expect 0 "norms" -- run --json --as kuznetsov reports norms --from "${period}-01" --to "$(python3 -c 'import datetime as d; print((d.date.today().replace(day=1)-d.timedelta(days=1)).isoformat())')"
contains "a specialist's norm" '"bundle_norm_met"'
expect 0 "traffic" -- run --json --as kuznetsov reports traffic --from "${period}-01" --to "${period}-28"
[ "$(py 'sum(t["visits"] for t in d)')" -gt 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: traffic"; }
expect 1 "a span backwards" -- run --json --as kuznetsov reports traffic --from "${period}-28" --to "${period}-01"
contains "names the field" '"input": "to"'

# Norms and traffic exported (R-POS-4, R-POS-6): CSV, XLSX read back by LibreOffice, PDF by pdftotext; the
# totals agree with the JSON report's.
expect 0 "traffic as JSON" -- run --json --as kuznetsov reports traffic --from "${period}-01" --to "${period}-28"
visits=$(py 'sum(t["visits"] for t in d)')
expect 0 "traffic exported" -- run --as kuznetsov reports traffic --from "${period}-01" --to "${period}-28" \
  --csv "$work/tr.csv" --xlsx "$work/tr.xlsx" --pdf "$work/tr.pdf"
contains "says what it wrote" "Written: $work/tr.xlsx"
csv_visits=$(python3 -c '
import sys
rows = open(sys.argv[1], encoding="utf-8-sig").read().split("\n\n")[0].splitlines()[1:]
print(sum(int(r.split(";")[2]) for r in rows))' "$work/tr.csv")
[ "$csv_visits" = "$visits" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: CSV visitors $csv_visits != $visits"; }
grep -q "^.*;Tuesday;" "$work/tr.csv" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: CSV weekdays"; }
out=$(pdftotext "$work/tr.pdf" - 2>&1)
contains "pdftotext reads the chart's title" "visitors by hour of day"
contains "pdftotext reads a salon" "Киевская"
contains "pdftotext reads the total" "$visits"
expect 0 "norms as JSON" -- run --json --as kuznetsov reports norms --from "${period}-01" --to "${period}-28"
bundles=$(py 'sum(p["bundle_sales"] for n in d for p in n["specialists"])')
expect 0 "norms exported" -- run --as kuznetsov reports norms --from "${period}-01" --to "${period}-28" \
  --xlsx "$work/no.xlsx" --pdf "$work/no.pdf"
out=$(pdftotext "$work/no.pdf" - 2>&1)
contains "pdftotext reads the norms chart" "Bundle share by specialist"
if command -v soffice >/dev/null 2>&1; then
  # The first sheet of each workbook, raw values: the SUM formulas' totals as LibreOffice computes them.
  for f in tr no; do
    soffice -env:UserInstallation="$profile" --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false' \
      --outdir "$work/lo" "$work/$f.xlsx" >/dev/null 2>&1
  done
  total_of() { python3 -c '
import csv, sys
for row in csv.reader(open(sys.argv[1], encoding="utf-8")):
    if row and row[0] == "Total": print(int(float(row[int(sys.argv[2])]))); break' "$1" "$2"; }
  echo "LibreOffice totals: $(total_of "$work/lo/tr.csv" 2) visitors, $(total_of "$work/lo/no.csv" 2) bundle sales"
  [ "$(total_of "$work/lo/tr.csv" 2)" = "$visits" ] && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: LibreOffice's traffic total $(total_of "$work/lo/tr.csv" 2) != $visits"; }
  [ "$(total_of "$work/lo/no.csv" 2)" = "$bundles" ] && passed=$((passed + 1)) ||
    { failed=$((failed + 1)); echo "FAIL: LibreOffice's bundle total $(total_of "$work/lo/no.csv" 2) != $bundles"; }
fi
expect 1 "an unwritable export path" -- run --json --as kuznetsov reports norms --from "${period}-01" --to "${period}-28" \
  --csv "$work/ok.csv" --xlsx /nonexistent/x.xlsx
contains "names the output" '"input": "out"'
[ ! -e "$work/ok.csv" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a file written though another path was bad"; }

expect 0 "his salons side by side" -- run --as kuznetsov dashboard
contains "a salon" "Киевская"
contains "his reward" "Reward for"
expect 0 "as JSON" -- run --json --as kuznetsov dashboard
[ "$(py 'len(d["salons"])')" -ge 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: salons"; }

# A generated network: at least 50 dealers, and the station's way equals the full scan to the kopeck.
if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then
  gen_name="${pg_name}_gen"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $gen_name" >/dev/null
  trap 'psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" >/dev/null; psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $gen_name WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
  gen="$SALON_TEST_PG dbname=$gen_name"
else
  gen="sqlite:$work/generated.db"
fi
expect 0 "demo generate" -- "$cli" --db "$gen" --json demo generate --sales 20000 --days 120
[ "$(py 'd["dealers"]')" -ge 50 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: dealers"; }
[ "$(py 'd["sales"]')" = 20000 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: sales"; }
expect 1 "only into a new database" -- "$cli" --db "$gen" demo generate --sales 10
expect 0 "bench rewards" -- "$cli" --db "$gen" --json bench rewards --period "$period"
contains "agree" '"agree": true'
py 'sorted(d.keys())' | grep -qF "['agree', 'dealers', 'full_scan_ms', 'ratio', 'station_ms']" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: json keys"; }

cli_test_summary rewards_cli
