#!/usr/bin/env bash
# salon-cli in Russian says what the desk says in words, never its codes or C-locale numbers: a visitor's
# status and purpose ("ждёт", "Пополнение баланса", not "waiting", "top_up"), minutes with a decimal comma
# ("0,0"), a shortfall on the Z report with the minus sign (U+2212), a port-in's donor only from the
# operators' list (R-POS-9); and printing on a station without a print service refused in words.
# Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang ru --till till-9 "$@"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0 --no-training
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "a ticket" -- run --as ivanov queue take --salon "$salon" --purpose top_up
contains "status in words" "(ждёт)"
expect 0 "the queue" -- run --as ivanov queue list --salon "$salon"
contains "purpose in words" "Пополнение баланса"
contains "status in the table" "ждёт"
if grep -qE "top_up|waiting" <<<"$out"; then failed=$((failed + 1)); echo "FAIL: a code in the queue table: $out"; else passed=$((passed + 1)); fi
expect 0 "the dashboard" -- run --as ivanov dashboard
contains "minutes with a decimal comma" "0,0"
if grep -qE "[0-9]\.[0-9] мин" <<<"$out"; then failed=$((failed + 1)); echo "FAIL: a decimal point: $out"; else passed=$((passed + 1)); fi

# A shortfall of 100 roubles, approved by the senior: the Z report's difference has a real minus.
expect 0 "open" -- run --as ivanov shift open --float 1000
SALON_APPROVER_PASSWORD=demo1234 expect_text 0 "close short" -- run --as ivanov shift close --counted 900 --reason "сдача выдана дважды" --approver volkova
contains "shortfall with U+2212" "Расхождение: −100,00 ₽"
if grep -qF -- "-100,00" <<<"$out"; then failed=$((failed + 1)); echo "FAIL: a hyphen for minus: $out"; else passed=$((passed + 1)); fi

# Printing the Z report on the 80 mm roll through CUPS: where no print service answers, a clear refusal.
CUPS_SERVER=$work/no-cups.sock expect 1 "no print service" -- run --as ivanov shift report --id 1 --print
contains "nothing printed" "Ничего не напечатано: на этой кассе не настроен принтер"
CUPS_SERVER=$work/no-cups.sock expect 1 "an unknown printer" -- run --as ivanov shift report --id 1 --print --printer Kassa80
contains "printer named" "принтер «Kassa80» неизвестен службе печати"

# The donor of a port-in comes from the list of operators (R-POS-9).
transfer=$(date -u -d "+10 days" +%Y-%m-%d)
cat > "$work/port.json" <<JSON
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "port_in", "msisdn": "8 903 111-22-33", "donor": "мтс ", "desired_date": "$transfer", "tariff": "smart"}],
 "paid_cash": ""}
JSON
expect 1 "a donor typed freely" -- run --as ivanov sale price --draft "$work/port.json"
contains "named" "выберите оператора из списка"
sed -i 's/"мтс "/"МТС"/' "$work/port.json"
expect 0 "a donor from the list" -- run --as ivanov sale price --draft "$work/port.json"
cli_test_summary desk_words_cli
