#!/usr/bin/env bash
# GUI test of the entrance test's kiosk (R-TRN-6), salon-station --kiosk driven by itself (--kiosk-test):
# (a) a candidate answers three questions, the database's clock moves to the deadline and the kiosk submits
#     at 0:00 with those answers ('deadline');
# (b) a candidate answers two questions, the station is killed (SIGKILL) and started again with the same
#     code five minutes later: the same 16 questions in the same order, 10:00 left, his answers kept; then
#     he finishes by himself ('candidate').
# The clock is the test clock (SALON_TEST_CLOCK with SALON_TEST_BACKEND). With SALON_SCREENSHOT_DIR set,
# the code screen and a question screen are saved there (kiosk-code.png, kiosk-question.png).
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
export HOME=$work/home SALON_PASSWORD=demo1234 SALON_TEST_BACKEND=sqlite
mkdir -p "$HOME"
t0=1796799600  # Wednesday 9 December 2026, 10:00 in Moscow
export SALON_TEST_CLOCK=$t0

# A bank of our own (the shipped bank is the bank's): choices, true/false and short answers.
for topic in geography russian tariff_math gadgets; do
  case $topic in
    geography) about="роуминг: в какой стране действует тариф «Путешествия»" ;;
    russian) about="русский язык: «в течение месяца» пишется раздельно" ;;
    tariff_math) about="тарифы: сколько стоит месяц на тарифе «Базовый»" ;;
    gadgets) about="гаджеты: как называется система смартфона Samsung" ;;
  esac
  for n in 1 2 3 4 5; do
    id=$(q "INSERT INTO question (topic, created_at) VALUES ('$topic', $t0) RETURNING id")
    case $topic in
      russian) kind=truefalse; body='{"answer": true}' ;;
      gadgets) kind=shortanswer; body='{"answers": [{"text": "Android", "fraction": 1.0}]}' ;;
      geography) kind=single; body='{"options": [{"text": "Турция", "fraction": 1.0}, {"text": "Куба", "fraction": 0.0}, {"text": "Ни в какой", "fraction": 0.0}]}' ;;
      *) kind=single; body='{"options": [{"text": "450 ₽", "fraction": 1.0}, {"text": "500 ₽", "fraction": 0.0}, {"text": "650 ₽", "fraction": 0.0}]}' ;;
    esac
    q "INSERT INTO question_version (question_id, version_no, kind, text, body, created_at)
       VALUES ($id, 1, '$kind', 'Вопрос $n, $about?', '$body', $t0)"
  done
done
dealer=$(q "SELECT dealer_id FROM staff WHERE login = 'kuznetsov'")
"$cli" --db "$db" --as trainer training cohort add --week 2026-12-11 >/dev/null || bad "no cohort"
cohort=$(q "SELECT id FROM cohort WHERE week_start = '2026-12-11'")
for name in "Алексеев Антон" "Борисов Борис"; do
  "$cli" --db "$db" --as kuznetsov training candidate add --cohort "$cohort" --dealer "$dealer" --name "$name" \
    --interview-date 2026-12-01 >/dev/null || bad "no candidate $name"
done
code1=$(q "SELECT kiosk_code FROM candidate WHERE full_name = 'Алексеев Антон'")
code2=$(q "SELECT kiosk_code FROM candidate WHERE full_name = 'Борисов Борис'")

# waits for "kiosk-test STEP:" in LOG
wait_step() { for _ in $(seq 120); do grep -q "^kiosk-test $1:" "$2" && return; sleep 0.5; done; }

# The code screen, as a candidate finds it.
"$station" --db "$db" --lang ru --kiosk > "$work/idle.log" 2>&1 &
pid=$!
sleep 3
shot kiosk-code
[ -n "${SALON_SCREENSHOT_DIR:-}" ] && cp "$work/kiosk-code.png" "$SALON_SCREENSHOT_DIR/kiosk-code.png"
# Alt+F4 and Escape lead nowhere: the kiosk is still there.
xdotool key alt+F4 Escape 2>/dev/null; sleep 1
kill -0 $pid 2>/dev/null && ok "Alt+F4 and Escape do not close the kiosk" || bad "the kiosk closed"
kill $pid 2>/dev/null; wait $pid 2>/dev/null

# (a) 0:00 by the database's clock: the kiosk submits with the answers given.
"$station" --db "$db" --lang ru --kiosk --kiosk-test "deadline:$code1" > "$work/deadline.log" 2>&1 &
pid=$!
wait_step deadline "$work/deadline.log"
grep -q "^kiosk-test deadline: done" "$work/deadline.log" && ok "the kiosk walked to the deadline" ||
  bad "the deadline walk stopped: $(grep '^  failure' "$work/deadline.log")"
grep -q "^  countdown: 15:00" "$work/deadline.log" && ok "the countdown starts at 15:00 from the database's clock" ||
  bad "countdown: $(grep '^  countdown' "$work/deadline.log")"
a1=$(q "SELECT a.id FROM attempt a JOIN candidate c ON c.id = a.candidate_id WHERE c.kiosk_code = '$code1'")
[ "$(q "SELECT submitted_how || ' ' || submitted_at FROM attempt WHERE id = '$a1'")" = "deadline $((t0 + 900))" ] &&
  ok "submitted at the deadline by the kiosk (submitted_how = deadline)" ||
  bad "attempt: $(q "SELECT submitted_how, submitted_at FROM attempt WHERE id = '$a1'")"
[ "$(q "SELECT group_concat(slot_no, ',') FROM (SELECT slot_no FROM attempt_slot WHERE attempt_id = '$a1' AND answer IS NOT NULL ORDER BY slot_no)")" = "1,2,3" ] &&
  ok "the three answers given are kept" ||
  bad "answers: $(q "SELECT slot_no, answer FROM attempt_slot WHERE attempt_id = '$a1'")"
[ "$(q "SELECT correct_count FROM attempt WHERE id = '$a1'")" = "$(q "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = '$a1' AND correct = 1")" ] &&
  ok "the score counts the saved answers" || bad "score"
grep -q "^  result: Результат: .* из 16" "$work/deadline.log" && ok "the thank-you screen shows the result" ||
  bad "result: $(grep '^  result' "$work/deadline.log")"
kill $pid 2>/dev/null; wait $pid 2>/dev/null

# (b) killed in the middle, started again with the same code five minutes later.
"$station" --db "$db" --lang ru --kiosk --kiosk-test "answer:$code2" > "$work/answer.log" 2>&1 &
pid=$!
wait_step answer "$work/answer.log"
grep -q "^kiosk-test answer: done" "$work/answer.log" && ok "two answers given before the crash" ||
  bad "the answer walk stopped: $(grep '^  failure' "$work/answer.log")"
sleep 1
shot kiosk-question
[ -n "${SALON_SCREENSHOT_DIR:-}" ] && cp "$work/kiosk-question.png" "$SALON_SCREENSHOT_DIR/kiosk-question.png"
kill -KILL $pid; wait $pid 2>/dev/null
a2=$(q "SELECT a.id FROM attempt a JOIN candidate c ON c.id = a.candidate_id WHERE c.kiosk_code = '$code2'")
[ "$(q "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = '$a2' AND answer IS NOT NULL")" = 2 ] &&
  ok "the answers were saved the moment they were given" || bad "answers before the restart"

SALON_TEST_CLOCK=$((t0 + 300)) "$station" --db "$db" --lang ru --kiosk --kiosk-test "resume:$code2" > "$work/resume.log" 2>&1 &
pid=$!
wait_step resume "$work/resume.log"
grep -q "^kiosk-test resume: done" "$work/resume.log" && ok "the same code resumed" ||
  bad "the resume walk stopped: $(grep '^  failure' "$work/resume.log")"
[ "$(q "SELECT COUNT(*) FROM attempt a JOIN candidate c ON c.id = a.candidate_id WHERE c.kiosk_code = '$code2'")" = 1 ] &&
  [ "$(grep '^  started: attempt' "$work/resume.log")" = "$(grep '^  started: attempt' "$work/answer.log")" ] &&
  ok "the same attempt, no second one" || bad "another attempt was started"
diff <(grep '^  slot ' "$work/answer.log") <(grep '^  slot ' "$work/resume.log") >/dev/null &&
  [ "$(grep -c '^  slot ' "$work/resume.log")" = 16 ] &&
  ok "the same 16 questions in the same order" || bad "the questions differ after the restart"
grep -q "^  countdown: 10:00" "$work/resume.log" && ok "with the time left: 10:00 five minutes in" ||
  bad "countdown after restart: $(grep '^  countdown' "$work/resume.log")"
grep -q "^  opened on: 3" "$work/resume.log" && ok "it opens on the first unanswered question" ||
  bad "opened on: $(grep '^  opened on' "$work/resume.log")"
[ "$(q "SELECT submitted_how FROM attempt WHERE id = '$a2'")" = candidate ] &&
  [ "$(q "SELECT COUNT(*) FROM attempt_slot WHERE attempt_id = '$a2' AND answer IS NOT NULL")" = 2 ] &&
  grep -q "^  result: Результат: " "$work/resume.log" &&
  ok "finished by the candidate with both answers, the result shown" ||
  bad "finish: $(q "SELECT submitted_how FROM attempt WHERE id = '$a2'")"
kill $pid 2>/dev/null; wait $pid 2>/dev/null
for log in deadline answer resume; do
  grep -i "error\|assert\|critical" "$work/$log.log" | grep -v "^  " | grep -q . &&
    bad "the station logged an error ($log): $(grep -i "error\|assert\|critical" "$work/$log.log" | head -c 300)"
done
ok "the logs were read"
gui_test_summary
