#!/bin/sh
# README's commands as printed, from `make install` into a scratch
# directory (DESTDIR): `man headroom` finds the manual; the batch example
# prints its sample; the experiment "the limit and the OOM killer" runs
# `headroom run ... -- headroom eat ...` with headroom found on the PATH,
# in a cgroup below this test's own (as printed: below the one it runs
# in), ends with its COMMAND's status (137, OOM-killed) and tells the kill.
# Each command is taken from README.md, so a changed command is the one
# tested. The others run until interrupted (the dashboard, --json without
# -n, eaters that hold their memory) and are not run here.
#   tests/docs.sh [BUILD-DIR]
set -u
O=${1:-build}
cd "$(dirname "$0")/.."
. tests/kernel/lib.sh
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
name="docs/make install"
make -s install O="$O" DESTDIR="$d" > "$d/install.log" 2>&1 || { result FAIL "$name: $(tail -n 3 "$d/install.log")"; exit 1; }
PATH="$d/usr/local/bin:$PATH"; export PATH
status=0
man_at=$(MANPATH="$d/usr/local/share/man" man -w headroom 2>&1)
if [ "$man_at" = "$d/usr/local/share/man/man1/headroom.1" ]; then
  result PASS "docs/man headroom finds the installed manual"
else
  result FAIL "docs/man headroom finds '$man_at'"; status=1
fi

block_cmd=$(awk '/^```/ { c = !c; next } c && /^\$ headroom / { sub(/^\$ /, ""); print; exit }' README.md)
out=$(sh -c "$block_cmd" 2>&1); rc=$?
if [ $rc = 0 ] && echo "$out" | head -n 1 | grep -q "^headroom [0-9.]* - .* - sample 1 - memory cgroup v2"; then
  result PASS "docs/README's batch example ($block_cmd)"
else
  result FAIL "docs/README's batch example '$block_cmd' exited $rc: $(echo "$out" | head -n 2)"; status=1
fi

row_cmd=$(awk -F'`' '/^\| the limit and the OOM killer \|/ { print $2; exit }' README.md)
if ! cg_find_self; then
  result SKIP "docs/README's OOM experiment: no memory cgroup to make one below"
else
  case $row_cmd in headroom\ run\ *) ;; *) row_cmd="(no such row) $row_cmd" ;; esac
  out=$(timeout 60 sh -c "$row_cmd" 2>&1); rc=$?
  if [ $rc = 137 ] && echo "$out" | grep -q "OOM kill: headroom (pid [0-9]*)"; then
    result PASS "docs/README's OOM experiment ($row_cmd)"
  else
    result FAIL "docs/README's OOM experiment '$row_cmd' exited $rc: $(echo "$out" | grep -m 3 -i "error\|cannot\|kill\|headroom:")"
    status=1
  fi
fi
exit $status
