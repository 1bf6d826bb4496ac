#!/bin/sh
# On this machine's kernel, while headroom samples: a child cgroup made, its
# limit written, a process moved into it that forks a child there and ends,
# another moved into it and then out to the parent, the parent's limit
# written, the child removed. headroom
# learns of these through inotify rather than re-reading every directory and
# limit each sample, so each change must still show in the samples after it,
# and be told as events: the child made, the parent's limit written, the
# child removed.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/live-changes ($O)" headroom-test-live
out=$(mktemp)
trap 'cg_remove "$CG/sub"; cg_remove "$CG"; rm -f "$out" "$out.all"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap

"$O/headroom" --json -d 0.1 -n 30 > "$out.all" &  # the whole hierarchy: v1 reads only changed lists
hr=$!
sleep 0.6
mkdir "$CG_MOUNT$CG/sub" && cg_limit "$CG/sub" 33554432
sleep 0.3
cg_exec "$CG/sub" sh -c 'sleep 0.3; sleep 0.31; true' &
sh -c 'echo $$ > "$0/cgroup.procs" && exec sleep 1.5' "$CG_MOUNT$CG/sub" &
mover=$! # cg_exec would run in a subshell of its own: this pid is the sleep
sleep 0.9
echo "$mover" > "$CG_MOUNT$CG/cgroup.procs"
cg_limit "$CG" 25165824
sleep 0.6
rmdir "$CG_MOUNT$CG/sub"
wait $hr || fail "headroom exited $?"
wait

jq -e . "$out.all" > /dev/null || fail "output is not JSON lines"
jq -c 'select(.event == null)' "$out.all" > "$out"  # the samples
sub="$CG/sub"
# the events of sub and CG: made, limits written, removed
events=$(jq -r --arg cg "$CG" --arg sub "$sub" 'select(.event and (.cgroup == $cg or .cgroup == $sub))
  | select(.event == "cgroup_new" or .event == "limit_set" or .event == "cgroup_gone")
  | [.event, (if .cgroup == $sub then "sub" else "cg" end), .before, .after] | map(tostring) | join(" ")' "$out.all" |
  tr '\n' ',')
echo "$name: events: $events"
# sub's own limit is told only when a sample saw it before it was written
echo "$events" | grep -qxE 'cgroup_new sub null null,(limit_set sub max 33554432,)?limit_set cg max 25165824,cgroup_gone sub null null,' ||
  fail "not told: sub made, the parent's limit written, sub removed: $events"
# per sample: [has sub, sub's limit, sub's effective limit, CG's limit]
jq -c --arg cg "$CG" --arg sub "$sub" '[ (.cgroups | map(select(.path == $sub)) | length),
   (.cgroups[] | select(.path == $sub) | .limit) // null,
   (.cgroups[] | select(.path == $sub) | .effective_limit) // null,
   (.cgroups[] | select(.path == $cg) | .limit) ]' "$out" > "$out.rows"
rows=$(tr '\n' ' ' < "$out.rows"); rm -f "$out.rows"
echo "$name: $rows" | cut -c1-400
first=$(echo "$rows" | awk '{print $1}'); last=$(echo "$rows" | awk '{print $NF}')
[ "$first" = '[0,null,null,"max"]' ] || fail "first sample should have no sub and no limit: $first"
echo "$rows" | grep -q '\[1,33554432,33554432,"max"\]' || fail "sub with its own 32M limit never seen"
echo "$rows" | grep -q '\[1,33554432,25165824,25165824\]' || fail "sub capped by the parent's new 24M limit never seen"
[ "$last" = '[0,null,null,25165824]' ] || fail "last sample should show sub gone and the 24M limit: $last"
# sub's processes per sample (repeats merged): not there, none, then the
# shell with its sleep and the mover (2 or 3; a sample between their two
# moves in sees 1 first), then the mover alone (1: the shell has ended; on
# v1 sub's list is not re-read, so the mover is counted from where it was
# last seen), none once it moved out, not there.
procs=$(jq -r --arg sub "$sub" '(.cgroups[] | select(.path == $sub) | .nprocs) // "-"' "$out" | uniq | tr '\n' ' ')
echo "$name: sub's processes: $procs"
echo "$procs" | grep -qxE -- '- 0 (1 )?([23] )+1 0 - ' || fail "the processes moved into sub and gone again not seen: $procs"
moves=$(jq -r --argjson p "$mover" '.processes[] | select(.pid == $p) | .cgroup' "$out" | uniq | tr '\n' ' ')
echo "$name: the moved process was in: $moves"
case "$moves" in # (a sample may catch it in our cgroup before it moves itself into sub)
  *"$sub $CG ") ;;
  *) fail "a process moved from sub to its parent was shown in: $moves" ;;
esac
jq -s -e --arg sub "$sub" 'any(.[].processes[]; .cmdline == "sleep 0.31" and .cgroup == $sub)' "$out" > /dev/null ||
  fail "a process forked in sub was never shown in sub"
result PASS "$name"
