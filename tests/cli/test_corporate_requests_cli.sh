#!/usr/bin/env bash
# salon-cli corporate requests list|show|take|import|start|complete|reject|unblock|kinds (R-CORP-4, R-CORP-5,
# R-CORP-6, R-CORP-13): two companies written into the schema beside the demo's people; mails imported from
# an .eml file and a maildir (accepted from the bound address, rejected from another, unrecognised kept, a
# broken file reported, nothing twice); a request taken at the desk by a specialist, refused to a trainee;
# the steps; a block that blocks the number and an unblock at the desk; the numbers list answered into the
# sandbox outbox. The rules themselves are checked in tests/corporate_requests. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
fixtures=$(cd "$(dirname "$0")/../fixtures/mail" && pwd)
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
export SALON_MAIL_OUTBOX=$work/outbox
run() { "$cli" --db "$db" --lang en "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$db" -qAtc "$1"
  else sqlite3 "$work/salon.db" "$1"; fi
}

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
tariff=$(sql "SELECT id FROM tariff WHERE segment = 'business' ORDER BY id LIMIT 1")
sql "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, contract_date, created_at)
     VALUES ('legal_entity', '7801234567', '1027800000017', '780101001', 'ООО «Тест-Ромашка»', '9/2026', '2026-01-15', 0),
            ('sole_proprietor', '780123456789', '304780000000017', NULL, 'ИП Тестов', '10/2026', '2026-01-15', 0)" >/dev/null
romashka=$(sql "SELECT id FROM corporate_client WHERE inn = '7801234567'")
testov=$(sql "SELECT id FROM corporate_client WHERE inn = '780123456789'")
for m in +79770010001 +79770010002; do
  sql "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at)
       VALUES ($romashka, '$m', $tariff, 'active', 0, 0)" >/dev/null
done
sql "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at)
     VALUES ($testov, '+79770020001', $tariff, 'active', 0, 0)" >/dev/null
for c in $romashka $testov; do
  sql "INSERT INTO power_of_attorney (client_id, kind, number, issued_on, valid_until, issued_by, issued_to, created_at)
       VALUES ($c, 'power_of_attorney', '1', '2020-01-01', '2099-12-31', 'Директор', 'Бухгалтер', 0)" >/dev/null
done
poa=$(sql "SELECT id FROM power_of_attorney WHERE client_id = $romashka")
sql "INSERT INTO remote_service_application (client_id, official_name, bound_email, admin_msisdn, confirmation,
       power_of_attorney_id, status, created_at)
     VALUES ($romashka, 'ООО «Тест-Ромашка»', 'office@test-romashka.example', '+79770010001', 'sms_code', $poa, 'active', 0)" >/dev/null

mail() {  # mail FILE FROM MESSAGE-ID SUBJECT BODY: a plain UTF-8 mail
  printf 'From: %s\r\nTo: corp@salon.example\r\nSubject: %s\r\nMessage-ID: <%s>\r\nDate: Wed, 02 Dec 2026 10:00:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n' \
    "$2" "$4" "$3" "$5" > "$1"
}
mkdir -p "$work/maildir/cur" "$work/maildir/new" "$work/maildir/tmp"
mail "$work/maildir/cur/1.host:2,S" "Office <Office@Test-Romashka.example>" "b1@test" "Блокировка" \
  "Прошу заблокировать сим-карту 8 (977) 001-00-01, телефон утерян."
mail "$work/maildir/new/2.host" "stranger@evil.example" "b2@test" "Блокировка" "Заблокируйте номер +79770010002"
mail "$work/maildir/new/3.host" "office@test-romashka.example" "b3@test" "Привет" "Поздравляем с праздником!"
mail "$work/maildir/new/4.host" "office@test-romashka.example" "b4@test" "Список номеров" "Пришлите список всех номеров"
cp "$fixtures/broken.eml" "$work/maildir/new/5.host"

expect 1 "import needs --as" -- run corporate requests import "$work/maildir"
expect 0 "import the maildir" -- run --as ivanov corporate requests import "$work/maildir"
contains "accepted" "1.host:2,S: accepted as request"
contains "foreign address rejected" "2.host: rejected: the sender's address stranger@evil.example is not bound"
contains "unrecognised kept" "3.host: unrecognised, kept for a person to read"
contains "numbers list accepted" "4.host: accepted as request"
contains "broken reported" "5.host: not read:"
expect 0 "import again: nothing twice" -- run --json --as ivanov corporate requests import "$work/maildir"
contains "duplicate" '"outcome": "duplicate"'
[ "$(sql "SELECT COUNT(*) FROM inbound_mail")" = 4 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: four mails kept"; }
mail "$work/one.eml" "office@test-romashka.example" "b6@test" "PUK" "Восстановите PUK для 89770010002"
expect 0 "import one .eml file" -- run --json --as ivanov corporate requests import "$work/one.eml"
contains "one request" '"outcome": "request"'

expect 0 "the list as JSON" -- run --json corporate requests list --client 7801234567
block=$(python3 -c 'import json,sys; print([r["id"] for r in json.loads(sys.argv[1]) if r["kind"] == "block_sim"][0])' "$out")
numbers=$(python3 -c 'import json,sys; print([r["id"] for r in json.loads(sys.argv[1]) if r["kind"] == "number_list"][0])' "$out")
contains "number named" '"msisdn": "+79770010001"'
contains "from mail" '"source": "mail"'
expect 0 "the list as a table" -- run corporate requests list --status new
contains "kind shown" "block a SIM"
contains "counted" "3 requests"
expect 1 "an unknown status" -- run --json corporate requests list --status lost
contains "status named" '"input": "status"'

expect 0 "take a request at the desk" -- run --json --as ivanov corporate requests take --client 780123456789 --kind spending_limit --number "8 977 002-00-01" --details "3000 в месяц"
desk=$(json_field '["id"]')
contains "desk source" '"source": "desk"'
expect 1 "a trainee serves private clients only" -- run --as sokolova corporate requests take --client 780123456789 --kind billing_address
expect 1 "another company's number" -- run --json --as ivanov corporate requests take --client 780123456789 --kind block_sim --number +79770010001
contains "number named" '"input": "number"'
expect 1 "an unknown kind" -- run --json --as ivanov corporate requests take --client 780123456789 --kind teleport
contains "kind named" '"input": "kind"'

expect 0 "start the block" -- run --as ivanov corporate requests start "$block"
contains "in progress" "is in progress"
expect 0 "complete the block" -- run --as ivanov corporate requests complete "$block"
contains "blocked" "The number is blocked."
[ "$(sql "SELECT status FROM corporate_number WHERE msisdn = '+79770010001'")" = blocked ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: number blocked"; }
expect 1 "a done request does not change" -- run --as ivanov corporate requests reject "$block" --reason "late"
expect 0 "reject the desk request" -- run --as ivanov corporate requests reject "$desk" --reason "нет подписи"
expect 0 "complete the numbers list" -- run --json --as ivanov corporate requests complete "$numbers"
contains "answered to the bound address" '"answered_to": "office@test-romashka.example"'
contains "sandbox" '"sandbox": true'
answer=$(json_field '["answer_path"]')
grep -q "+7 977 001-00-01" <(python3 -c 'import email,sys; m=email.message_from_binary_file(open(sys.argv[1],"rb")); print(m.get_payload(decode=True).decode())' "$answer") \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the answer lists the numbers"; }
grep -q "^To: office@test-romashka.example" "$answer" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: answer To"; }

expect 2 "unblock needs a reason" -- run --as ivanov corporate requests unblock --client 7801234567 --number +79770010001
expect 0 "unblock at the desk" -- run --as ivanov corporate requests unblock --client 7801234567 --number +79770010001 --reason "нашёлся"
contains "unblocked" "is unblocked"
[ "$(sql "SELECT status FROM corporate_number WHERE msisdn = '+79770010001'")" = active ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: number unblocked"; }
expect 0 "the mails read" -- run corporate requests mail list --outcome unrecognised
contains "the greeting waits for a person" "Привет"
expect 0 "the mails as JSON" -- run --json corporate requests mail list
unrecognised=$(python3 -c 'import json,sys; print([m["id"] for m in json.loads(sys.argv[1]) if m["outcome"] == "unrecognised"][0])' "$out")
expect 1 "a specialist may not reveal a mail's text" -- run --as ivanov corporate requests mail show "$unrecognised" --reason "прочитать письмо клиента"
expect 0 "a senior reads it, with a reason" -- run --as volkova corporate requests mail show "$unrecognised" --reason "прочитать письмо клиента"
contains "the text" "Поздравляем с праздником!"
expect 0 "kinds with due times" -- run --json corporate requests kinds
contains "block within the hour" '"due_hours": 1'

expect 0 "the journal" -- run --as admin audit list --limit 100
for action in corporate.mail.import corporate.request.take corporate.request.start corporate.request.done \
              corporate.request.reject corporate.number.block corporate.number.unblock personal_data.reveal; do
  contains "$action journaled" "$action"
done
expect 0 "audit verify after the steps" -- "$cli" --db "$db" audit verify
cli_test_summary test_corporate_requests_cli
