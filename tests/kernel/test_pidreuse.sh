#!/bin/sh
# A pid reused between two samples, on this machine's kernel: a process in
# cgroup a ends and, before headroom's next sample, a process forked in
# cgroup b gets the same pid. headroom keeps /proc/PID/statm open between
# samples; the kept file of the old process reads ESRCH, and the new
# process must be taken as a new one: shown in b, not left in a (on v1 the
# list of b is not read again for a fork, so only that tells them apart).
# Runs in a pid namespace of its own (unshare), where setting ns_last_pid
# makes the kernel hand out the pid we want next; headroom runs in it too,
# so its /proc is the namespace's.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/pid reuse ($O)" headroom-test-pid
tmp=$(mktemp -d)
trap 'cg_remove "$CG/a"; cg_remove "$CG/b"; cg_remove "$CG"; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
command -v unshare > /dev/null || fail "unshare (util-linux) is missing"
[ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$CG/cgroup.subtree_control"
mkdir "$CG_MOUNT$CG/a" "$CG_MOUNT$CG/b" || fail "cannot make cgroups a and b"
mkfifo "$tmp/go" "$tmp/forked"

# In the namespace: no fork between writing ns_last_pid and b's fork, so
# the waits there are blocking reads of fifos, never a sleep.
unshare --pid --fork --mount-proc env A="$CG_MOUNT$CG/a" B="$CG_MOUNT$CG/b" T="$tmp" HR="$O/headroom" sh -c '
  sh -c "echo \$\$ > \"$A/cgroup.procs\"; exec sleep 30" & a=$!
  sh -c "echo \$\$ > \"$B/cgroup.procs\"; read x < \"$T/go\"; sleep 30 & echo \$! > \"$T/forked\"; wait" &
  until [ "$(cat "$A/cgroup.procs")" = "$a" ] && [ -n "$(cat "$B/cgroup.procs")" ]; do sleep 0.05; done
  "$HR" --json -d 1 -n 3 > "$T/out" & hr=$!
  until [ -s "$T/out" ]; do sleep 0.05; done
  kill -9 $a; wait $a
  echo $((a - 1)) > /proc/sys/kernel/ns_last_pid
  echo go > "$T/go"
  read new < "$T/forked"
  echo "$a $new" > "$T/pids"
  wait $hr; echo $? > "$T/hr.rc"
  kill -9 $new 2>/dev/null' || fail "the namespace script failed"
read -r a new < "$tmp/pids" || fail "no pids recorded"
[ "$(cat "$tmp/hr.rc")" = 0 ] || fail "headroom exited $(cat "$tmp/hr.rc")"
[ "$a" = "$new" ] || fail "the kernel gave pid $new, not $a again: the test could not reuse a pid"
# the pid's cgroup and command line in each sample
seen=$(jq -r --argjson p "$a" '[.processes[] | select(.pid == $p) | "\(.cgroup | sub(".*/"; "")):\(.cmdline)"] | first // "-"' "$tmp/out" | tr '\n' ' ')
echo "$name: pid $a in each sample: $seen"
case "$seen" in
  "a:sleep 30 b:sleep 30 b:sleep 30 ") ;;
  *) fail "pid $a should be in a, then (reused) in b: $seen" ;;
esac
result PASS "$name"
