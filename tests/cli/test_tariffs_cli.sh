#!/usr/bin/env bash
# salon-cli tariffs list|advise: the catalog in force on a date and the advisor's ranking (R-TAR-1..3).
# The arithmetic itself is checked in tests/pos_core/catalog/test_tariff_advisor.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"

expect 0 "migrate" -- "$cli" --db "$db" db migrate
expect 0 "no tariffs before the catalog is loaded" -- "$cli" --db "$db" --json tariffs list --date 2026-03-01
[ "$(tr -d ' \n' <<<"$out")" = "[]" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: empty list: $out"; }
expect 0 "demo seed loads the catalog" -- "$cli" --db "$db" demo seed --days 0

expect_text 0 "list" -- "$cli" --db "$db" --lang en tariffs list --date 2026-03-01
contains "Бета listed" "Бета"
contains "Альфа connection fee" "750.00"
contains "version" "from 2026-01-01"
contains "individual" "by agreement"
expect 0 "list in Russian" -- "$cli" --db "$db" --lang ru tariffs list --date 2026-03-01
contains "Russian header" "Абонентская плата"
expect 0 "list as JSON" -- "$cli" --db "$db" --json tariffs list --date 2026-03-01
contains "beta fee in kopecks" '"monthly_fee": 55000'
contains "alfa connection in kopecks" '"connection_fee": 75000'
expect 0 "list today" -- "$cli" --db "$db" --json tariffs list
expect 0 "nothing in force before the catalog" -- "$cli" --db "$db" --json tariffs list --date 2025-12-31
[ "$(tr -d ' \n' <<<"$out")" = "[]" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 2025 list: $out"; }

# light user: Вега 190.50 a month; over 2 months for 3 numbers (190.50 × 2 + 0) × 3 = 1143.00
expect_text 0 "advise a light user" -- "$cli" --db "$db" --lang en tariffs advise --segment business --corporate 30 --russia 20 \
  --other 10 --zone 3 --mb 10 --sms 5 --months 2 --numbers 3 --date 2026-03-01
contains "Вега first" "1. Вега (vega)"
contains "zone rate line" "10 × RUB 10.00 = RUB 100.00"
contains "total arithmetic" "(RUB 190.50 × 2 + RUB 0.00) × 3 = RUB 1,143.00"
contains "Альфа connection apart" "(RUB 12.50 × 2 + RUB 750.00) × 3 = RUB 2,325.00"
contains "individual last" "5. Теле2 бизнес (tele2_business): priced by agreement"
contains "assumed values shown" "included_minutes=2000"

expect 0 "advise as JSON" -- "$cli" --db "$db" --json tariffs advise --russia 1500 --mb 10240 --months 2 --date 2026-03-01
contains "date" '"date": "2026-03-01"'
contains "alfa total in kopecks" '"total": 75000'
contains "beta total in kopecks" '"total": 110000'
contains "individual unpriced" '"priced": false'
first=$(grep -m1 '"code"' <<<"$out")
[[ "$first" == *'"alfa"'* ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: alfa not first over 2 months: $first"; }

expect 0 "advise in Russian" -- "$cli" --db "$db" --lang ru tariffs advise --mb 100 --date 2026-03-01
contains "Russian line" "Интернет сверх включённых МБ"

expect 1 "months out of range" -- "$cli" --db "$db" --lang en tariffs advise --months 37
contains "names months" "Months: must be from 1 to 36"
expect 1 "negative megabytes" -- "$cli" --db "$db" --lang en tariffs advise --mb -1
contains "names megabytes" "Megabytes: must not be negative"
expect 1 "unknown zone" -- "$cli" --db "$db" --lang en tariffs advise --other 5 --zone 9
contains "names zone" "Zone"
expect 1 "bad date" -- "$cli" --db "$db" --lang en --json tariffs advise --date 2026-3-1
contains "JSON error" '"ok": false'
expect 2 "not a number" -- "$cli" --db "$db" tariffs advise --mb many

# A package covers calls by where they go (domain.md): 100 minutes across Russia and 200 to colleagues on
# Бета are 300 of its 1500 minutes, 550 and not 1050; international calls at standard rates outside it.
expect 0 "calls to colleagues inside Бета's package" -- "$cli" --db "$db" --json tariffs advise --segment business \
  --russia 100 --corporate 200 --other 50 --date 2026-03-01
beta=$(python3 -c 'import json,sys; print([q["total"] for q in json.loads(sys.argv[1])["quotes"] if q["code"] == "beta"][0])' "$out")
[ "$beta" = 55000 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: Бета billed $beta"; }
contains "services of Теле2 бизнес" '"code": "hidden_number"'
contains "carry-over option" '"code": "carry_over"'
expect_text 0 "international minutes" -- "$cli" --db "$db" --lang en tariffs advise --segment business --international 10 --date 2026-03-01
contains "international at the standard rate" "International calls, minutes: 10 × RUB 49.00 = RUB 490.00 (standard rate)"
contains "standard rate shown as assumed" "minute_international=49.00 (standard rate)"
expect 1 "negative international" -- "$cli" --db "$db" --lang en tariffs advise --international -1
contains "names international" "International minutes: must not be negative"

# «Перенос остатков» month by month: Бета's 500 unused minutes of month 1 carried into month 2.
expect_text 0 "months one by one" -- "$cli" --db "$db" --lang en tariffs advise --segment business \
  --month russia=1000 --month russia=2000 --date 2026-03-01
contains "carried over" "beyond 1500 included and 500 carried over: 0 × RUB 3.00 = RUB 0.00"
contains "months added" "Total for 2 months, 1 numbers: (RUB 550.00 + RUB 550.00 + RUB 0.00) × 1 = RUB 1,100.00"
expect 0 "months one by one as JSON" -- "$cli" --db "$db" --json tariffs advise --segment business \
  --month russia=1000,mb=5120 --month russia=2000,mb=15360 --date 2026-03-01
contains "by month" '"carried_minutes": 500'
contains "carried MB" '"carried_mb": 5120'
expect 1 "a bad month" -- "$cli" --db "$db" --lang en --json tariffs advise --month roaming=5
contains "names month" '"input": "month"'
expect 1 "months and one month at once" -- "$cli" --db "$db" --lang en tariffs advise --russia 5 --month russia=5
contains "says why" "either for every month or as one month"

cli_test_summary "tariffs cli"
