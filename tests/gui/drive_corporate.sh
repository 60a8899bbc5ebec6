#!/usr/bin/env bash
# GUI test of the corporate desk (R-CORP-1, R-CORP-2, R-CORP-3, R-CORP-5, R-CORP-7, R-CORP-10): the station
# walks its pages with --gui-test corporate, typing into their inputs and pressing their buttons — it
# registers a company with two numbers (a wrong INN first), files a remote-service application with the
# head's power of attorney, prints it (a two-page PDF), moves it to active, enables the cabinet through its
# three steps with the code the sandbox shows on the page, previews a users' data file with a bad row and
# imports its valid row, changes a demo company's administrator, and takes and completes a request to block
# a SIM. The database must then hold all of it, journaled. With SALON_SCREENSHOT_DIR set, the desk and the
# printed application's first page are saved there (corporate-desk.png, corporate-application.png).
# Runs inside Xvfb, started by run_under_xvfb.sh (see gui_test_lib.sh for its arguments).
source "$(dirname "$0")/gui_test_lib.sh" "$@"
file=${db#sqlite:}
q() { sqlite3 "$file" "$1"; }
export HOME=$work/home SALON_SMS_LOG=$work/sms.log
mkdir -p "$HOME"

# The users' data file the walk previews (R-CORP-10): one good row, one with 31 February for a date of birth.
{
  echo 'Номер;Фамилия;Имя;Отчество;Дата рождения;Адрес регистрации;Документ;Серия и номер;Кем выдан;Дата выдачи'
  echo '+7 905 777-00-01;Смирнова;Елена;Петровна;12.03.1988;г. Москва, ул. Тверская, д. 1;Паспорт;4510 123456;ОВД Тверского района;20.04.2008'
  echo '+7 905 777-00-02;Орлов;Андрей;;31.02.1985;г. Москва;Паспорт;4506 654321;ОВД;20.05.2005'
} > "$work/users.csv"
"$station" --db "$db" --lang ru --till gui-till --login ivanov --password demo1234 --gui-test corporate \
  --gui-test-dir "$work" > "$work/station.log" 2>&1 &
pid=$!
for _ in $(seq 120); do grep -q "^gui-test corporate:" "$work/station.log" && break; sleep 0.5; done
grep -q "^gui-test corporate: done" "$work/station.log" && ok "the walk through the pages finished" ||
  bad "the walk stopped: $(grep -i 'fail' "$work/station.log" | head -3)"
grep -q "^  error beside inn: .*ИНН" "$work/station.log" && ok "a wrong INN check digit is refused beside the field, in Russian" ||
  bad "no error beside the INN: $(grep 'error beside' "$work/station.log")"
[ "$(q "SELECT COUNT(*) FROM corporate_client WHERE inn = '7725123451'")" = 0 ] && ok "nothing saved for the wrong INN" ||
  bad "the wrong INN was saved"
grep -q "^  sandbox notice: .*SMS" "$work/station.log" && ok "the cabinet page says the SMS sender is a sandbox" ||
  bad "no sandbox notice on the page"
grep -q "^  problem: row 3, Дата рождения: " "$work/station.log" && ok "the preview shows the wrong date of birth by row and column" ||
  bad "no problem shown for row 3: $(grep '^  p' "$work/station.log")"
[ "$(q "SELECT COUNT(*) FROM corporate_number_user u JOIN corporate_number n ON n.id = u.number_id WHERE n.msisdn = '+79057770001'")" = 1 ] &&
  [ "$(q "SELECT COUNT(*) FROM corporate_number_user u JOIN corporate_number n ON n.id = u.number_id WHERE n.msisdn = '+79057770002'")" = 0 ] &&
  ok "only the valid row was imported (R-CORP-10)" || bad "users' rows: $(q "SELECT COUNT(*) FROM corporate_number_user")"
ip=$(q "SELECT id FROM corporate_client WHERE inn = '771234567859'")
[ "$(q "SELECT status FROM remote_service_application WHERE client_id = '$ip' AND admin_msisdn = '+79021000201'")" = revoked ] &&
  [ "$(q "SELECT status || ' ' || fee || ' ' || (replaces_id IS NOT NULL) FROM remote_service_application WHERE client_id = '$ip' AND admin_msisdn = '+79021000202'")" = "draft 0 1" ] &&
  [ "$(q "SELECT admin_blocked_at IS NOT NULL FROM corporate_cabinet WHERE client_id = '$ip'")" = 1 ] &&
  ok "the administrator change blocked the old one and filed a free application for the new (R-CORP-7)" ||
  bad "administrator change: $(q "SELECT admin_msisdn, status, fee FROM remote_service_application WHERE client_id = '$ip'")"
[ "$(q "SELECT r.status || ' ' || n.status FROM corporate_request r JOIN corporate_number n ON n.id = r.number_id WHERE n.msisdn = '+79021000105' AND r.kind = 'block_sim' AND r.source = 'desk'")" = "done blocked" ] &&
  ok "the request taken at the desk is done and the SIM blocked (R-CORP-5)" ||
  bad "request: $(q "SELECT r.status FROM corporate_request r JOIN corporate_number n ON n.id = r.number_id WHERE n.msisdn = '+79021000105'")"
main=$(xdotool search --onlyvisible --pid $pid 2>/dev/null | head -n 1)

client=$(q "SELECT id FROM corporate_client WHERE inn = '7725123450' AND kpp = '772501001'")
[ -n "$client" ] && ok "the company is registered as a legal entity with its KPP" || bad "no company"
[ "$(q "SELECT COUNT(*) FROM corporate_number WHERE client_id = '$client' AND tariff_id IS NOT NULL")" = 2 ] &&
  ok "both numbers are under its contract with a tariff" || bad "numbers: $(q "SELECT msisdn FROM corporate_number WHERE client_id = '$client'")"
app=$(q "SELECT id FROM remote_service_application WHERE client_id = '$client'")
[ "$(q "SELECT status || ' ' || admin_msisdn || ' ' || bound_email FROM remote_service_application WHERE id = '$app'")" = \
  "active +79057770002 it@proverka.ru" ] && ok "the application is active for the chosen administrator" ||
  bad "application: $(q "SELECT status, admin_msisdn, bound_email FROM remote_service_application WHERE id = '$app'")"
[ "$(q "SELECT group_concat(to_status, ',') FROM (SELECT to_status FROM application_status_change WHERE application_id = '$app' ORDER BY id)")" = \
  "draft,printed,signed,registered,active" ] && ok "every status step is in its history" ||
  bad "history: $(q "SELECT group_concat(to_status, ',') FROM application_status_change WHERE application_id = '$app'")"
[ "$(q "SELECT COUNT(*) FROM power_of_attorney WHERE client_id = '$client' AND number = 'Д-15' AND valid_until = '2027-12-31'")" = 1 ] &&
  ok "the head's power of attorney is on file" || bad "no power of attorney"
[ "$(q "SELECT bound_email FROM corporate_client WHERE id = '$client'")" = it@proverka.ru ] &&
  ok "activation bound the e-mail to the company (R-CORP-4)" || bad "the e-mail is not bound"
[ "$(q "SELECT step || ' ' || (first_sign_in_at IS NOT NULL) || ' ' || (permanent_password_at IS NOT NULL) FROM corporate_cabinet WHERE client_id = '$client'")" = \
  "password_set 1 1" ] && ok "the cabinet is enabled: first sign-in and permanent password recorded" ||
  bad "cabinet: $(q "SELECT step FROM corporate_cabinet WHERE client_id = '$client'")"
[ "$(q "SELECT sender || ' ' || (sent_at IS NOT NULL) FROM sms_outbox WHERE msisdn = '+79057770002' ORDER BY id DESC LIMIT 1")" = "sandbox 1" ] &&
  ok "the code went through the outbox to the sandbox sender" || bad "no code in the outbox"
grep -q "+79057770002" "$work/sms.log" 2>/dev/null && ok "the sandbox wrote the SMS to its log" || bad "no SMS in the sandbox log"

[ "$(q "SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'corporate.%'")" -ge 10 ] &&
  ok "the steps are journaled" || bad "journal: $(q "SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'corporate.%'")"
[ "$(head -c 4 "$work/application.pdf" 2>/dev/null)" = "%PDF" ] && [ "$(pdfinfo "$work/application.pdf" | awk '/^Pages:/ {print $2}')" = 2 ] &&
  ok "the printed application is a PDF in two copies" || bad "no two-page PDF"

if [ -n "${SALON_SCREENSHOT_DIR:-}" ] && [ -n "$main" ]; then
  xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1
  import -window root "$SALON_SCREENSHOT_DIR/corporate-desk.png"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/application.pdf" "$SALON_SCREENSHOT_DIR/corporate-application"
fi
shot corporate-desk
kill $pid 2>/dev/null; wait $pid 2>/dev/null
grep -i "error\|assert\|critical" "$work/station.log" | grep -v "^  " | grep -q . &&
  bad "the station logged an error: $(grep -i "error\|assert\|critical" "$work/station.log" | head -c 300)" ||
  ok "no error in the station's log"
gui_test_summary
