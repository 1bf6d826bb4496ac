#!/bin/sh
# Run every cmocka unit test binary of one build (build/ or build/asan/).
# cmocka prints its summary to stderr; each binary's result is recorded in
# build/results.log for the closing summary.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/.."
log=build/results.log
status=0
for t in "$O"/tests/test_*; do
  [ -x "$t" ] || continue
  name="$O/$(basename "$t")"
  if "$t" 2>&1; then
    echo "PASS $name" >> "$log"
  else
    echo "FAIL $name" >> "$log"
    status=1
  fi
done
exit $status
