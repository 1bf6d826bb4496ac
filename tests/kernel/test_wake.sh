#!/bin/sh
# headroom at a slow pace (-d 10) learns what the kernel tells as it
# happens, not at its next sample:
#  - a cgroup made below the view (the tree's inotify): sampled at once,
#    before anything happens in it;
#  - an OOM kill in it (v2: memory.events.local becomes POLLPRI; v1: the
#    eventfd registered for memory.oom_control): a sample counting the kill
#    within 1 s of it, where the timer's next is 10 s away;
#  - memory pressure past the trigger's threshold (a PSI trigger: v2 the
#    cgroup's memory.pressure, v1 /proc/pressure/memory): an event between
#    two samples;
#  - the descriptors of a removed cgroup are closed; made again, it keeps
#    its kill (oom_kills_seen) where the kernel's count starts at 0;
#  - a cgroup held at its limit does not set the pace of samples.
# Runs on this machine (cgroup v1) and in the QEMU guest (v2).
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/wake on the kernel's notifications ($O)" headroom-test-wake
HR="$PWD/$O/headroom"
out=$(mktemp)
obs=
trap '[ -n "$obs" ] && kill "$obs" 2>/dev/null; cg_remove "$CG/app"; cg_remove "$CG"; rm -f "$out" "${TMPDIR:-/tmp}/hr-wake-$$"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
[ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$CG/cgroup.subtree_control"
APP=$CG/app
# fds_in DIR: the observer's descriptors open on files in DIR
fds_in() { ls -l "/proc/$obs/fd" 2>/dev/null | grep -c -- "-> $1/"; }
# eventfds: the observer's eventfds (v1: one a cgroup it watches)
eventfds() { ls -l "/proc/$obs/fd" 2>/dev/null | grep -c -- "-> anon_inode:\[eventfd\]"; }

"$HR" --json --cgroup "$CG" -d 10 > "$out" &
obs=$!
sleep 1
mkdir "$CG_MOUNT$APP" || fail "cannot make $APP"
cg_limit "$APP" 33554432
# no swap, so that the eater is killed (the guests have swap)
if [ "$CG_VERSION" = 1 ]; then echo 0 > "$CG_MOUNT$APP/memory.swappiness"
else echo 0 > "$CG_MOUNT$APP/memory.swap.max"; fi
sleep 0.5
cg_exec "$APP" "$HR" eat --anon 64M --step 4M --every 0.05 --hold 5 > /dev/null 2>&1
[ $? = 137 ] || fail "the eater was not OOM-killed"

# pressure: a file of 48M read over and over under a 16M limit (its pages
# refault as they are read back)
cg_limit "$APP" 16777216
f=${TMPDIR:-/tmp}/hr-wake-$$
cg_exec "$APP" sh -c 'dd if=/dev/zero of="$0" bs=1M count=48 2>/dev/null; i=0
  while [ $i -lt 40 ]; do cat "$0" > /dev/null; i=$((i + 1)); sleep 0.05; done & p=$!; sleep 6; kill $p 2> /dev/null' "$f"
rm -f "$f"
open=$(fds_in "$CG_MOUNT$APP") efd_open=$(eventfds)
cg_remove "$APP"
sleep 0.5
gone=$(fds_in "$CG_MOUNT$APP") efd_gone=$(eventfds)
mkdir "$CG_MOUNT$APP" || fail "cannot make $APP again"  # the same container, made anew
sleep 0.5
kill "$obs"; wait "$obs"; obs=

# the cgroup appeared in a sample before the kill, the kill was counted
# within 1 s of it
kill_t=$(jq -s --arg cg "$APP" 'map(select(.event == "oom_kill" and .cgroup == $cg)) | .[0].time' "$out")
seen=$(jq -s --arg cg "$APP" '[.[] | select(.event == null and any(.cgroups[]; .path == $cg))] | .[0].time' "$out")
counted=$(jq -s --arg cg "$APP" '[.[] | select(.event == null and any(.cgroups[]; .path == $cg and .oom_kills >= 1))]
  | .[0].time' "$out")
echo "$name: kill told at $kill_t, the cgroup first sampled at $seen, the kill counted at $counted;" \
  "descriptors in it: $open open, $gone after its removal; eventfds $efd_open, then $efd_gone"
[ "$kill_t" != null ] || fail "no OOM kill told in $APP: $(jq -c 'select(.event)' "$out" | head -5)"
[ "$seen" != null ] && jq -n -e "$seen < $kill_t" > /dev/null ||
  fail "the new cgroup was not sampled before its kill (first at $seen, kill at $kill_t)"
[ "$counted" != null ] && jq -n -e "$counted - $kill_t < 1" > /dev/null ||
  fail "the kill was not counted within 1 s (counted at $counted, kill at $kill_t)"
# pressure, told between samples
if [ "$CG_VERSION" = 1 ]; then where=null; else where="\"$APP\""; fi
pr=$(jq -c "select(.event == \"pressure\" and .cgroup == $where)" "$out" | head -1)
echo "$name: pressure event: $pr"
[ -n "$pr" ] || fail "no pressure event for $where: $(jq -c 'select(.event) | .event' "$out" | sort | uniq -c | tr '\n' ' ')"
[ "$open" -gt 0 ] && [ "$gone" = 0 ] || fail "descriptors in $APP: $open open, $gone after its removal"
[ "$CG_VERSION" = 2 ] || [ "$efd_gone" -lt "$efd_open" ] ||
  fail "the eventfd of $APP was not closed with it: $efd_open eventfds, then $efd_gone"
# a cgroup at its limit for 6 s (v2: memory.events max rising, up to 100
# notifications a second) costs a sample when its hits begin, not one a
# notification: a dozen samples in all
# made again: the kernel's count starts at 0, headroom's keeps the kill
again=$(jq -s -c --arg cg "$APP" '[.[] | select(.event == null) | .cgroups[] | select(.path == $cg)] | last
  | {oom_kills, oom_kills_seen}' "$out")
echo "$name: $APP made again: $again"
[ "$again" = '{"oom_kills":0,"oom_kills_seen":1}' ] || fail "$APP made again does not keep its kill: $again"
n=$(jq -s 'map(select(.event == null)) | length' "$out")
echo "$name: $n samples in all"
[ "$n" -le 20 ] || fail "$n samples in about 10 s at -d 10: the notifications set the pace"
result PASS "$name"
