#!/bin/sh
# The closing line of make test: "N passed, N failed, N skipped".
log=build/results.log
[ -f "$log" ] || { echo "0 passed, 1 failed"; echo "no test results in $log" >&2; exit 1; }
p=$(grep -c '^PASS' "$log"); f=$(grep -c '^FAIL' "$log"); s=$(grep -c '^SKIP' "$log")
grep -E '^(FAIL|SKIP)' "$log" | sed 's/^/  /'
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
