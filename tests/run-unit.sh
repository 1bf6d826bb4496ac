#!/bin/sh
# Run every cmocka unit test binary of one build (build/ or build/asan/).
# Each test case is a check of its own in build/results.log (cmocka's TAP
# output names them); a binary that fails without naming a failed case (its
# setup failed, or it crashed) is a failed check too.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/.."
log=build/results.log
status=0
for t in "$O"/tests/test_*; do
  [ -x "$t" ] || continue
  bin=$(basename "$t")
  tap=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1); rc=$?
  echo "$tap"
  echo "$tap" | awk -v b="$bin" -v o="$O" '
    /^ok [0-9]+ - / { sub(/^ok [0-9]+ - /, ""); print "PASS unit/" b ": " $0 " (" o ")" }
    /^not ok [0-9]+ - / { sub(/^not ok [0-9]+ - /, ""); print "FAIL unit/" b ": " $0 " (" o ")" }' >> "$log"
  if [ $rc -ne 0 ]; then
    status=1
    echo "$tap" | grep -q '^not ok' || echo "FAIL unit/$bin: exited $rc without a failed test case (setup, or a crash) ($O)" >> "$log"
  fi
done
exit $status
