#!/usr/bin/env bash
# salon-cli training bank ... and training stats (R-TRN-6): the shipped bank loaded once with 80+ questions
# over the four topics, list/show/retire, a Moodle 4 file imported with the types the station does not run
# reported, export → import giving the same bank, hostile files refused with nothing changed, and the item
# analysis of a cohort. The rules themselves are checked in tests/training_core. Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
fixtures=$(cd "$(dirname "$0")/../fixtures/moodle" && pwd)
run() { "$cli" --db "$db" --lang en "$@"; }
json_field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0 --no-training
expect 1 "seeding needs --as" -- run training bank seed
expect 0 "the shipped bank" -- run --json --as trainer training bank seed
contains "questions added" '"added": 109'
expect 0 "seeding again adds nothing" -- run --json --as trainer training bank seed
contains "nothing added" '"added": 0'

# R-TRN-6: at least 80 questions, at least 20 of each topic; the exact JSON contract.
expect 0 "stats" -- run --json training bank stats
total=$(json_field '["total"]')
[ "$total" -ge 80 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: only $total questions"; }
for t in geography russian tariff_math gadgets; do
  n=$(json_field "[\"topics\"][\"$t\"]")
  [ "$n" -ge 20 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: $t has $n questions"; }
done
[ "$(python3 -c 'import json,sys; print(sorted(json.loads(sys.argv[1])["topics"]))' "$out")" = "['gadgets', 'geography', 'russian', 'tariff_math']" ] \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: topics are not the four of R-TRN-6"; }
expect 0 "stats in text" -- run training bank stats
contains "a topic's title" "Geography (roaming)"

expect 0 "list a topic" -- run --json training bank list --topic russian
contains "a Russian question" '"topic": "russian"'
expect 1 "an unknown topic" -- run --json training bank list --topic history
contains "the field" '"input": "topic"'
first=$(run --json training bank list --topic geography | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
expect 0 "show a question" -- run training bank show "$first"
contains "its category" "География"
tariff=$(run --json training bank list --topic tariff_math | python3 -c 'import json,sys; print([q["id"] for q in json.load(sys.stdin) if q["kind"]=="tariff_math"][0])')
expect 0 "show a generated question" -- run --json training bank show "$tariff"
contains "today's rendering" '"today"'
contains "the catalog's date" '"date"'

# Retiring: a change, so it needs a person allowed to run training.
expect 1 "retiring needs --as" -- run training bank retire "$first"
expect 1 "a salon specialist may not retire" -- run --as ivanov training bank retire "$first"
expect 0 "the trainer retires" -- run --as trainer training bank retire "$first"
expect 1 "retired twice" -- run --as trainer training bank retire "$first"
expect 0 "stats after retiring" -- run --json training bank stats
contains "one fewer" "\"total\": $((total - 1))"
contains "one retired" '"retired": 1'

# A Moodle 4 file: five questions run by the station, four reported with their reason.
expect 1 "importing needs --as" -- run training bank import "$fixtures/moodle4_sample.xml"
expect 0 "import a Moodle file" -- run --as trainer training bank import "$fixtures/moodle4_sample.xml"
contains "the count" "5 of 9 questions imported, 4 skipped."
contains "an essay is named" "Эссе о роуминге"
contains "its type" "(essay)"
contains "matching" "(matching)"
contains "numerical" "(numerical)"
contains "no topic" "Вопрос без темы"
expect 0 "the same file again" -- run --json --as trainer training bank import "$fixtures/moodle4_sample.xml"
contains "nothing new" '"imported": 0'

# Export → import into an empty database gives the same bank.
expect 0 "export to a file" -- run training bank export --format moodle-xml --out "$work/bank.xml"
expect 0 "export to standard output" -- run training bank export --format moodle-xml
contains "Moodle's root" "<quiz>"
contains "a category" '<question type="category">'
expect 1 "an unknown format" -- run training bank export --format gift
if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then
  copy_name="${pg_name}_copy"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $copy_name" >/dev/null
  trap 'psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" >/dev/null; psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $copy_name WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
  copy="$SALON_TEST_PG dbname=$copy_name"
else
  copy="sqlite:$work/copy.db"
fi
expect 0 "an empty second database" -- "$cli" --db "$copy" demo seed --days 0 --no-training
expect 0 "import the export" -- "$cli" --db "$copy" --lang en --json --as trainer training bank import "$work/bank.xml"
contains "nothing skipped" '"skipped": []'
bank_of() {
  "$cli" --db "$1" --json training bank list | python3 -c '
import json, sys
rows = [q for q in json.load(sys.stdin) if not q["retired"]]
print(sorted(json.dumps([q["topic"], q["category"], q["kind"], q["name"], q["text"]], ensure_ascii=False) for q in rows))'
}
bodies_of() {
  for id in $("$cli" --db "$1" --json training bank list | python3 -c '
import json, sys; print(" ".join(str(q["id"]) for q in json.load(sys.stdin) if not q["retired"]))'); do
    "$cli" --db "$1" --json training bank show "$id" | python3 -c '
import json, sys; q = json.load(sys.stdin); v = q["versions"][-1]
print(json.dumps([q["topic"], q["category"], v["kind"], v["name"], v["text"], v["explanation"], v["body"]], ensure_ascii=False, sort_keys=True))'
  done | sort
}
if [ "$(bank_of "$db")" = "$(bank_of "$copy")" ] && [ "$(bodies_of "$db" | md5sum)" = "$(bodies_of "$copy" | md5sum)" ]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: export → import does not give the same bank"
  diff <(bodies_of "$db") <(bodies_of "$copy") | head -5
fi
expect 0 "stats of the copy" -- "$cli" --db "$copy" --json training bank stats
contains "same total" "\"total\": $((total - 1 + 5))"

# Hostile files: refused whole, nothing changed.
before=$(run --json training bank stats)
echo "this is not XML" > "$work/not.xml"
expect 1 "not XML" -- run --as trainer training bank import "$work/not.xml"
contains "says so" "is not XML"
python3 - "$work/many.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="category"><category><text>$course$/top/География</text></category></question>\n')
    for i in range(10000):
        f.write(f'<question type="truefalse"><name><text>В{i}</text></name><questiontext format="html"><text>Вопрос {i}?</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n')
    f.write("</quiz>\n")
PY
expect 1 "10,000 questions" -- run --as trainer training bank import "$work/many.xml"
contains "the limit" "10000 questions, more than the 2000"
python3 - "$work/huge.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="category"><category><text>$course$/top/География</text></category></question>\n')
    f.write('<question type="truefalse"><name><text>Короткий</text></name><questiontext format="html"><text>Да?</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n')
    f.write('<question type="truefalse"><name><text>Огромный</text></name><questiontext format="html"><text>' + "ы" * 300000 + '</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n')
    f.write("</quiz>\n")
PY
expect 1 "a huge text" -- run --as trainer training bank import "$work/huge.xml"
contains "names the question" "Огромный"
expect 0 "stats unchanged" -- run --json training bank stats
[ "$out" = "$before" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: a refused file changed the bank"; }

# The item analysis of a cohort (rows written directly: the attempts are another part of the centre).
expect 1 "an unknown cohort" -- run training stats --cohort 999
sql() {
  if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then psql "$SALON_TEST_PG dbname=$pg_name" -qtAc "$1"
  else sqlite3 "$work/salon.db" "$1"; fi
}
cohort=$(sql "INSERT INTO cohort (week_start, created_at) VALUES ('2030-01-04', 0) RETURNING id")
expect 0 "a cohort without attempts" -- run --json training stats --cohort "$cohort"
contains "no attempts" '"attempts": 0'
contains "no KR-20" '"kr20": null'
expect 0 "item analysis in text" -- run training stats --cohort "$cohort"
contains "the summary" "0 submitted attempts"

cli_test_summary training_bank_cli
