#!/usr/bin/env bash
# Fails if a core library (the database layer, the receipt printing) includes a wx header or links wxWidgets:
# they must build and run without a display (salon-cli and the tests use them).
set -u
root=${1:?project root}
hits=$(grep -rnE '#\s*include\s*[<"]wx/' "$root/db" "$root/pos/core" "$root/pos/corporate" "$root/pos/print" "$root/training/core" "$root/reports/core" 2>/dev/null)
if [ -n "$hits" ]; then
  echo "core includes wx:"; echo "$hits"; exit 1
fi
links=$(grep -rnE 'wxWidgets' "$root/db/CMakeLists.txt" "$root/pos/core/CMakeLists.txt" "$root/pos/corporate/CMakeLists.txt" "$root/pos/print/CMakeLists.txt" \
  "$root/training/core/CMakeLists.txt" "$root/reports/core/CMakeLists.txt" | grep -v '^\S*:[0-9]*:#')
if [ -n "$links" ]; then
  echo "a core library links wxWidgets:"; echo "$links"; exit 1
fi
echo "core libraries are free of wx"
