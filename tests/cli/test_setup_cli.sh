#!/usr/bin/env bash
# salon-cli setup: the first run for scripted installs. The connection check changes nothing; a bad time
# zone is refused naming the field with nothing created (the database stays "not set up" and the next run
# starts again); setting up makes the dealer, the salon and the administrator, who then signs in; a second
# setup is refused. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=first-run-1
run() { "$cli" --db "$db" --lang en "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }
# setup ZONE [--json]: the first run with the salon in time zone ZONE
setup() {
  local zone=$1; shift
  run "$@" setup --dealer "ООО «Первый»" --inn 7730543210 --ogrn 1237700543211 --kpp 773001001 \
    --salon "Салон на Тверской" --address "Москва, Тверская ул., 1" --admin-login admin \
    --admin-name "Админова Анна Петровна" --timezone "$zone"
}
count() { run --json "$1" list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

# The connection check: a SQLite file not there yet is not created by it.
expect 0 "check a new SQLite file" -- "$cli" --db "sqlite:$work/new/salon.db" --lang en setup --check-db
contains "will be created" "a new database will be created"
[ ! -e "$work/new" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --check-db created $work/new"; }
expect 1 "check a server nobody listens on" -- "$cli" --db "postgresql://nobody@127.0.0.1:1/none" --json setup --check-db
contains "error code" '"code": "database"'
expect 1 "check an unwritable folder" -- "$cli" --db "sqlite:/proc/version/salon.db" --lang en setup --check-db
contains "names the folder" "/proc/version"

# A bad time zone: refused naming the field, in both languages, and nothing created.
expect 1 "a time zone nobody has" -- setup Europe/Atlantis --json
contains "the field" '"input": "salon.time_zone"'
expect 1 "in English" -- setup Mars/Olympus
contains "English message" "Salon: Time zone"
expect 1 "in Russian" -- "$cli" --db "$db" --lang ru setup --dealer "ООО «Первый»" --inn 7730543210 \
  --ogrn 1237700543211 --kpp 773001001 --salon "Салон" --address "Москва" --admin-login admin \
  --admin-name "Админова Анна" --timezone Mars/Olympus
contains "Russian message" "Салон: Часовой пояс"
expect 1 "a bad administrator login, checked after the dealer's row" -- run --json setup --dealer "ООО «Первый»" \
  --inn 7730543210 --ogrn 1237700543211 --kpp 773001001 --salon "Салон" --address "Москва" \
  --admin-login "Анна Петровна" --admin-name "Админова Анна" --timezone Europe/Moscow
contains "the field" '"input": "admin.login"'
expect 0 "still not set up" -- run --json setup --check-db
contains "not set up" '"set_up": false'
expect 0 "no dealer" -- count dealer
contains "no dealer" "0"
expect 0 "no staff" -- count staff
contains "no staff" "0"
expect 0 "no audit entry" -- run --json audit list
contains "empty journal" "[]"

# The first run, printed as JSON.
expect 0 "setup" -- setup Europe/Moscow --json
contains "ok" '"ok": true'
[ "$(json_field '["salon"]["time_zone"]')" = Europe/Moscow ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: salon's time zone"; }
[ "$(json_field '["admin"]["role"]')" = head_office_admin ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: administrator's role"; }
[ "$(json_field '["dealer"]["inn"]')" = 7730543210 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: dealer's INN"; }
expect 0 "set up now" -- run --json setup --check-db
contains "set up" '"set_up": true'
# The administrator signs in with the password he chose and may run the organisation.
expect 0 "the administrator acts" -- run --json --as admin salon list
contains "his salon" "Салон на Тверской"
expect 0 "the journal holds the first run" -- run --json audit verify
contains "intact" '"ok": true'
contains "four entries" '"entries": 4'

# A second setup is refused and changes nothing.
expect 1 "setup again" -- setup Europe/Samara --json
contains "refused" '"code": "refused"'
contains "already set up" "already set up"
expect 0 "one dealer" -- count dealer
contains "one dealer" "1"
expect 0 "one person" -- count staff
contains "one person" "1"

cli_test_summary test_setup_cli
