#!/usr/bin/env bash
# The two set-up commands of the README, for working from source on Debian 12:
#   installer/dev.sh run    install what is missing, build, fill a SQLite database with demo data, open the station
#   installer/dev.sh test   install what is missing, build, run every test on SQLite and PostgreSQL
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SALON_BUILD_DIR:-$root/build}
jobs=${SALON_JOBS:-$(nproc)}

build_all() {
  "$root/installer/install-deps.sh"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$jobs"
}

# Hostile input (README: "Hostile input"): the core libraries and their Catch2 tests built by clang under
# AddressSanitizer and UndefinedBehaviorSanitizer (any report fails the test), run on SQLite and PostgreSQL;
# then every libFuzzer target for its share of SALON_FUZZ_SECONDS of wall time. No GUI in this tree.
sanitized_and_fuzzed() {
  local fuzz_build=${SALON_FUZZ_BUILD_DIR:-$root/build-fuzz}
  cmake -S "$root" -B "$fuzz_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DSALON_FUZZ=ON >/dev/null
  cmake --build "$fuzz_build" -j "$jobs" --target fuzzers $(sanitized_tests)
  # test_pos_core runs on PostgreSQL only in the normal tree: its 5 minutes there are the server's, and the
  # code the sanitizers watch is the same on both backends (SQLite's run covers it).
  "$root/tests/with-postgres.sh" ctest --test-dir "$fuzz_build" --output-on-failure -j "$jobs" \
    -R "^($(sanitized_tests | tr ' ' '|'))\.(sqlite|postgresql)\$" -E '^test_pos_core\.postgresql$'
  "$root/tests/fuzz/run_fuzzers.sh" "$fuzz_build" "${SALON_FUZZ_SECONDS:-300}" "$jobs"
}

# The Catch2 executables of the core libraries that run under the sanitizers.
sanitized_tests() {
  echo test_db test_pos_core test_pos_print test_pos_corporate test_corporate_requests test_training_core \
    test_reports_core
}

case "${1:-}" in
  run)
    build_all
    data=${XDG_DATA_HOME:-$HOME/.local/share}/salon-station
    db="sqlite:$data/salon.db"
    "$build/pos/cli/salon-cli" --db "$db" demo seed
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
      exec "$build/pos/app/salon-station" --db "$db"
    fi
    shots=$(mktemp -d /tmp/salon-station-XXXXXX)
    echo "No display here: running the station under Xvfb instead and saving screenshots."
    xvfb-run -a -s "-screen 0 1280x800x24" "$build/pos/app/salon-station" --db "$db" --screenshot "$shots/login.png"
    xvfb-run -a -s "-screen 0 1280x800x24" "$build/pos/app/salon-station" --db "$db" \
      --login volkova --password demo1234 --screenshot "$shots/main.png"
    echo "Login window:  $shots/login.png"
    echo "Main window:   $shots/main.png"
    echo "Database:      $db (demo accounts: see README; password demo1234)"
    ;;
  test)
    build_all
    # Every database test runs twice: on SQLite and on a throwaway PostgreSQL cluster.
    "$root/tests/with-postgres.sh" ctest --test-dir "$build" --output-on-failure -j "$jobs"
    sanitized_and_fuzzed
    ;;
  *)
    echo "usage: installer/dev.sh run|test" >&2
    exit 2
    ;;
esac
