#!/usr/bin/env bash
# salon-cli training ...: cohorts on Fridays (R-TRN-1) of at most 40 (R-TRN-5), candidates a dealer sends
# (R-TRN-2) with their kiosk codes, and the entrance test's attempt (R-TRN-6) started with the code,
# answered, resumed, submitted by the candidate or finished overdue when read after the deadline, extra
# time granted; invitations through the sandbox senders (R-TRN-3). The bad inputs: a candidate into a full or a past cohort, a second attempt, an answer after
# the deadline, a code that does not exist or was used. The clock is the test clock (SALON_TEST_CLOCK, which
# salon-cli honours only with SALON_TEST_BACKEND set). Runs on SQLite or PostgreSQL.
set -u
cli=${1:?salon-cli}
source "$(dirname "$0")/cli_test_lib.sh"
export SALON_PASSWORD=demo1234 SALON_TEST_BACKEND=${SALON_TEST_BACKEND:-sqlite}
t0=1796799600  # Wednesday 9 December 2026, 10:00 in Moscow
export SALON_TEST_CLOCK=$t0
run() { "$cli" --db "$db" --lang en "$@"; }
sql() {
  if [ "$SALON_TEST_BACKEND" = postgresql ]; then psql "$db" -tAqc "$1"; else sqlite3 "${db#sqlite:}" "$1"; fi
}
field() { python3 -c 'import json,sys; print(eval("json.loads(sys.argv[1])" + sys.argv[2]))' "$out" "$1"; }

expect 0 "demo seed" -- "$cli" --db "$db" demo seed --days 0 --no-training
# A small bank of our own (the shipped bank is the bank's): 4 questions per topic, "да" right (options are
# shuffled when drawn, so which index is right differs).
for topic in geography russian tariff_math gadgets; do
  for n in 1 2 3 4; do
    q=$(sql "INSERT INTO question (topic, created_at) VALUES ('$topic', $t0) RETURNING id")
    sql "INSERT INTO question_version (question_id, version_no, kind, text, body, created_at) VALUES ($q, 1, 'single',
         '$topic $n?', '{\"options\":[{\"text\":\"да\",\"fraction\":1.0},{\"text\":\"нет\",\"fraction\":0.0}]}', $t0)" >/dev/null
  done
done
dealer=$(sql "SELECT dealer_id FROM staff WHERE login = 'kuznetsov'")
other=$(sql "SELECT dealer_id FROM staff WHERE login = 'petrova'")

# R-TRN-1, R-TRN-5: cohorts.
expect 1 "a Thursday is not a week's start" -- run --json --as trainer training cohort add --week 2026-12-10
contains "the field" '"input": "week"'
expect 1 "more than 40 places" -- run --json --as trainer training cohort add --week 2026-12-11 --capacity 41
contains "the field" '"input": "capacity"'
expect 1 "a cohort needs --as" -- run training cohort add --week 2026-12-11
expect 1 "a dealer does not create cohorts" -- run --as kuznetsov training cohort add --week 2026-12-11
expect 0 "a cohort of 3" -- run --json --as trainer training cohort add --week 2026-12-11 --capacity 3
cohort=$(field '["cohort"]["id"]')
expect 0 "a week ago, the cohort of 4 December" -- env SALON_TEST_CLOCK=$((t0 - 7 * 86400)) \
  "$cli" --db "$db" --json --as trainer training cohort add --week 2026-12-04
past=$(field '["cohort"]["id"]')
expect 0 "the cohorts" -- run --json training cohorts
contains "the week" '"week_start": "2026-12-11"'

# R-TRN-2: candidates.
add() { run --json --as kuznetsov training candidate add --cohort "$1" --dealer "$dealer" --name "$2" \
  --interview-date 2026-12-01 --phone "+7 916 555-00-0$3" --email "c$3@example.ru" --notes "собеседование"; }
expect 0 "a candidate" -- add "$cohort" "Алексеев Антон" 1
code1=$(field '["candidate"]["kiosk_code"]')
expect 0 "a second" -- add "$cohort" "Борисов Борис" 2
code2=$(field '["candidate"]["kiosk_code"]')
expect 0 "a third" -- add "$cohort" "Васильев Василий" 3
code3=$(field '["candidate"]["kiosk_code"]')
expect 1 "a full cohort takes nobody" -- add "$cohort" "Григорьев Глеб" 4
contains "the field" '"input": "cohort"'
contains "full" "full"
expect 1 "a past cohort takes nobody" -- add "$past" "Опоздавший" 5
contains "the field" '"input": "cohort"'
contains "passed" "passed"
expect 1 "an interview in the future" -- run --json --as kuznetsov training candidate add --cohort "$past" \
  --dealer "$dealer" --name "Будущий" --interview-date 2026-12-20
contains "the field" '"input": "interview_date"'
expect 1 "another dealer's candidate" -- run --as kuznetsov training candidate add --cohort "$cohort" \
  --dealer "$other" --name "Чужой" --interview-date 2026-12-01
[ "$(sql "SELECT COUNT(*) FROM candidate")" = 3 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: refused candidates were saved"; }
expect 0 "the candidates" -- run --json --as kuznetsov training candidates --cohort "$cohort"
contains "a code" "\"kiosk_code\": \"$code1\""
expect 0 "another dealer sees none of them" -- run --json --as petrova training candidates --cohort "$cohort"
[ "$out" = "[]" ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: petrova sees: $out"; }

# R-TRN-3: invitations by SMS and e-mail through the sandbox senders, each with the kiosk code.
export SALON_SMS_LOG=$work/sms.log SALON_MAIL_SANDBOX=$work/mail
expect 1 "a template without the code" -- run --json --as trainer training invitation-template --channel sms --body "Приходите {date}"
contains "the field" '"input": "body"'
expect 1 "a dealer does not edit templates" -- run --as kuznetsov training invitation-template --channel sms --body "{code}"
expect 0 "the trainer edits the SMS" -- run --as trainer training invitation-template --channel sms --body "{name}, обучение с {date}, код {code}"
expect 1 "inviting needs --as" -- run training invite --cohort "$cohort"
expect 0 "invite the cohort" -- run --json --as kuznetsov training invite --cohort "$cohort"
[ "$(field '["queued"]')" = 6 ] && [ "$(field '["invitations"][0]["state"]')" = sent ] &&
  [ "$(field '["invitations"][0]["sender"]')" = sandbox ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: invitations: $out"; }
grep -q "$code1" "$work/sms.log" && grep -rq "c1@example.ru" "$work/mail/new" && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: the sandboxes hold no invitation"; }
[ "$(sql "SELECT COUNT(*) FROM invitation WHERE body LIKE '%$code2%'")" = 2 ] &&
  [ "$(sql "SELECT body FROM invitation WHERE channel = 'sms' AND body LIKE '%$code1%'")" = "Алексеев Антон, обучение с 11.12.2026, код $code1" ] &&
  passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: the invitations do not carry the code"; }

# R-TRN-6: the attempt.
expect 1 "a code that does not exist" -- run --json training attempt start --code 333333
contains "the field" '"input": "code"'
expect 1 "in Russian" -- "$cli" --db "$db" --lang ru training attempt start --code 333333
contains "Russian" "Код"
expect 0 "start with the code" -- run --json training attempt start --code "$code1"
contains "started" '"how": "started"'
attempt=$(field '["attempt"]["id"]')
[ "$(field '["attempt"]["deadline_at"]')" = $((t0 + 900)) ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: deadline is not start + 15 min"; }
[ "$(sql "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = $attempt")" = 16 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: not 16 slots"; }
expect 0 "an answer" -- run training attempt answer --attempt "$attempt" --code "$code1" --slot 1 --answer '[0]'
expect 0 "another" -- run training attempt answer --attempt "$attempt" --code "$code1" --slot 2 --answer '[1]'
expect 1 "an answer with another's code" -- run --json training attempt answer --attempt "$attempt" --code "$code2" --slot 3 --answer '[0]'
contains "the field" '"input": "code"'
expect 1 "a question 17" -- run --json training attempt answer --attempt "$attempt" --code "$code1" --slot 17 --answer '[0]'
contains "the field" '"input": "slot"'
expect 1 "an answer not JSON" -- run --json training attempt answer --attempt "$attempt" --code "$code1" --slot 3 --answer 'да'
contains "the field" '"input": "answer"'
# The kiosk restarted five minutes in: the same attempt with ten minutes left.
expect 0 "start again resumes" -- env SALON_TEST_CLOCK=$((t0 + 300)) "$cli" --db "$db" --json training attempt start --code "$code1"
contains "resumed" '"how": "resumed"'
[ "$(field '["attempt"]["id"]')" = "$attempt" ] && [ "$(field '["attempt"]["seconds_left"]')" = 600 ] &&
  [ "$(field '["attempt"]["answered"]')" = 2 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: resume: $out"; }
# 15:00 passed and the kiosk died: an answer is refused and changes nothing; the next read finishes it.
export SALON_TEST_CLOCK=$((t0 + 901))
expect 1 "an answer after the deadline" -- run training attempt answer --attempt "$attempt" --code "$code1" --slot 3 --answer '[0]'
contains "time" "Time is up"
[ "$(sql "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = $attempt AND answer IS NOT NULL")" = 2 ] &&
  passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the late answer was saved"; }
expect 0 "show finishes the overdue attempt" -- run --json training attempt show --attempt "$attempt"
[ "$(field '["attempt"]["submitted_how"]')" = overdue ] &&
  [ "$(field '["attempt"]["correct_count"]')" = "$(sql "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = $attempt AND correct = 1")" ] &&
  [ "$(field '["attempt"]["answered"]')" = 2 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: overdue: $out"; }
expect 1 "a used code" -- run --json training attempt start --code "$code1"
contains "the field" '"input": "code"'
contains "used" "used"
[ "$(sql "SELECT COUNT(*) FROM attempt")" = 1 ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: a second attempt was created"; }

# The candidate finishes by himself; nothing changes afterwards.
export SALON_TEST_CLOCK=$t0
expect 0 "the second candidate starts" -- run --json training attempt start --code "$code2"
second=$(field '["attempt"]["id"]')
expect 0 "answers" -- run training attempt answer --attempt "$second" --code "$code2" --slot 5 --answer '[0]'
expect 0 "he finishes" -- run --json training attempt submit --attempt "$second" --code "$code2"
[ "$(field '["attempt"]["submitted_how"]')" = candidate ] && [ "$(field '["attempt"]["passed"]')" = False ] &&
  passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: submit: $out"; }
expect 1 "an answer after submission" -- run training attempt answer --attempt "$second" --code "$code2" --slot 6 --answer '[0]'
contains "submitted" "submitted"
expect 1 "a second submission" -- run training attempt submit --attempt "$second" --code "$code2"
expect 1 "a second attempt with the same code" -- run training attempt start --code "$code2"

# Extra time for an outage: a trainer's, journaled, moves the deadline.
expect 0 "the third candidate starts" -- run --json training attempt start --code "$code3"
third=$(field '["attempt"]["id"]')
expect 1 "a grant needs --as" -- run training attempt grant --attempt "$third" --minutes 5 --reason "сбой сети"
expect 1 "a dealer does not grant time" -- run --as kuznetsov training attempt grant --attempt "$third" --minutes 5 --reason "сбой"
expect 1 "minutes out of range" -- run --json --as trainer training attempt grant --attempt "$third" --minutes 0 --reason "сбой"
contains "the field" '"input": "minutes"'
expect 0 "five minutes more" -- run --json --as trainer training attempt grant --attempt "$third" --minutes 5 --reason "сбой сети"
[ "$(field '["attempt"]["deadline_at"]')" = $((t0 + 1200)) ] && passed=$((passed + 1)) ||
  { failed=$((failed + 1)); echo "FAIL: grant: $out"; }
expect 0 "an answer in the extra time" -- env SALON_TEST_CLOCK=$((t0 + 1000)) \
  "$cli" --db "$db" training attempt answer --attempt "$third" --code "$code3" --slot 1 --answer '[0]'
[ "$(sql "SELECT COUNT(*) FROM audit_entry WHERE action = 'training.attempt.grant'")" = 1 ] &&
  [ "$(sql "SELECT COUNT(*) FROM audit_entry WHERE action = 'training.attempt.submit'")" = 2 ] &&
  passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: journal entries"; }

cli_test_summary test_training_attempt_cli
