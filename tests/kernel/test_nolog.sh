#!/bin/sh
# An OOM kill where the kernel log cannot be read, on this machine's kernel:
# headroom --json runs as nobody (kernel.dmesg_restrict keeps /dev/kmsg from
# it), samples a child cgroup every 10 s, and an allocator in a grandchild
# is OOM-killed. The kill must still be told, from the counters: once, in
# the grandchild where the process died (not again in its parent, whose
# count is the subtree's), with why the victim is not known, before the
# sample that shows it; and at once, not 10 s later: the grandchild is
# delegated to nobody as systemd delegates (its cgroup.event_control is
# nobody's), so headroom registers for its OOM notifications (v1's eventfd;
# v2's memory.events.local is readable by all).
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/OOM kill without the kernel log ($O)" headroom-test-nolog
out=$(mktemp)
trap 'cg_remove "$CG/app"; cg_remove "$CG"; rm -f "$out"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
command -v setpriv > /dev/null || fail "setpriv (util-linux) is not installed"
mkdir "$CG_MOUNT$CG/app" || fail "cannot make $CG/app"
[ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$CG/cgroup.subtree_control"
cg_limit "$CG/app" 33554432
[ "$CG_VERSION" = 2 ] || chown 65534 "$CG_MOUNT$CG/app/cgroup.event_control"
setpriv --reuid=65534 --regid=65534 --clear-groups "$O/headroom" --json --cgroup "$CG" -d 10 -n 2 > "$out" &
hr=$!
sleep 0.5
t0=$(date +%s%N)
cg_exec "$CG/app" "$O/tests/hog" 64 4 20 5 > /dev/null &
wait $!; hog_status=$?
dead=$(date +%s.%N)  # its parent saw it die: within a few ms of the kill
wait $hr || fail "headroom exited $?"
took=$(( ($(date +%s%N) - t0) / 1000000 ))
after=$(jq -r --argjson d "$dead" 'select(.event == "oom_kill") | (.time - $d) * 1000 | round' "$out")
echo "$name: the allocator started, was killed, and headroom told it and took its second sample in $took ms;" \
  "the kill told $after ms after the allocator's parent saw it die"
[ "$took" -lt 5000 ] || fail "the kill was told only at the next sample, $took ms after the allocator started"
[ "$hog_status" = 137 ] || fail "the allocator exited $hog_status, not 137"
kills=$(jq -c 'select(.event == "oom_kill")' "$out")
echo "$name: $kills" | cut -c1-300
[ "$(echo "$kills" | grep -c .)" = 1 ] || fail "not one kill told: $kills"
echo "$kills" | jq -e --arg cg "$CG/app" '.cgroup == $cg and .count == 1 and
  .why == "/dev/kmsg cannot be read: Operation not permitted" and (has("pid") | not)' > /dev/null ||
  fail "the kill is not told in $CG/app from the counters, with why: $kills"
# told before the first sample that counts it
order=$(jq -r --arg cg "$CG/app" 'if .event == "oom_kill" then "E" elif .event then empty
  else (.cgroups[] | select(.path == $cg) | .oom_kills | tostring) end' "$out" | uniq | tr -d '\n')
[ "$order" = 0E1 ] || fail "the kill and the samples came as $order, not 0 E 1"
result PASS "$name"
