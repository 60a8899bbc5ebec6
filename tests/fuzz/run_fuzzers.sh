#!/usr/bin/env bash
# Runs every libFuzzer target of a SALON_FUZZ=ON build for its share of a time budget, on a copy of its
# corpus (tests/fuzz/corpus/<target>, so a run never grows the repository), and prints per target the
# executions and the crashes found. Exits 1 when any target crashed; its input is kept under
# BUILD_DIR/fuzz-artifacts/<target>/ and the sanitizer's report is printed.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS_TOTAL [JOBS]
# SECONDS_TOTAL is the wall time of the whole run: JOBS targets run at once (default 2, the CI machine's
# cores), each for SECONDS_TOTAL * JOBS / targets seconds.
set -euo pipefail

build=$(cd "${1:?usage: run_fuzzers.sh BUILD_DIR SECONDS_TOTAL [JOBS]}" && pwd)
total=${2:?usage: run_fuzzers.sh BUILD_DIR SECONDS_TOTAL [JOBS]}
jobs=${3:-2}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$build/tests/fuzz

targets=()
for corpus in "$here"/corpus/*/; do
  name=$(basename "$corpus")
  [ -x "$bin/fuzz_$name" ] || { echo "run_fuzzers: $bin/fuzz_$name not built (cmake --build $build --target fuzzers)" >&2; exit 1; }
  targets+=("$name")
done
share=$(( total * jobs / ${#targets[@]} ))
[ "$share" -ge 1 ] || share=1
work=$(mktemp -d /tmp/salon-fuzz-run-XXXXXX)
trap 'rm -rf "$work"' EXIT
kept=$build/fuzz-artifacts
echo "run_fuzzers: ${#targets[@]} targets, ${share} s each, ${jobs} at a time"

run_one() {
  local name=$1 dir=$work/$1
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -r "$here/corpus/$name/." "$dir/corpus/"
  # -timeout: an input taking 10 s is a finding (a hostile file must not hang an import); -rss_limit_mb: so
  # is one that makes a reader take 2 GB. Leaks are findings too (LeakSanitizer after each input).
  (cd "$dir" && "$bin/fuzz_$name" -max_total_time="$share" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "$dir/corpus" >"$dir/log" 2>&1) || true
}

running=0
for name in "${targets[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
printf '%-18s %14s %8s %8s\n' target executions exec/s crashes
for name in "${targets[@]}"; do
  dir=$work/$name
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -n 1)
  if [ -z "$execs" ]; then
    # Killed before its final stats: the last status line says how far it got.
    execs=$(grep -o '^#[0-9]*' "$dir/log" | tail -n 1 | tr -d '#' || true)
  fi
  crashes=$(find "$dir/artifacts" -type f | wc -l)
  printf '%-18s %14s %8s %8s\n' "$name" "${execs:-0}" "${rate:-?}" "$crashes"
  if [ "$crashes" -gt 0 ] || ! grep -q '^stat::number_of_executed_units' "$dir/log"; then
    failed=1
    mkdir -p "$kept/$name"
    cp "$dir"/artifacts/* "$kept/$name/" 2>/dev/null || true
    echo "---- fuzz_$name: report (inputs kept in $kept/$name) ----"
    grep -v '^#[0-9]' "$dir/log" | tail -n 60
    echo "----"
  fi
done
exit "$failed"
