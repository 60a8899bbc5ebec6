#!/usr/bin/env bash
# salon-cli queue take|call|finish|left|rate|thanks|list and dashboard (R-POS-4..6). SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234
run() { "$cli" --db "$db" --lang en "$@"; }

expect 0 "demo seed" -- run demo seed --days 0
salon=$(run --json salon list | python3 -c 'import json,sys; print([s["id"] for s in json.load(sys.stdin) if "Киевская" in s["name"]][0])')
expect 0 "a kiosk ticket" -- run --as admin queue take --salon "$salon" --purpose top_up
contains "labelled" "Б-001"
expect 0 "a second ticket" -- run --json --as admin queue take --salon "$salon" --purpose sale
contains "numbered" '"ticket": "П-002"'
expect 1 "an unknown purpose" -- run --as admin queue take --salon "$salon" --purpose coffee
contains "names the field" "Purpose of the visit"
expect 1 "calling needs a person" -- run queue call
expect 0 "the top-up desk calls the top-up first" -- run --json --as ivanov queue call --purpose top_up
contains "first ticket" '"ticket": "Б-001"'
visit=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$out")
expect 1 "one visitor at a time" -- run --as ivanov queue call
contains "finish first" "finish visitor Б-001 first"
expect 1 "a colleague cannot finish it" -- run --as volkova queue finish 999999
expect 0 "finish" -- run --as ivanov queue finish "$visit"
contains "done" "(served)"
expect 1 "a rating of 7" -- run --as admin queue rate "$visit" 7
contains "rating field" "Rating"
expect 0 "a rating of 5" -- run --as admin queue rate "$visit" 5
expect 1 "rated twice" -- run --as admin queue rate "$visit" 4
expect 0 "thanks" -- run --as ivanov queue thanks "$visit" "Спасибо за быструю помощь"
expect 0 "list" -- run --as ivanov queue list
contains "waiting ticket listed" "П-002"
expect 0 "dashboard" -- run --as ivanov dashboard
contains "queue line" "waiting 1, being served 0, served 1"
contains "norms table" "Good ratings (norm 85%)"
contains "the specialist's share" "100%"
expect 0 "dashboard as JSON for head office" -- run --json dashboard --salon "$salon"
contains "p90" '"p90_wait_minutes"'
cli_test_summary test_queue_cli
