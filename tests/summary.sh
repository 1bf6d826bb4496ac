#!/bin/sh
# The closing lines of make test. Each line of build/results.log is one
# check: a unit test case, a step of a real-kernel or tmux test, a lab
# scenario in a guest. The checks on this machine run once per build
# (plain, and ASan+UBSan), and each run counts. A SKIP is a check that could
# not run here; under CI it fails the run, so nothing is dropped unnoticed.
log=build/results.log
[ -f "$log" ] || { echo "0 passed, 1 failed"; echo "no test results in $log" >&2; exit 1; }
grep -E '^(FAIL|SKIP)' "$log" | sed 's/^/  /'
echo "What was counted (each check once per build it ran in):"
awk '{ kind = $2; sub(/\/.*/, "", kind)
       build = match($0, /\(build[^)]*\)/) ? substr($0, RSTART + 1, RLENGTH - 2) : "the source"
       if ($0 ~ /QEMU guest/) { kind = "lab in a QEMU guest"; build = ($0 ~ /cgroup v1/) ? "cgroup v1" : "cgroup v2" }
       n[kind " [" build "]"]++ }
     END { for (k in n) printf "  %-40s %d\n", k, n[k] }' "$log" | sort
p=$(grep -c '^PASS' "$log"); f=$(grep -c '^FAIL' "$log"); s=$(grep -c '^SKIP' "$log")
echo "checks: $p passed, $f failed, $s skipped"
if [ "$s" -gt 0 ] && [ "${CI:-}" = true ]; then
  echo "under CI a skipped check fails the run: each one above says what it lacked" >&2
  exit 1
fi
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
