# Sourced by the GUI test drivers, which run inside Xvfb: the arguments run_under_xvfb.sh passes (the
# station, the demo database URL, a folder, salon-cli), and
# ok / bad / shot / gui_test_summary to count results and keep screenshots, luhn for test cards.
set -u
station=$1; db=$2; work=$3; cli=$4
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
shot() { import -window root "$work/$1.png" 2>/dev/null; }
gui_test_summary() {
  echo "gui: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
# The ICCID body given with its Luhn check digit appended (the cards a test receives and scans).
luhn() { python3 -c '
import sys
b=sys.argv[1]; s=0
for i,c in enumerate(reversed(b)):
    d=int(c)
    if i%2==0:
        d*=2
        if d>9: d-=9
    s+=d
print(b+str((10-s%10)%10))' "$1"; }
