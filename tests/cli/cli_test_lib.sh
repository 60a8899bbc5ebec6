# Sourced by the salon-cli test scripts: a temporary folder, a fresh database on the backend under test
# ($db: SQLite, or PostgreSQL when SALON_TEST_BACKEND=postgresql with SALON_TEST_PG naming the server),
# and `expect` / `contains` that count results. End a script with `cli_test_summary NAME`.
work=$(mktemp -d /tmp/salon-cli-test-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The audit key is made on the first change: in the temporary folder, never in the real home.
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
unset SALON_DB SALON_AUDIT_KEY_FILE
passed=0; failed=0

# expect CODE DESCRIPTION -- COMMAND...: runs it, checks the exit code; output lands in $out
expect() {
  local code=$1 what=$2; shift 3
  out=$("$@" 2>&1); local rc=$?
  if [ "$rc" -eq "$code" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $what: exit $rc, expected $code"; echo "$out" | head -5; fi
}
# expect_text: as expect, with money's no-break spaces (between the sign and digit groups) made plain spaces
expect_text() {
  expect "$@"
  out=${out//$'\xc2\xa0'/ }
  out=${out//$'\xe2\x80\xaf'/ }
}
# contains DESCRIPTION TEXT: the last command's output holds TEXT
contains() {
  if grep -qF -- "$2" <<<"$out"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: output lacks '$2'"; echo "$out" | head -5; fi
}

if [ "${SALON_TEST_BACKEND:-sqlite}" = postgresql ]; then
  [ -n "${SALON_TEST_PG:-}" ] || { echo "SALON_TEST_PG is not set"; exit 1; }
  pg_name="salon_cli_$$_$RANDOM"
  psql "$SALON_TEST_PG" -qc "CREATE DATABASE $pg_name" >/dev/null || exit 1
  trap 'psql "$SALON_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
  db="$SALON_TEST_PG dbname=$pg_name"
else
  db="sqlite:$work/salon.db"
fi

cli_test_summary() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
