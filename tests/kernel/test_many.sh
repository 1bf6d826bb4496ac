#!/bin/sh
# 1,500 processes in one cgroup: more than libproc2's 255 pids per select, and a
# cgroup.procs of more than one page (seq_file hands out a page per read):
# every one must get its details; and with only 64 file descriptors (fewer
# than the processes) headroom must still report every process, reading what
# it cannot keep open with open/read/close.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/many-processes ($O)" headroom-test-many
out=$(mktemp)
trap 'cg_remove "$CG"; rm -f "$out" "$out.2"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap

cg_exec "$CG" sh -c 'for i in $(seq 1500); do sleep 60 & done; wait' &
for i in $(seq 100); do
  [ "$(wc -l < "$CG_MOUNT$CG/cgroup.procs")" -ge 1501 ] && break
  sleep 0.1
done
"$O/headroom" --json --cgroup "$CG" -n 1 > "$out" || fail "headroom exited $?"
check() { # $1: label
  jq -e --arg cg "$CG" '
    (.cgroups[0].nprocs == 1501) and (.processes | length == 1501) and
    all(.processes[]; .cgroup == $cg and .user != null and .ppid != null and .res != null and .oom_score != null)' \
    "$out" > /dev/null || fail "$1: not all 1501 processes with statm and details: $(jq -c '[.cgroups[0].nprocs, (.processes | length), ([.processes[] | select(.user == null)] | length)]' "$out")"
}
check "plenty of descriptors"
sh -c 'ulimit -n 64 && exec "$0" --json --cgroup "$1" -n 2' "$O/headroom" "$CG" > "$out.2" || fail "headroom with 64 descriptors exited $?"
[ "$(wc -l < "$out.2")" = 2 ] || fail "64 descriptors: $(wc -l < "$out.2") samples, not 2"
tail -n 1 "$out.2" > "$out"
check "64 descriptors"
result PASS "$name"
