#!/bin/sh
# The house rules that a grep can check (README, Architecture), as checks of
# make test: a file that breaks one is named.
#  - only tui/ includes curses;
#  - only collectors/ (and util/fsio, which it uses) reads files: the read
#    calls appear nowhere else, but for the settings file (tui/config.c);
#  - only lab/ writes, makes or removes files, which is how cgroupfs is
#    written; but for the settings file (tui/config.c), --root's private
#    /proc (collectors/rootns.c mounts a tmpfs there, in its own namespace)
#    and the registrations to be told what happens (collectors/watch.c: an
#    eventfd in cgroup.event_control, PSI triggers), which set nothing and
#    end with their descriptor;
#  - the sort context travels with qsort_r, never in a file-scope variable;
#  - no include circle among the headers, and no circle of calls among the
#    dashboard's files (from the symbols their objects in BUILD-DIR define
#    and use: nm), so the screens stay layered under the screen manager.
#   tests/layout.sh [BUILD-DIR]
set -u
O=${1:-build}
cd "$(dirname "$0")/.."
. tests/kernel/lib.sh
src=$(ls util/*.[ch] collectors/*.[ch] model/*.[ch] driver/*.[ch] output/*.[ch] lab/*.[ch] widgets/*.[ch] tui/*.[ch] cli/*.[ch])
[ "$(echo "$src" | wc -l)" -gt 50 ] || { result FAIL "layout: the sources were not found"; exit 1; }
# rule NAME ALLOWED-ERE PATTERN-ERE: every file matching PATTERN is ALLOWED
rule() {
  bad=$(grep -lE "$3" $src | grep -vE "$2")
  if [ -n "$bad" ]; then
    result FAIL "layout/$1: $(echo $bad | tr '\n' ' ')"
    return 1
  fi
  result PASS "layout/$1"
}
status=0
rule "curses only in tui/" '^tui/' '#include <n?curses' || status=1
rule "files read only in collectors/" '^(collectors/|util/fsio\.[ch]$|tui/config\.c$)' \
  '\b(buf_read_at|buf_pread_record|fdpool_read|opendir|getdents64|fopen)\(' || status=1
rule "cgroupfs written only in lab/" '^(lab/|tui/config\.c$|collectors/rootns\.c$|collectors/watch\.c$)' \
  '\b(O_WRONLY|O_RDWR)\b|\b(mkdir|rmdir|unlink)\(|fopen\([^)]*"[wa]' || status=1
rule "sort context passed with qsort_r" '^$' '^static [^(]*\*sort_[a-z]+;' || status=1

# acyclic NAME EDGES: tsort finds a loop in "from to" pairs
acyclic() {
  if loop=$(echo "$2" | tsort 2>&1 >/dev/null | grep -v '^tsort: -: input contains a loop:$'); [ -n "$loop" ]; then
    result FAIL "layout/$1: $(echo $loop | sed 's/tsort: //g')"
    return 1
  fi
  result PASS "layout/$1"
}
incl=$(for h in $(echo "$src" | grep '\.h$'); do
  sed -n 's/^#include "\(.*\)"/\1/p' "$h" | sed "s|^|$h |"; done)
acyclic "no include circle" "$incl" || status=1
calls=$(for c in tui/*.c; do
  o=$O/${c%.c}.o
  [ -f "$o" ] || { echo "missing $o" >&2; continue; }
  nm "$o" | awk -v f="${c%.c}" '$1 == "U" { print f, "U", $2 } $2 ~ /^[TDRB]$/ { print f, "D", $3 }'
done | awk '$2 == "D" { def[$3] = $1; next } { use[NR] = $1 " " $3 }
  END { for (i in use) { split(use[i], u, " "); if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]] } }' | sort -u)
[ -n "$calls" ] || { result FAIL "layout/no circle of calls in tui/: no objects in $O (build first)"; exit 1; }
acyclic "no circle of calls in tui/" "$calls" || status=1
exit $status
