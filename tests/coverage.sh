#!/bin/sh
# Line coverage of a --coverage build (make coverage): per folder, then per
# file, from gcov over the .gcda files the tests left. The full per-line
# reports (FILE.gcov) go to build/cov/gcov/.
#   tests/coverage.sh BUILD-DIR
set -u
O=${1:?build dir}
cd "$(dirname "$0")/.."
out=$O/gcov
rm -rf "$out" && mkdir -p "$out"
for dir in util collectors model driver output lab widgets tui cli; do
  ls "$O/$dir"/*.gcda > /dev/null 2>&1 || { echo "no coverage data in $O/$dir: did the tests run?" >&2; exit 1; }
  gcov -o "$O/$dir" "$dir"/*.c > "$out/$dir.txt" 2>&1  # (.gcov files land here,)
  mv ./*.gcov "$out/"                                  # (gcov has no output folder)
done
# gcov's summary: "File 'X'" then "Lines executed:P% of N"
cat "$out"/*.txt | awk '
  /^File / { f = $2; gsub(/\047/, "", f) }
  /^Lines executed:/ && f ~ /^[a-z]+\/.*\.c$/ && f !~ /^tests\// {
    split($2, a, ":"); pct = a[2]; sub(/%/, "", pct); n = $4
    hit = pct * n / 100; d = f; sub(/\/.*/, "", d)
    fh[f] = hit; fn[f] = n; dh[d] += hit; dn[d] += n; th += hit; tn += n; f = "" }
  END {
    for (d in dn) printf "%-12s %6.1f%% of %5d lines\n", d "/", 100 * dh[d] / dn[d], dn[d] | "sort"
    close("sort")
    printf "%-12s %6.1f%% of %5d lines\n", "all", 100 * th / tn, tn
    print ""
    for (f in fn) printf "  %-26s %6.1f%% of %4d\n", f, 100 * fh[f] / fn[f], fn[f] | "sort"
  }'
