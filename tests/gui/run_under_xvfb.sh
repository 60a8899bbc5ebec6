#!/usr/bin/env bash
# Runs one GUI test driver under Xvfb against a fresh demo database; keeps its screenshots and the
# station's log when it fails. usage: run_under_xvfb.sh SALON_STATION SALON_CLI DRIVER
set -u
station=${1:?salon-station}
cli=${2:?salon-cli}
driver=${3:?driver script}
work=$(mktemp -d /tmp/salon-gui-test-XXXXXX)
export XDG_CONFIG_HOME=$work/config
db="sqlite:$work/salon.db"
"$cli" --db "$db" demo seed --days 0 --no-training >/dev/null || { echo "seed failed"; exit 1; }
# SALON_GUI_SCREEN: another screen size (a salon's 1024x768 monitor).
xvfb-run -a -s "-screen 0 ${SALON_GUI_SCREEN:-1280x800}x24" "$driver" "$station" "$db" "$work" "$cli"
rc=$?
if [ $rc -ne 0 ]; then echo "screenshots and log kept in $work"; else rm -rf "$work"; fi
exit $rc
