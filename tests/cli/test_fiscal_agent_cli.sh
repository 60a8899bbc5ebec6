#!/usr/bin/env bash
# salon-cli fiscal agent OPERATOR (R-POS-10, 54-FZ): the supplier's name, INN and phone a top-up's receipt
# carries as a payment agent's receipt; head office sets them (a specialist may not), the INN's checksum and
# the phone are checked; the receipt and the registrar's document then carry them. SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en --till till-8 "$@"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
expect 1 "a specialist may not" -- run --as ivanov fiscal agent operator --supplier-name "ПАО «Связь»" --supplier-inn 7700123459 --supplier-phone "+7 495 123-45-67"
contains "the permission named" "Administer the database"
expect 1 "a wrong INN checksum" -- run --as admin fiscal agent operator --supplier-name "ПАО «Связь»" --supplier-inn 7700123458 --supplier-phone "+7 495 123-45-67"
contains "INN named" "INN"
expect 1 "a short phone" -- run --as admin fiscal agent operator --supplier-name "ПАО «Связь»" --supplier-inn 7700123459 --supplier-phone 123
contains "phone named" "Supplier's phone"
expect 2 "the phone is required" -- run --as admin fiscal agent operator --supplier-name "ПАО «Связь»" --supplier-inn 7700123459
expect 0 "head office sets them" -- run --json --as admin fiscal agent operator --supplier-name "ПАО «Связь»" --supplier-inn "7700 123459" --supplier-phone "8 (495) 123-45-67"
contains "name" '"supplier_name": "ПАО «Связь»"'
contains "digits" '"supplier_inn": "7700123459"'
contains "phone normalised" '"supplier_phone": "+74951234567"'
contains "the top-ups' operator" '"top_up_operator": true'
expect 0 "another operator's, said to be unused by the desk" -- run --as admin fiscal agent other --supplier-name "ООО «Другой»" --supplier-inn 7700123459 --supplier-phone "+74950000000"
contains "note" 'the desk'"'"'s top-ups are for operator "operator"'

salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "receive a card" -- run --as admin stock receive --salon "$salon" --iccid 89701990000000000017 --msisdn "+7 999 123-45-67"
cat > "$work/sim.json" <<'JSON'
{"with_client": true,
 "client": {"full_name": "Петров Пётр Петрович", "birth_date": "01.02.1985", "passport": "4510 654321",
            "issued_on": "15.03.2005", "issuer": "ОВД района Хамовники г. Москвы",
            "address": "г. Москва, ул. Льва Толстого, д. 16", "phone": ""},
 "lines": [{"kind": "sim", "iccid": "89701990000000000017", "tariff": "smart"}], "paid_cash": "1000"}
JSON
echo '{"lines": [{"kind": "top_up", "msisdn": "+79991234567", "amount": "500"}], "paid_cash": "500"}' > "$work/top_up.json"
expect 0 "open" -- run --as ivanov shift open --float 1000
expect 0 "the SIM" -- run --as ivanov sale commit --draft "$work/sim.json"
expect 0 "the top-up" -- run --json --as ivanov sale commit --draft "$work/top_up.json"
contains "fiscalised" '"fiscal_state": "fiscalised"'
top_up=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sale_id"])' "$out")
expect 0 "the receipt names the supplier" -- run --as ivanov receipt show "$top_up"
contains "agent" "Payment agent"
contains "supplier" "Supplier: ПАО"
contains "its INN" "INN 7700123459"
contains "its phone" "+74951234567"
expect 0 "journaled" -- "$cli" --db "$db" --json audit list --limit 200
contains "the entry" '"action": "fiscal.agent"'
expect 0 "audit verify" -- "$cli" --db "$db" audit verify
cli_test_summary test_fiscal_agent_cli
