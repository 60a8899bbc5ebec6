#!/usr/bin/env bash
# Prints the foundation's figures (no pass/fail: goals are in the README): cold start of salon-station to
# the login window and its resident memory, and the round trip of `salon-cli validate`.
# usage: tests/bench/foundation.sh BUILD_DIR      (run by `cmake --build build --target bench`)
set -euo pipefail
build=${1:?build folder}
cli=$build/pos/cli/salon-cli
station=$build/pos/app/salon-station
work=$(mktemp -d /tmp/salon-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/salon.db"
"$cli" --db "$db" demo seed --days 0 >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p99() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; print a[i]}'; }

# salon-cli validate: whole process, start to exit
for i in $(seq 1 100); do
  s=$(date +%s%N); "$cli" validate inn 7707083893 >/dev/null; e=$(date +%s%N)
  echo $(( (e - s) / 1000 ))
done > "$work/validate.us"
echo "salon-cli validate round trip: median $(median < "$work/validate.us") us, p99 $(p99 < "$work/validate.us") us over 100 runs (goal <= 30000 us)"

# salon-station: process start to the login window shown, and VmRSS then (goal <= 1000 ms, <= 150 MB)
if [ -x "$station" ]; then
  for i in 1 2 3 4 5; do
    xvfb-run -a -s "-screen 0 1280x800x24" timeout 20 "$station" --db "$db" --startup-report --screenshot "$work/startup.png" \
      2>/dev/null | tr '\n' ' '
    echo
  done > "$work/startup.txt"
  ms=$(grep -o 'startup_ms=[0-9]*' "$work/startup.txt" | cut -d= -f2 | median)
  kb=$(grep -o 'rss_kb=[0-9]*' "$work/startup.txt" | cut -d= -f2 | median)
  echo "salon-station cold start to login window: median ${ms} ms over 5 starts (goal <= 1000 ms); resident memory ${kb} kB (goal <= 153600 kB)"
fi
