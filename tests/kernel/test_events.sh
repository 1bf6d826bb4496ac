#!/bin/sh
# An OOM kill told as it happens, on this machine's kernel: headroom --json
# samples a child cgroup every 3 s; an allocator in it is OOM-killed within
# the first interval. The kill must come as an event line within a second,
# between the first and the second sample, naming the victim (pid, command,
# its anon RSS at death), its cgroup and the one whose limit fired; the
# second sample (which the OOM wakes: test_wake.sh) comes after it, its
# counters telling the limit being hit, before that sample.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/OOM kill as an event ($O)" headroom-test-events
out=$(mktemp)
trap 'cg_remove "$CG"; rm -f "$out"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
[ -r /dev/kmsg ] || fail "/dev/kmsg is not readable here: no victim to name"
cg_limit "$CG" 33554432
"$O/headroom" --json --cgroup "$CG" -d 3 -n 2 > "$out" &
hr=$!
i=0; until [ -s "$out" ]; do i=$((i + 1)); [ $i -lt 50 ] || fail "no first sample"; sleep 0.1; done
sh -c 'echo $$ > "$0/cgroup.procs" && exec "$1" 64 4 20 5' "$CG_MOUNT$CG" "$PWD/$O/tests/hog" > /dev/null &
hog=$!
wait $hog; hog_status=$?
# as it happens: within a second of the kill, while the next sample is due
# only at 3 s
i=0; until grep -q '"event":"oom_kill"' "$out"; do
  i=$((i + 1)); [ $i -lt 10 ] || fail "no event within a second of the kill: $(cat "$out" | cut -c1-200)"; sleep 0.1; done
wait $hr || fail "headroom exited $?"
[ "$hog_status" = 137 ] || fail "the allocator exited $hog_status, not 137"
# the lines in order: S (a sample), E (the kill), H (the limit hit the
# second sample shows, told before it); the system's memory pressure, which
# anything on the machine may cause, is left out
order=$(jq -r 'if .event == "oom_kill" then "E" elif .event == "limit_hit" then "H"
  elif .event == "pressure" then empty elif .event then .event else "S" end' "$out" | tr -d '\n')
[ "$order" = SEHS ] || fail "lines came as $order, not sample, kill, limit hit, sample: $(cut -c1-300 "$out")"
jq -s -e --arg cg "$CG" '[.[] | select(.event == "limit_hit")] | .[0].cgroup == $cg and .[0].count > 0' "$out" > /dev/null ||
  fail "the limit hit is not told in $CG: $(grep limit_hit "$out")"
ev=$(jq -c 'select(.event == "oom_kill")' "$out")
echo "$name: $ev" | cut -c1-400
echo "$name: told $(echo "$ev" | jq .told_after) s after the kernel logged it"
echo "$ev" | jq -e --argjson pid "$hog" --arg cg "$CG" '.pid == $pid and .comm == "hog" and .scope == "cgroup"
  and .task_memcg == $cg and .oom_memcg == $cg and .anon_rss >= 16777216 and .limit == 33554432
  and .oom_score_adj == 0' > /dev/null || fail "the event does not name the kill: $ev"
# told from the kernel log as it came (about 0.01 s here, of which 4.7 ms
# is the kernel log's clock running ahead), not with the sample the OOM
# wakes DRIVER_OOM_SETTLE_S (0.05 s) after the kernel's notification
echo "$ev" | jq -e '.told_after < 0.035' > /dev/null || fail "the kill was told $(echo "$ev" | jq .told_after) s after the kernel logged it"
result PASS "$name"
