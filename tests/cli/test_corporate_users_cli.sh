#!/usr/bin/env bash
# salon-cli corporate export-users | import-users | compliance: a company's users' data (R-CORP-10..12).
# An exported template opened by LibreOffice shows its rows; a workbook LibreOffice saved imports; a file
# with a rejected row imports nothing unless --valid-only. The rules are checked in
# tests/pos_corporate/test_users_data.cpp. Runs on SQLite, or on PostgreSQL when SALON_TEST_BACKEND=postgresql.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234  # the changes act --as admin (the demo's)

# The company and its numbers are written as the schema has them (the corporate desk's own verbs are
# tested beside them).
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$db" -qAtc "$1"; else sqlite3 "$work/salon.db" "$1"; fi
}
# The company's own entry of `corporate compliance --json` (keys in order: inn, list_stale, name,
# newest_list_on, numbers, numbers_without_data, overdue), the demo's companies left out.
ours() { out=$(grep -A5 '"inn": "7736050003"' <<<"$out"); }
expect 0 "migrate" -- "$cli" --db "$db" db migrate
expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0
now=$(date -u +%s)
sql "INSERT INTO tariff (code, name, segment, is_bundle) VALUES ('users-test', 'Тест', 'business', 1)" >/dev/null
sql "INSERT INTO corporate_client (kind, inn, ogrn, kpp, official_name, contract_number, contract_date, created_at)
     VALUES ('legal_entity', '7736050003', '1027700070518', '770801001', 'ООО «Тестовая»', 'К-1', '2026-01-01', $now)" >/dev/null
for n in +79021777701 +79021777702 +79021777703; do
  sql "INSERT INTO corporate_number (client_id, msisdn, tariff_id, status, status_changed_at, added_at)
       SELECT c.id, '$n', t.id, 'active', $now, $now FROM corporate_client c, tariff t
       WHERE c.inn = '7736050003' AND t.code = 'users-test'" >/dev/null
done

expect 0 "compliance lists the company" -- "$cli" --db "$db" --json corporate compliance
ours
contains "numbers without data" '"numbers_without_data": 3,'
contains "its INN" '"inn": "7736050003"'

expect 0 "blank template" -- "$cli" --db "$db" --lang en corporate export-users --client 7736050003 --out "$work/blank.xlsx" --blank
contains "three numbers" "3 numbers, 0 with users' data"
expect 1 "unknown company" -- "$cli" --db "$db" --lang en corporate export-users --client 7700000000 --out "$work/x.xlsx" --blank
contains "names the INN" "no company with INN 7700000000"

header='Номер;Фамилия;Имя;Отчество;Дата рождения;Адрес регистрации;Документ;Серия и номер;Кем выдан;Дата выдачи'
printf '%s\n%s\n%s\n%s\n' "$header" \
  '79021777701;Иванов;Иван;Иванович;31.12.1990;Москва, ул. Арбат, 1;Паспорт;4506 123456;ОВД Арбат;15.01.2011' \
  '79021777702;Петров;Пётр;;31.02.1985;Москва;Паспорт;4506 654321;ОВД;20.05.2005' \
  '79031000009;Чужой;Олег;;1985-05-20;Москва;Паспорт;4506 654322;ОВД;2005-05-20' > "$work/users.csv"
expect 1 "a rejected row: nothing imported" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/users.csv"
contains "row and field" 'Row 3, «Дата рождения»: there is no such day: 31.02.1985'
contains "not the company's" 'Row 4, «Номер»: +79031000009 is not a number of this company'
contains "nothing imported" "2 rows rejected; nothing was imported"
expect 0 "nothing was imported" -- "$cli" --db "$db" --json corporate compliance
ours
contains "still three without data" '"numbers_without_data": 3'
expect 1 "as JSON: one object with the problems" -- "$cli" --db "$db" --json --as admin corporate import-users --client 7736050003 "$work/users.csv"
contains "problems inside" '"column": "Дата рождения"'
expect 0 "dry run" -- "$cli" --db "$db" --lang en corporate import-users --client 7736050003 "$work/users.csv" --dry-run --valid-only
contains "dry run says so" "nothing imported (--dry-run)"
expect 0 "valid only" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/users.csv" --valid-only
contains "one imported" "Imported 1 of 3 rows"
expect 0 "two left without data" -- "$cli" --db "$db" --json corporate compliance
ours
contains "two without data" '"numbers_without_data": 2'

# Columns missing or renamed, and files that are no spreadsheet.
printf 'Номер;Фамилия;Имя\n79021777701;Иванов;Иван\n' > "$work/short.csv"
expect 1 "missing column" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/short.csv"
contains "names the column" "the header has no column «Отчество»"
: > "$work/empty.csv"
expect 1 "empty file" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/empty.csv"
contains "says empty" "is empty"
head -c 4096 /dev/urandom > "$work/random.xlsx"
expect 1 "not a workbook" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/random.xlsx"
contains "not a zip" "is not an XLSX workbook"

expect 0 "filled template" -- "$cli" --db "$db" --lang en --as admin corporate export-users --client 7736050003 --out "$work/filled.xlsx"
contains "one with data" "3 numbers, 1 with users' data"
expect 1 "a filled export needs a person" -- "$cli" --db "$db" --lang en corporate export-users --client 7736050003 --out "$work/f2.xlsx"

if command -v soffice >/dev/null 2>&1; then
  profile="file://$work/lo-profile"
  lo() { soffice -env:UserInstallation="$profile" --headless "$@" >/dev/null 2>&1; }
  # The exported template, opened by LibreOffice: the headers and the rows as written.
  # (UTF-8, comma-separated, cells as shown: the filter's options; without them LibreOffice writes the locale's.)
  lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' --outdir "$work/lo" "$work/filled.xlsx"
  out=$(cat "$work/lo/filled.csv" 2>/dev/null)
  contains "LibreOffice reads the headers" "Номер,Фамилия,Имя,Отчество,Дата рождения,Адрес регистрации,Документ,Серия и номер,Кем выдан,Дата выдачи"
  contains "LibreOffice reads the filled row" '79021777701,Иванов,Иван,Иванович,31.12.1990,"Москва, ул. Арбат, 1",Паспорт гражданина РФ,4506 123456,ОВД Арбат,15.01.2011'
  contains "LibreOffice reads a blank row" "79021777703,,,"
  # A workbook LibreOffice itself saved as XLSX (and as ODS), from a CSV with the columns in another order.
  mkdir -p "$work/lo-src"
  printf '%s\n%s\n' 'Фамилия,Имя,Отчество,Номер,Дата рождения,Адрес регистрации,Документ,Серия и номер,Кем выдан,Дата выдачи' \
    'Петров,Пётр,,79021777702,20.05.1985,Москва,Паспорт,4506 654321,ОВД,20.05.2005' > "$work/lo-src/users2.csv"
  lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$work/lo" "$work/lo-src/users2.csv"
  lo --infilter="CSV:44,34,76,1" --convert-to ods --outdir "$work/lo" "$work/lo-src/users2.csv"
  expect 0 "LibreOffice's ODS checks" -- "$cli" --db "$db" --lang en corporate import-users --client 7736050003 "$work/lo/users2.ods" --dry-run
  contains "ODS row valid" "Checked 1 rows: 1 valid, 0 rejected"
  expect 0 "LibreOffice's XLSX imports" -- "$cli" --db "$db" --lang en --as admin corporate import-users --client 7736050003 "$work/lo/users2.xlsx"
  contains "XLSX row imported" "Imported 1 of 1 rows"
  expect 0 "one left without data" -- "$cli" --db "$db" --json corporate compliance
  ours
  contains "one without data" '"numbers_without_data": 1'
else
  echo "soffice is not installed: the LibreOffice round trip is skipped (install libreoffice-calc-nogui)"
fi

expect 0 "audit names the import" -- "$cli" --db "$db" audit list
contains "import journaled" "corporate.users.import"
contains "export journaled" "corporate.users.export"

cli_test_summary "corporate users cli"
