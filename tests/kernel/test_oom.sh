#!/bin/sh
# End-to-end on this machine's real kernel: a child memory cgroup with a 64M
# limit, an allocator touching 128M inside it; headroom --json --cgroup must
# report usage rising to the limit and exactly one OOM kill, counted and
# told as an event.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/oom ($O)" headroom-test-oom
out=$(mktemp)
trap 'cg_remove "$CG"; rm -f "$out"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
cg_limit "$CG" 67108864

"$O/headroom" --json --cgroup "$CG" -d 0.05 -n 80 > "$out" &
hr=$!
sleep 0.3
cg_exec "$CG" "$O/tests/hog" 128 2 50 5 > /dev/null &
wait $!
hog_status=$?
wait $hr
hr_status=$?

[ "$hr_status" -eq 0 ] || fail "headroom exited $hr_status"
[ "$hog_status" -eq 137 ] || fail "allocator exited $hog_status, expected 137 (SIGKILL by the OOM killer)"
jq -e . "$out" > /dev/null || fail "output is not JSON lines"
summary=$(jq -s --arg cg "$CG" '
  [ .[] | select(.event == null) | .cgroups[] | select(.path == $cg) ] as $s |
  [ .[] | select(.event == "oom_kill") ] as $e |
  { n: ($s | length),
    first: $s[0].usage,
    peak: ($s | map(.usage) | max),
    kpeak: ($s[-1].files["memory.max_usage_in_bytes"] // $s[-1].files["memory.peak"]),
    limit: $s[-1].effective_limit,
    from: $s[-1].effective_limit_from,
    ooms: $s[-1].oom_kills,
    new_ooms: ($s | map(.rates.new_oom_kills // 0) | add),
    hits: $s[-1].limit_hits,
    events: ($e | length), victim: ($e[0].task_memcg // null) }' "$out")
echo "$name: $summary" | tr -d '\n '; echo
n=$(echo "$summary" | jq .n); first=$(echo "$summary" | jq .first); peak=$(echo "$summary" | jq .peak)
[ "$n" -ge 60 ] || fail "only $n samples of $CG"
[ "$(echo "$summary" | jq .limit)" = 67108864 ] || fail "effective limit is not 64M"
[ "$(echo "$summary" | jq -r .from)" = "$CG" ] || fail "effective limit not set by $CG itself"
[ "$first" -lt 8388608 ] || fail "usage at start $first, expected near 0"
kpeak=$(echo "$summary" | jq .kpeak)
[ "$peak" -ge 53687091 ] || fail "sampled usage peaked at $peak, not within 20% of the 64M limit"
[ "$peak" -le 67108864 ] || fail "sampled usage $peak above the limit"
[ "$kpeak" -ge 65765048 ] && [ "$kpeak" -le 67108864 ] || fail "kernel peak $kpeak is not at the limit"
[ "$(echo "$summary" | jq .ooms)" = 1 ] || fail "oom_kills is not 1"
[ "$(echo "$summary" | jq .new_ooms)" = 1 ] || fail "the new-OOM-kill rates do not add up to 1"
[ "$(echo "$summary" | jq .hits)" -gt 0 ] || fail "no limit hits counted"
# the kill as an event too, from the kernel log (root reads it here)
[ "$(echo "$summary" | jq .events)" = 1 ] || fail "not one OOM kill event"
[ "$(echo "$summary" | jq -r .victim)" = "$CG" ] || fail "the event's victim is not in $CG"
result PASS "$name"
