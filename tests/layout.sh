#!/bin/sh
# The house rules that a grep can check (README, Architecture), as checks of
# make test: a file that breaks one is named.
#  - only tui/ includes curses;
#  - only collectors/ (and util/fsio, which it uses) reads files: the read
#    calls appear nowhere else, but for the settings file (tui/config.c);
#  - only lab/ writes, makes or removes files, which is how cgroupfs is
#    written; but for the settings file (tui/config.c) and --root's private
#    /proc (collectors/rootns.c mounts a tmpfs there, in its own namespace);
#  - the sort context travels with qsort_r, never in a file-scope variable.
set -u
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
rule "cgroupfs written only in lab/" '^(lab/|tui/config\.c$|collectors/rootns\.c$)' \
  '\b(O_WRONLY|O_RDWR)\b|\b(mkdir|rmdir|unlink)\(|fopen\([^)]*"[wa]' || status=1
rule "sort context passed with qsort_r" '^$' '^static [^(]*\*sort_[a-z]+;' || status=1
exit $status
