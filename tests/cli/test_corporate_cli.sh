#!/usr/bin/env bash
# salon-cli corporate ...: companies and their numbers (R-CORP-1, R-CORP-13), the application filed, printed
# as a two-page PDF and taken through its statuses (R-CORP-2), the cabinet's steps with the code through the
# SMS outbox, a failed send kept and tried again (R-CORP-3), the administrator change (R-CORP-7), a trainee
# refused (R-TRN-11), and bad input refused naming the field with nothing saved. The rules themselves are
# checked in tests/pos_corporate. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
export SALON_SMS_LOG=$work/sms.log
run() { "$cli" --db "$db" --lang en "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
before=$(run --json corporate clients | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

# R-CORP-1: a legal entity and a sole proprietor, told apart by the INN.
expect 0 "a legal entity" -- run --as ivanov corporate client add --inn 7725123450 --ogrn 1217700987657 \
  --kpp 772501001 --name "ООО «Вектор»" --contract В-17 --contract-date 10.01.2026
expect 0 "a sole proprietor" -- run --json --as ivanov corporate client add --inn 390612345624 \
  --ogrn 320390600123459 --name "ИП Зайцева Ольга Петровна" --contract В-18 --contract-date 2026-02-01
contains "kind" '"kind": "sole_proprietor"'
expect 1 "a sole proprietor with a KPP" -- run --json --as ivanov corporate client add --inn 253612345607 \
  --ogrn 315253600543213 --kpp 253601001 --name "ИП Тест" --contract 1 --contract-date 2026-02-01
contains "the field" '"input": "kpp"'
expect 1 "in Russian" -- "$cli" --db "$db" --lang ru --as ivanov corporate client add --inn 253612345607 \
  --ogrn 315253600543213 --kpp 253601001 --name "ИП Тест" --contract 1 --contract-date 2026-02-01
contains "Russian message" "КПП: у индивидуального предпринимателя нет КПП"
expect 1 "a wrong INN check digit" -- run --json --as ivanov corporate client add --inn 7725123451 \
  --ogrn 1217700987657 --kpp 772501001 --name "ООО Ошибка" --contract 1 --contract-date 2026-02-01
contains "the field" '"input": "inn"'
expect 1 "a trainee is refused" -- run --as sokolova corporate client add --inn 3906123455 --ogrn 1123906123450 \
  --kpp 390601001 --name "ООО Стажёр" --contract 1 --contract-date 2026-02-01
contains "trainee" "trainee"
expect 1 "a change needs --as" -- run corporate client add --inn 3906123455 --ogrn 1123906123450 \
  --kpp 390601001 --name "ООО Никто" --contract 1 --contract-date 2026-02-01

# R-CORP-13: the numbers with their business tariffs.
expect 0 "a number on Альфа" -- run --as ivanov corporate number add --client 7725123450 "8 905 123-00-01" --tariff alfa
expect 0 "a number on Гамма" -- run --as ivanov corporate number add --client 7725123450 +79051230002 --tariff Гамма
expect 1 "a private tariff" -- run --json --as ivanov corporate number add --client 7725123450 +79051230003 --tariff smart
contains "the field" '"input": "tariff"'
expect 0 "the list" -- run --json corporate clients
count=$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$out")
[ "$count" -eq $((before + 2)) ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $count clients, expected $((before + 2))"; }
python3 - "$out" <<'PY' && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the JSON list"; }
import json, sys
clients = {c["inn"]: c for c in json.loads(sys.argv[1])}
v = clients["7725123450"]
assert v["kind"] == "legal_entity" and v["name"] == "ООО «Вектор»", v
assert [(n["msisdn"], n["tariff"], n["status"]) for n in v["numbers"]] == [
    ("+79051230001", "Альфа", "active"), ("+79051230002", "Гамма", "active")], v["numbers"]
assert clients["390612345624"]["kind"] == "sole_proprietor" and clients["390612345624"]["kpp"] is None
PY
expect 0 "show in text" -- run --as ivanov corporate client show 7725123450
contains "numbers listed" "+7 905 123-00-01"
contains "tariff listed" "Альфа"

# R-CORP-2: the application.
poa=(--poa-number 5-Д --poa-issued-on 2026-11-01 --poa-valid-until 2099-11-01 --poa-issued-by "Директор Векторов В. В."
     --poa-issued-to "Лисицына М. О.")
expect 1 "an administrator not the company's" -- run --json --as ivanov corporate application add --client 7725123450 \
  --email it@vector.ru --admin +79059999999 "${poa[@]}"
contains "the field" '"input": "admin_msisdn"'
expect 1 "an expired power of attorney" -- run --json --as ivanov corporate application add --client 7725123450 \
  --email it@vector.ru --admin +79051230002 --poa-number 1 --poa-issued-on 2020-01-01 --poa-valid-until 2021-01-01 \
  --poa-issued-by Директор --poa-issued-to Зам
contains "the field" '"input": "poa_valid_until"'
expect 0 "the application" -- run --json --as ivanov corporate application add --client 7725123450 \
  --email it@vector.ru --admin +79051230002 "${poa[@]}"
app=$(json_field '["application"]["id"]')
contains "draft" '"status": "draft"'
expect 1 "a step out of order" -- run --as ivanov corporate application advance "$app" --to active
contains "named" "can only become printed, not active"
expect 0 "print" -- run --as ivanov corporate application print "$app" --out "$work/application.pdf"
pages=$(pdfinfo "$work/application.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $pages pages, expected 2"; }
pdftotext "$work/application.pdf" "$work/application.txt"
out=$(cat "$work/application.txt")
contains "the company in the PDF" "ООО «Вектор»"
contains "the administrator in the PDF" "+7 905 123-00-02"
for step in signed registered active; do
  expect 0 "advance to $step" -- run --json --as ivanov corporate application advance "$app"
  contains "$step" "\"status\": \"$step\""
done
expect 0 "the history" -- run --json corporate application show "$app"
steps=$(python3 -c 'import json,sys; print(",".join(h["to"] for h in json.loads(sys.argv[1])["history"]))' "$out")
[ "$steps" = "draft,printed,signed,registered,active" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: history $steps"; }

# R-CORP-3: the cabinet; first the SMS centre fails (the log's folder is a file), and the message waits.
touch "$work/a-file"
SALON_SMS_LOG=$work/a-file/sms.log expect 0 "enable, the SMS fails" -- run --as ivanov corporate cabinet enable \
  --client 7725123450 --phone 89051230002
contains "waiting" "not delivered yet"
contains "sandbox said" "Sandbox"
expect 0 "the waiting list" -- run --json corporate sms list --waiting
sms=$(json_field '[0]["id"]')
contains "the error kept" "cannot write the SMS sandbox log"
contains "attempts" '"attempts": 1'
expect 0 "tried again now" -- run --json --as ivanov corporate sms send "$sms"
contains "delivered" '"sent": true'
grep -q "+79051230002" "$SALON_SMS_LOG" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the sandbox log lacks the SMS"; }
code=$(python3 -c 'import json,sys,re; print(re.findall(r"\d+", json.loads(sys.argv[1])["sms"]["body"])[-1])' "$out")
expect 1 "a wrong code" -- run --json --as ivanov corporate cabinet sign-in --client 7725123450 --code 1234567
contains "the field" '"input": "code"'
expect 0 "the first sign-in" -- run --as ivanov corporate cabinet sign-in --client 7725123450 --code "$code"
expect 0 "the permanent password" -- run --as ivanov corporate cabinet password --client 7725123450
expect 0 "the cabinet" -- run --json corporate cabinet show --client 7725123450
contains "enabled" '"step": "password_set"'
contains "sandbox" '"sms_sandbox": true'

# R-CORP-7: a new administrator; the old one is blocked, the new application is free and names the old one.
expect 0 "administrator change" -- run --json --as ivanov corporate admin change --client 7725123450 \
  --email it@vector.ru --admin +79051230001 "${poa[@]}"
new_app=$(json_field '["new_application_id"]')
expect 0 "the new application" -- run --json corporate application show "$new_app"
contains "replaces" "\"replaces_id\": $app"
contains "free" '"fee": 0'
expect 0 "the old one revoked" -- run --json corporate application show "$app"
contains "revoked" '"status": "revoked"'
expect 0 "the cabinet blocked" -- run --json corporate cabinet show --client 7725123450
contains "blocked" '"admin_blocked": true'

# Business tariffs: Альфа for two numbers at once, 750 ₽ each on the receipt; an employee without a power
# of attorney changes no tariff (R-CORP-6); a trainee is refused (R-TRN-11).
poa_id=$(run --json corporate application show "$new_app" | python3 -c 'import json,sys; print(json.load(sys.stdin)["power_of_attorney"]["id"])')
expect 0 "open the shift" -- run --as ivanov --till corp-1 shift open --float 1000
expect_text 0 "connect Альфа" -- run --as ivanov --till corp-1 corporate tariff connect --client 7725123450 \
  --tariff Альфа --poa-id "$poa_id" --cash 1500 +79051230002 +79051230009
contains "the fee per number" "1 × 750.00"
contains "the total" "1,500.00"
contains "the new number" "+7 905 123-00-09"
expect 1 "an employee without a power of attorney" -- run --json --as ivanov --till corp-1 corporate tariff change \
  --client 7725123450 --tariff beta --employee +79051230001 +79051230001
contains "refused" "without a power of attorney cannot change a tariff"
expect 1 "a trainee" -- run --as sokolova --till corp-2 corporate tariff change --client 7725123450 --tariff beta \
  --poa-id "$poa_id" +79051230001
contains "trainee" "trainee"
# R-CORP-6: an employee sees his own number's charges, not a colleague's.
expect 0 "his own number" -- run --json corporate number charges --client 7725123450 --employee +79051230009 +79051230009
contains "tariff" '"tariff": "Альфа"'
expect 1 "a colleague's number" -- run corporate number charges --client 7725123450 --employee +79051230009 +79051230001
contains "refused" "only his own number"
# R-CORP-8: a company still on the old cabinet moves to the new one by getting a password.
expect 0 "a number of the sole proprietor" -- run --as ivanov corporate number add --client 390612345624 +79051230101 --tariff vega
expect 0 "the old cabinet" -- run --json --as ivanov corporate cabinet old --client 390612345624 --admin +79051230101
expect 0 "its steps" -- run --json --as ivanov corporate cabinet enable --client 390612345624 --phone +79051230101
code=$(python3 -c 'import json,sys,re; print(re.findall(r"\d+", json.loads(sys.argv[1])["sms"]["body"])[-1])' "$out")
expect 0 "sign-in" -- run --as ivanov corporate cabinet sign-in --client 390612345624 --code "$code"
expect 0 "password" -- run --as ivanov corporate cabinet password --client 390612345624
expect 0 "moved" -- run --json corporate cabinet show --client 390612345624
contains "the new cabinet" '"version": "new"'

expect 0 "the numbers' tariffs" -- run --json corporate client show 7725123450
python3 - "$out" <<'PY' && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: tariffs after the order"; }
import json, sys
numbers = {n["msisdn"]: n["tariff"] for n in json.loads(sys.argv[1])["numbers"]}
assert numbers == {"+79051230001": "Альфа", "+79051230002": "Альфа", "+79051230009": "Альфа"}, numbers
PY

cli_test_summary corporate_cli
