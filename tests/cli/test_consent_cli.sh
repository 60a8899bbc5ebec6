#!/usr/bin/env bash
# salon-cli client consent|withdraw-consent|contract (152-FZ art. 9, 21): a SIM sale records the consent
# with the contract (text version, offers ticked), the card shows it, the printed contract carries its
# text, a withdrawal taken by a specialist erases the contact phone, switches offers off, masks the name
# and refuses reveals; the journal holds it. The rules themselves are checked in
# tests/pos_core/sale/test_personal_data_consent.cpp. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-3 "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
iccid=89701990000000000017
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid "$iccid" --msisdn "+7 999 123-45-67"
expect 0 "open the shift" -- run --as ivanov shift open --float 1000
cat > "$work/sale.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": "8 912 345-67-89"},
 "lines": [{"kind": "sim", "iccid": "$iccid", "tariff": "smart"}],
 "paid_cash": "100", "marketing_consent": true}
JSON
expect 0 "sell the SIM" -- run --json --as ivanov sale commit --draft "$work/sale.json"
sale=$(json_field '["sale_id"]')
expect 0 "find the client" -- run --json --as ivanov client find "4510 654321"
client=$(json_field '["id"]')
contains "phone on the card" "+7 912 ***-**-89"

expect 0 "the card's consent" -- run --json --as ivanov client consent "$client"
contains "recorded" '"recorded": true'
contains "version" '"text_version": "2026-12"'
contains "offers ticked" '"marketing": true'
contains "one contract" '"live_contracts": 1'
contains "not withdrawn" '"withdrawn": false'
expect 0 "the consent in words" -- run --as ivanov client consent "$client"
contains "kept while in force" "Kept while a contract is in force (1 now) and 3 years after."

expect 0 "the contract as text" -- run --as ivanov client contract "$sale" --pdf "$work/contract.pdf"
contains "consent title" "Consent to the processing of personal data (152-FZ art. 9), text version 2026-12"
contains "categories" "identity document: series and number, date and office of issue"
contains "term" "for 3 years after it ends"
contains "offers agreed" "The subscriber AGREES to receive offers"
contains "passport masked" "45 ** ****21"
head -c 5 "$work/contract.pdf" | grep -q '%PDF-' && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: no PDF written"; }
if command -v pdftotext >/dev/null; then
  pdftotext "$work/contract.pdf" "$work/contract.txt"
  grep -q "152-FZ art. 9" "$work/contract.txt" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the PDF lacks the consent"; }
fi
expect 1 "a sale without a SIM has no contract" -- run --as ivanov client contract 999999

expect 0 "a reveal before the withdrawal" -- run --json --as volkova client reveal "$client" --reason "проверка данных клиента"
contains "revealed" '"passport": "4510 654321"'

expect 1 "a withdrawal needs a person" -- run client withdraw-consent "$client" --reason "отзываю согласие"
expect 1 "a withdrawal needs the client's words" -- run --json --as ivanov client withdraw-consent "$client" --reason " "
contains "reason named" '"input": "reason"'
expect 0 "withdraw" -- run --json --as ivanov client withdraw-consent "$client" --reason "отзываю согласие письменно"
contains "withdrawn" '"withdrawn": true'
contains "offers off" '"marketing": false'
contains "taken by" '"withdrawn_by": "Иванов Артём Сергеевич"'
expect 1 "twice" -- run --as ivanov client withdraw-consent "$client" --reason "ещё раз отзываю"
contains "already" "already withdrew"

expect 0 "the card after" -- run --json --as ivanov client find "4510 654321"
contains "phone erased" '"phone": ""'
contains "name masked" '"full_name": "Петров П. П."'
expect 1 "a reveal after the withdrawal" -- run --as volkova client reveal "$client" --reason "проверка данных клиента"
contains "refused with why" "withdrew his consent to the processing of personal data"
expect 0 "the contract after" -- run --as ivanov client contract "$sale"
contains "offers as signed" "AGREES"
contains "withdrawal on the contract" "The subscriber withdrew this consent on"
expect 0 "journal" -- run --json --as admin audit list
contains "journaled" "personal_data.consent_withdraw"

cli_test_summary test_consent_cli
