#!/usr/bin/env bash
# salon-cli stock receive|find|list|move|defective and bench stock: the salons' serialised SIM stock.
# The rules themselves are checked in tests/pos_core/catalog/test_stock.cpp.
# Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql (SALON_TEST_PG names the server).
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234  # the changes act --as admin (the demo's, or the first account below)

# iccid BODY: BODY (19 digits) with its Luhn check digit.
iccid() {
  local body=$1 sum=0 twice=1 d i
  for ((i = ${#body} - 1; i >= 0; i--)); do
    d=${body:i:1}
    if [ $twice -eq 1 ]; then d=$((d * 2)); [ $d -gt 9 ] && d=$((d - 9)); fi
    sum=$((sum + d)); twice=$((1 - twice))
  done
  echo "$body$(((10 - sum % 10) % 10))"
}
one=$(iccid 8970199000000000001)
two=$(iccid 8970199000000000002)
range_first=$(iccid 8970199000000000100)
third_of_range=$(iccid 8970199000000000102)
bad=${one%?}$(((${one: -1} + 1) % 10))

expect 0 "migrate" -- "$cli" --db "$db" db migrate
expect 0 "the first administrator" -- "$cli" --db "$db" staff add --login admin --name "Орлова Марина" --role head_office_admin --password demo1234
expect 0 "dealer A" -- "$cli" --db "$db" --as admin dealer add --kind legal_entity --name "ООО «Тест»" --inn 7730543210 \
  --ogrn 1237700543211 --kpp 773001001
expect 0 "dealer B" -- "$cli" --db "$db" --as admin dealer add --kind sole_proprietor --name "ИП Тестова" --inn 253612345607 \
  --ogrn 323253600012341
expect 0 "salon 1" -- "$cli" --db "$db" --as admin salon add --dealer 1 --name "Салон А1" --address Москва --tz Europe/Moscow
expect 0 "salon 2" -- "$cli" --db "$db" --as admin salon add --dealer 1 --name "Салон А2" --address Москва --tz Europe/Moscow
expect 0 "salon 3" -- "$cli" --db "$db" --as admin salon add --dealer 2 --name "Салон Б" --address Омск --tz Asia/Omsk

expect 0 "receive one card" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --iccid "$one" --msisdn "8 912 345-67-89"
contains "says received" "Received 1 SIM cards into salon «Салон А1»"
expect 0 "receive a range of blanks" -- "$cli" --db "$db" --json --as admin stock receive --salon 1 --range "$range_first" --count 3 --format triple
contains "three received" '"received": 3'

expect 1 "check finds a wrong check digit" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --iccid "$bad" --check
contains "row named" "wrong check digit"
contains "says nothing saved" "nothing was saved"
expect 1 "check as JSON" -- "$cli" --db "$db" --json --as admin stock receive --salon 1 --iccid "$one" --check
contains "already there" '"input": "iccid"'
contains "not ok" '"ok": false'
expect 0 "a good check" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --iccid "$two" --check
contains "all correct" "All 1 rows are correct"

cat > "$work/sims.csv" <<EOF
iccid;msisdn;format
$two;+79123456790;nano
$two;;esim
EOF
expect 1 "a file with a duplicate is refused" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --file "$work/sims.csv"
contains "duplicate named with its line" "appears twice in the batch (also row 2)"
contains "nothing received" "nothing was received"
printf 'iccid;msisdn;format\n%s;+79123456790\n' "$two" > "$work/sims.csv"
expect 0 "a good file; the format from --format" -- "$cli" --db "$db" --json --as admin stock receive --salon 1 --file "$work/sims.csv" --format esim
expect 1 "an unreadable line" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --file <(echo "$two;1;2;3")
contains "line named" "line 1"

# Hostile files: a NUL inside a field, a number of 100 000 digits; refused by line and field, fast.
printf 'iccid;msisdn;format\n%s;\000;nano\n' "$two" > "$work/nul.csv"
expect 1 "a NUL in a field" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --file "$work/nul.csv"
contains "NUL named" "line 2: Phone number: contains a control character (U+0000)"
{ printf 'iccid;msisdn;format\n%s;+7' "$two"; head -c 100000 /dev/zero | tr '\0' '9'; printf ';nano\n'; } > "$work/long.csv"
started=$(date +%s%N)
expect 1 "a number of 100 000 digits" -- "$cli" --db "$db" --lang en --as admin stock receive --salon 1 --file "$work/long.csv"
echo "a 100 000-digit number refused in $(( ($(date +%s%N) - started) / 1000000 )) ms"
contains "too long" "Phone number: is too long: at most 32 characters"

expect 0 "find by number" -- "$cli" --db "$db" --lang en stock find "+7 912 345 67 89"
contains "found the card" "$one"
expect 0 "find by ICCID as JSON" -- "$cli" --db "$db" --json stock find "$two"
contains "E.164 number" '"msisdn": "+79123456790"'
contains "format kept" '"format": "esim"'
expect 1 "nothing found" -- "$cli" --db "$db" --lang en stock find 89001112233
contains "says nothing" "nothing found"
expect 1 "not a query" -- "$cli" --db "$db" --lang en stock find hello

expect 0 "list in stock" -- "$cli" --db "$db" --json stock list --salon 1 --status in_stock
[ "$(grep -c '"iccid"' <<<"$out")" -eq 5 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 5 in stock: $out"; }
expect 0 "list in Russian" -- "$cli" --db "$db" --lang ru stock list --salon 1
contains "Russian status" "на складе"

expect 0 "move two" -- "$cli" --db "$db" --lang en --as admin stock move --to 2 "$range_first" "$third_of_range" --reason "перераспределение"
contains "says moved" "Moved 2 SIM cards to salon «Салон А2»"
expect 0 "list salon 2" -- "$cli" --db "$db" --json stock list --salon 2
[ "$(grep -c '"iccid"' <<<"$out")" -eq 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: 2 moved: $out"; }
expect 1 "move needs a reason" -- "$cli" --db "$db" --lang en --as admin stock move --to 1 "$range_first" --reason " "
contains "names reason" "Reason"

expect 0 "defective" -- "$cli" --db "$db" --lang en --as admin stock defective "$one" --reason "не читается"
expect 0 "found as defective" -- "$cli" --db "$db" --json stock find "$one"
contains "status" '"status": "defective"'
expect 1 "defective twice" -- "$cli" --db "$db" --lang en --as admin stock defective "$one" --reason "ещё раз"
contains "says why" "marked defective"
second_of_range=$(iccid 8970199000000000101)
expect 1 "defective: all or none" -- "$cli" --db "$db" --lang en --as admin stock defective "$second_of_range" "$one" --reason "брак партии"
contains "names the card refused" "ICCID $one"
expect 0 "the good card is untouched" -- "$cli" --db "$db" --json stock find "$second_of_range"
contains "still in stock" '"status": "in_stock"'
expect 0 "two defective at once" -- "$cli" --db "$db" --json --as admin stock defective "$second_of_range" "$two" --reason "брак партии"
contains "both marked" '"marked": 2'
expect 0 "the second is defective too" -- "$cli" --db "$db" --json stock find "$two"
contains "defective" '"status": "defective"'

expect 0 "audited" -- "$cli" --db "$db" audit list
contains "receive entry" "sim.receive"
contains "move entry" "sim.move"
contains "defective entry" "sim.defective"

expect 1 "bench refuses a database with its own cards" -- "$cli" --db "$db" --lang en bench stock --cards 10 --lookups 5
contains "scratch" "scratch database"

# A delivery of 100 000 cards from one file is received whole (the file limit is 200 000 rows).
if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  awk 'BEGIN { print "iccid;msisdn;format";
    for (n = 0; n < 100000; n++) {
      body = sprintf("89701990%011d", n); sum = 0; twice = 1;
      for (i = length(body); i >= 1; i--) { d = substr(body, i, 1) + 0; if (twice) { d *= 2; if (d > 9) d -= 9 }
        sum += d; twice = !twice }
      printf "%s%d;+7950%07d;nano\n", body, (10 - sum % 10) % 10, n } }' > "$work/delivery.csv"
  expect 0 "migrate a scratch database" -- "$cli" --db "sqlite:$work/delivery.db" db migrate
  expect 0 "its administrator" -- "$cli" --db "sqlite:$work/delivery.db" staff add --login admin --name "Орлова Марина" \
    --role head_office_admin --password demo1234
  expect 0 "its dealer" -- "$cli" --db "sqlite:$work/delivery.db" --as admin dealer add --kind legal_entity --name "ООО «Тест»" \
    --inn 7730543210 --ogrn 1237700543211 --kpp 773001001
  expect 0 "its salon" -- "$cli" --db "sqlite:$work/delivery.db" --as admin salon add --dealer 1 --name "Склад" --address Москва \
    --tz Europe/Moscow
  expect 0 "100 000 cards from one file" -- "$cli" --db "sqlite:$work/delivery.db" --json --as admin stock receive --salon 1 \
    --file "$work/delivery.csv"
  contains "all received" '"received": 100000'
fi

if [ "${SALON_TEST_BACKEND:-sqlite}" = sqlite ]; then
  expect 0 "bench on a scratch database" -- "$cli" --db "sqlite:$work/bench.db" --lang en bench stock --cards 1200 --lookups 20
  contains "fill time" "Filled 1200 cards"
  contains "ICCID lookups" "find_sim by ICCID: median"
  contains "number lookups" "find_sim by number: median"
  expect 0 "bench again reuses the cards" -- "$cli" --db "sqlite:$work/bench.db" --lang en bench stock --cards 1200 --lookups 20
  contains "reused" "already there"
fi

cli_test_summary "stock cli"
