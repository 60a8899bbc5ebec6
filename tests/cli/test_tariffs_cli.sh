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
contains "Альфа connection apart" "(RUB 52.50 × 2 + RUB 750.00) × 3 = RUB 2,565.00"
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

cli_test_summary "tariffs cli"
