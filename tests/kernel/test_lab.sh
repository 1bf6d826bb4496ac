#!/bin/sh
# The experiments of shared/EXPERIMENTS.md on a real kernel, each as
# `headroom run -j --parent CG -- headroom eat ...` in a cgroup below one of
# the test's own, and each asserted only through what headroom reports (its
# JSON samples), never by reading the kernel's files here. After each: no
# cgroup and no process of it left. Prints the time each scenario took.
# Runs on this machine (cgroup v1) and in the QEMU guest (v2: tests/qemu).
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/lab ($O)" headroom-test-lab
HR="$PWD/$O/headroom"
tmp=$(mktemp -d)
trap 'cg_remove "$CG/p/c"; cg_remove "$CG/p"; cg_remove "$CG/hold"; cg_remove "$CG"; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
all=$name
now_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }  # (busybox date has no %N)
v2_delegate() { [ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$1/cgroup.subtree_control"; }
v2_delegate "$CG"

# lab NAME RUN-OPTIONS... -- COMMAND...: headroom run -j, its cgroup below $CG;
# samples in $tmp/NAME.json, the rest in $tmp/NAME.err, status in $rc.
lab() {
  n=$1; shift
  name="$all: $n"; t0=$(now_ms)
  timeout 60 "$HR" run --parent "$CG" --name "$n" -j -d 0.1 "$@" > "$tmp/$n.json" 2> "$tmp/$n.err"
  rc=$?
  took=$(( $(now_ms) - t0 ))
}
# q NAME JQ-FILTER: the filter over all of NAME's samples (an array).
q() { jq -s -c "map(select(.event == null)) | $2" "$tmp/$1.json"; }
# ev NAME JQ-FILTER: the filter over NAME's OOM kill events (an array),
# which headroom read from the kernel's log as they happened.
ev() { jq -s -c "map(select(.event == \"oom_kill\")) | $2" "$tmp/$1.json"; }
# dg NAME: the run's cgroup's diagnoses, a sample a line (ids, comma-separated).
dg() { q "$1" '.[] | [.cgroups[0].diagnoses[].id] | join(",")' | tr -d '"'; }
# said NAME ID: some sample of NAME has diagnosis ID; cleared NAME ID: a
# later sample has it no more.
said() { dg "$1" | grep -qw -- "$2" || fail "never said '$2': $(dg "$1" | uniq | tr '\n' ' ')"; }
cleared() {
  dg "$1" | awk -v d="$2" '{ n = split($0, a, ","); has = 0; for (i = 1; i <= n; i++) if (a[i] == d) has = 1 }
    has { seen = 1 } seen && !has { ok = 1 } END { exit !ok }' ||
    fail "'$2' never cleared: $(dg "$1" | uniq | tr '\n' ' ')"
}
# ttl_errors NAME: the time-to-limit estimates of NAME's samples from half
# the eater's course (the first sample to the OOM kill's event) on, each
# as the error of the kill time it predicts (t + ttl) against the real one,
# as a fraction of the real time of the kill from the course's start
# ("course"), and of the time that was left ("left": it grows as the kill
# nears, the kernel's own reclaim before it kills taking some ms).
ttl_errors() {
  jq -s -c '(map(select(.event == "oom_kill")) | .[0].time) as $k | (map(select(.event == null)) | .[0].time) as $t0 |
    [ .[] | select(.event == null and .time >= ($t0 + $k) / 2 and .time < $k and .cgroups[0].time_to_limit != null)
      | ((.time + .cgroups[0].time_to_limit - $k) | fabs) as $e | {course: ($e / ($k - $t0)), left: ($e / ($k - .time))} ] |
    def stat(f): map(f) | sort | {median: (if length > 0 then .[length / 2 | floor] * 1000 | round / 1000 else null end),
      max: (if length > 0 then .[-1] * 1000 | round / 1000 else null end)};
    {n: length, course: stat(.course), left: stat(.left)}' "$tmp/$1.json"
}
# ttl_ok NAME: some estimates, each within 20% of the real time of the kill.
ttl_ok() {
  e=$(ttl_errors "$1"); show "time to limit, errors: $e"
  echo "$e" | jq -e '.n >= 1 and .course.max <= 0.2' > /dev/null || fail "time to limit not within 20% of the kill: $e"
}
# predicted NAME: the last sample before NAME's OOM kill named, as the next
# OOM victim of the run's cgroup, the process the kernel then killed.
predicted() {
  p=$(jq -s -c '(map(select(.event == "oom_kill")) | .[0]) as $k |
    [ .[] | select(.event == null and .time < $k.time and .cgroups[0].oom_next != null) ] | last |
    {marked: .cgroups[0].oom_next, killed: $k.pid}' "$tmp/$1.json")
  show "next OOM victim marked before the kill: $p; the kill told after $(ev "$1" 'map(.told_after)') s"
  echo "$p" | jq -e '.marked.pid == .killed' > /dev/null || fail "the marked next victim is not the one killed: $p"
}
# done_ok NAME: the run's cgroup is gone and its processes with it.
done_ok() {
  [ ! -d "$CG_MOUNT$CG/$1" ] || fail "cgroup $CG/$1 left behind"
  pids=$(q "$1" '[.[].processes[].pid] | unique | .[]')
  for p in $pids; do kill -0 "$p" 2>/dev/null && fail "process $p of $1 left running"; done
  result PASS "$name (${took} ms)"
}
show() { echo "$name: $*"; }

# 1. Anon growth to the limit: usage climbs (the samples; the kernel's peak
#    is the limit itself), one OOM kill, 137. No --swap: the run's cgroup
#    does not swap (v1 memory.swappiness 0, v2 memory.swap.max 0), and the
#    summary says so and counts time at the limit (the limit hits). A step
#    every 0.1 s: in the TCG guests a course of 0.05 s steps lasted about
#    1.5 s, and one hiccup of the emulated CPU took the time-to-limit error
#    past 20% of it (20.4% once, 2.5-6.9% at 0.1 s steps).
if only anon; then
lab anon --limit 64M -- "$HR" eat --anon 128M --step 4M --every 0.1 --hold 5
noswap=$(q anon '.[0].cgroups[0].files | .["memory.swappiness"] // .["memory.swap.max"]')
[ "$noswap" = 0 ] || fail "the run's cgroup may swap: swappiness or swap.max $noswap"
grep -qE "no swap \(memory\.(swappiness|swap\.max) 0; --swap allows it\); COMMAND killed" "$tmp/anon.err" ||
  fail "the summary does not say there is no swap: $(cat "$tmp/anon.err")"
grep -qE ", 0\.[1-9] s at the limit|, [1-9][0-9.]* s at the limit" "$tmp/anon.err" ||
  fail "no time at the limit counted: $(cat "$tmp/anon.err")"
dg anon | tail -n 1 | grep -qw oom_killed || fail "the kill not said at the end: $(dg anon | uniq | tr '\n' ' ')"
said anon approaching_limit; ttl_ok anon; predicted anon
s=$(q anon '{max: (map(.cgroups[0].usage) | max), peak: (.[-1].cgroups[0].files | .["memory.max_usage_in_bytes"] // .["memory.peak"]),
  ooms: .[-1].cgroups[0].oom_kills, n: length}')
show "$s status $rc"
[ "$rc" = 137 ] || fail "COMMAND exited $rc, not 137"
echo "$s" | jq -e '.max >= 48*1048576 and .peak == 67108864 and .ooms == 1' > /dev/null || fail "not up to the limit and one kill: $s"
# the kernel names the victim: eat (comm headroom) in the run's cgroup, whose limit fired
e=$(ev anon '{n: length, comm: .[0].comm, cg: .[0].task_memcg, fired: .[0].oom_memcg, anon: .[0].anon_rss}')
show "event: $e"
echo "$e" | jq -e --arg cg "$CG/anon" '.n == 1 and .comm == "headroom" and .cg == $cg and .fired == $cg and .anon >= 48*1048576' > /dev/null ||
  fail "not one OOM kill event naming eat in $CG/anon: $e"
grep -q "OOM kills 1 (the kernel's log: 1, last headroom (pid " "$tmp/anon.err" || fail "the summary does not count the kill told: $(cat "$tmp/anon.err")"
done_ok anon
fi

# 1b. The approach at -d 1: once the limit is near, or will be within the
#    interval at the pace usage grows, samples come every 0.1 s.
if only approach; then
lab approach --limit 64M -d 1 -- "$HR" eat --anon 128M --step 4M --every 0.1 --hold 5
s=$(q approach '{near: map(select(.cgroups[0].usage >= 40*1048576 and .cgroups[0].oom_kills == 0)) | length,
  gaps: [. as $a | range(1; length) | $a[.].time - $a[. - 1].time | select(. < 0.5)] | length}')
show "$s status $rc"
[ "$rc" = 137 ] || fail "COMMAND exited $rc, not 137"
echo "$s" | jq -e '.near >= 3 and .gaps >= 4' > /dev/null || fail "not sampled fast near the limit: $s"
ttl_ok approach; predicted approach
done_ok approach
fi

# 2. malloc is not memory: 2G reserved under a 64M limit, never touched.
if only notouch; then
lab notouch --limit 64M -- "$HR" eat --anon 2G --no-touch --hold 0.5
s=$(q notouch '{virt: ([.[].processes[].virt] | max), res: ([.[].processes[].res] | max),
  usage: (map(.cgroups[0].usage) | max), ooms: .[-1].cgroups[0].oom_kills}')
show "$s status $rc"
[ "$rc" = 0 ] || fail "COMMAND exited $rc"
echo "$s" | jq -e '.virt >= 2*1073741824 and .res < 16*1048576 and .usage < 16*1048576 and .ooms == 0' > /dev/null ||
  fail "VIRT past 2G with RES and usage below 16M, no OOM: $s"
done_ok notouch
fi

# 3. Page cache is charged and reclaimed first: 200M written under 100M,
#    then 60M of anon still fits; no OOM; reclaim ran: v2 memory.stat pgsteal
#    rises; v1 has no pgsteal per cgroup (and the system's vmstat does not
#    count a cgroup's limit reclaim), its pgpgout counts the pages uncharged.
if only cache; then
lab cache --limit 100M -- "$HR" eat --file 200M --anon 60M --hold 0.5
s=$(q cache '{cache: (map(select(.cgroups[0].anon < 8*1048576) | .cgroups[0].file) | max),
  after: (map(select(.cgroups[0].anon >= 60*1048576) | .cgroups[0].file) | min),
  steal: ((.[-1].cgroups[0]["memory.stat"] | .pgsteal // (.total_pgpgout * 4096)) -
          (.[0].cgroups[0]["memory.stat"] | .pgsteal // (.total_pgpgout * 4096))),
  ooms: .[-1].cgroups[0].oom_kills}')
show "$s status $rc"
[ "$rc" = 0 ] || fail "COMMAND exited $rc"
echo "$s" | jq -e '.cache >= 80*1048576 and .after <= 45*1048576 and .steal > 0 and .ooms == 0' > /dev/null ||
  fail "cache charged, then dropped for the anon, with no OOM: $s"
# said: mostly cache at the limit, then reclaimed, the file read back
# refaulting; none of it once the command has ended
show "diagnoses: $(dg cache | uniq | tr '\n' ' ')"
for d in mostly_cache at_limit_reclaiming thrashing; do said cache $d; cleared cache $d; done
done_ok cache
fi

# 4. Limited but not killed. v2, with swap allowed: usage pinned at the
#    limit, swap grows, no kill. v1 (oom_kill_disable): the task stalls,
#    under_oom 1, no kill, until the limit is raised (by the test, once
#    headroom shows it).
if only limited; then
if [ "$CG_VERSION" = 2 ]; then
  lab swap --limit 64M --swap 128M -- "$HR" eat --anon 96M --step 8M --every 0.05 --hold 0.5
  s=$(q swap '{usage: (map(.cgroups[0].usage) | max), swap: (map(.cgroups[0].swap) | max),
    ooms: .[-1].cgroups[0].oom_kills}')
  show "$s status $rc"
  [ "$rc" = 0 ] || fail "COMMAND exited $rc"
  echo "$s" | jq -e '.usage >= 60*1048576 and .usage <= 67108864 and .swap >= 24*1048576 and .ooms == 0' > /dev/null ||
    fail "at the limit, swapping, not killed: $s"
  said swap at_limit_swapping; cleared swap at_limit_swapping
  done_ok swap
else
  name="$all: stall"
  ( lab stall --limit 64M --swap 0 --oom-kill-disable -- "$HR" eat --anon 96M --step 8M --every 0.05 --hold 0.3
    echo "$rc $took" > "$tmp/stall.rc" ) &
  i=0
  until jq -s -e 'any(.[]; .cgroups[0]["memory.oom_control"].under_oom == 1)' "$tmp/stall.json" > /dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "headroom never showed under_oom 1"; sleep 0.1
  done
  sleep 0.5 # stalled, not killed, for a while
  echo 209715200 > "$CG_MOUNT$CG/stall/memory.memsw.limit_in_bytes" # (memsw first: never below the limit)
  echo 209715200 > "$CG_MOUNT$CG/stall/memory.limit_in_bytes"
  wait
  read rc took < "$tmp/stall.rc"
  name="$all: stall"
  s=$(q stall '{stalled: (map(select(.cgroups[0]["memory.oom_control"].under_oom == 1)) | length),
    procs_then: (map(select(.cgroups[0]["memory.oom_control"].under_oom == 1) | .cgroups[0].nprocs) | min),
    ooms: .[-1].cgroups[0].oom_kills, usage: (map(.cgroups[0].usage) | max)}')
  show "$s status $rc"
  [ "$rc" = 0 ] || fail "COMMAND exited $rc: it should go on once the limit was raised"
  echo "$s" | jq -e '.stalled >= 3 and .procs_then == 1 and .ooms == 0 and .usage >= 96*1048576' > /dev/null ||
    fail "stalled at the limit, no kill, then on: $s"
  # and said: stalled, then the stall over, in the run's cgroup
  e=$(jq -r --arg cg "$CG/stall" 'select(.event == "oom_stall" or .event == "oom_stall_end") |
    select(.cgroup == $cg) | .event' "$tmp/stall.json" | tr '\n' ' ')
  [ "$e" = "oom_stall oom_stall_end " ] || fail "the stall and its end not told: $e"
  said stall stalled; cleared stall stalled
  done_ok stall
fi
fi

# 4b. Throttled at memory.high (v2): 64M of anon under a 32M memory.high,
#    no limit: slowed and reclaimed (to swap), not killed, and said. v1
#    has no memory.high: the run refuses it.
if only high; then
if [ "$CG_VERSION" = 2 ]; then
  lab high --high 32M --swap 128M -- "$HR" eat --anon 64M --step 8M --every 0.05 --hold 1
  show "status $rc, diagnoses: $(dg high | uniq | tr '\n' ' ')"
  [ "$rc" = 0 ] || fail "COMMAND exited $rc"
  said high throttled_high; cleared high throttled_high
  done_ok high
else
  lab high --high 32M -- "$HR" eat --anon 1M
  show "status $rc: $(cat "$tmp/high.err")"
  [ "$rc" = 1 ] && grep -q -- "--high: cgroup v1 has no such setting (v2 only)" "$tmp/high.err" ||
    fail "v1 --high not refused: status $rc, $(cat "$tmp/high.err")"
  [ ! -d "$CG_MOUNT$CG/high" ] || fail "cgroup $CG/high left behind"
  result PASS "$name (${took} ms)"
fi
fi

# 5. Charges do not move: 100M touched elsewhere, then moved in.
if only moved; then
mkdir "$CG_MOUNT$CG/hold"
sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$CG_MOUNT$CG/hold" "$HR" eat --anon 100M --hold 30 > "$tmp/hold.out" 2>&1 &
eater=$! # (cg_exec would be a subshell of its own: this pid is eat's)
i=0; until grep -q holding "$tmp/hold.out"; do i=$((i + 1)); [ $i -lt 100 ] || fail "eat never held"; sleep 0.1; done
( i=0; until [ -d "$CG_MOUNT$CG/moved" ]; do i=$((i + 1)); [ $i -lt 50 ] || exit 1; sleep 0.05; done
  sleep 0.5; echo "$eater" > "$CG_MOUNT$CG/moved/cgroup.procs" ) &
lab moved -- sleep 2
s=$(q moved "{res: ([.[].processes[] | select(.pid == $eater) | .res] | max),
  usage: (map(select(any(.processes[]; .pid == $eater)) | .cgroups[0].usage) | max)}")
show "$s status $rc"
echo "$s" | jq -e '.res >= 95*1048576 and .usage < 16*1048576' > /dev/null ||
  fail "RES ~100M in a cgroup whose usage stays near 0: $s"
said moved charges_elsewhere
kill -0 "$eater" 2>/dev/null && fail "the moved-in eater outlived the run"
cg_remove "$CG/hold" || fail "could not remove $CG/hold"
done_ok moved
fi

# 6. The hierarchy caps children: 500M under a 200M parent.
if only hierarchy; then
mkdir "$CG_MOUNT$CG/p" && cg_limit "$CG/p" 209715200 && v2_delegate "$CG/p"
t0=$(now_ms)
timeout 60 "$HR" run --parent "$CG/p" --name c --limit 500M -j -d 0.1 -- "$HR" eat --anon 8M --hold 0.3 > "$tmp/c.json" 2> "$tmp/c.err"
rc=$?; took=$(( $(now_ms) - t0 )); name="$all: hierarchy"
s=$(q c '.[-1].cgroups[0] | {limit, effective_limit, effective_limit_from}')
show "$s status $rc"
echo "$s" | jq -e --arg p "$CG/p" '.limit == 524288000 and .effective_limit == 209715200 and .effective_limit_from == $p' > /dev/null ||
  fail "child 500M capped at the parent's 200M: $s"
said c limit_from_parent
[ ! -d "$CG_MOUNT$CG/p/c" ] || fail "cgroup $CG/p/c left behind"
rmdir "$CG_MOUNT$CG/p"
result PASS "$name (${took} ms)"
fi

# 7. Who dies: the small eater with oom_score_adj 1000, not the big one.
#    (A sample may catch the victim dying before its kill is counted: the
#    kernel's oom_score is then 0, as for any task without memory left, so
#    "before" is the last sample where it still had a score.)
if only who; then
lab who --limit 100M --swap 0 -- sh -c "\"$HR\" eat --anon 40M --oom-score-adj 1000 --hold 5 & sleep 0.3;
  \"$HR\" eat --anon 70M --step 5M --every 0.05 --hold 0.5; wait"
s=$(q who '[.[] | {k: .cgroups[0].oom_kills,
  a: [.processes[] | select(.comm == "headroom" and (.cmdline | test("oom-score-adj 1000"))) | .oom_score][0],
  b: [.processes[] | select(.comm == "headroom" and (.cmdline | test("anon 70M"))) | {s: .oom_score, r: .res}][0]}] |
  {before: map(select(.k == 0 and .a > 0 and .b != null)) | last, after: map(select(.k >= 1)) | first,
   kills: (last | .k)}')
show "$s status $rc"
echo "$s" | jq -e '.before.a > .before.b.s and .after.a == null and .after.b != null and .kills == 1' > /dev/null ||
  fail "the oom_score_adj 1000 eater shown higher and killed, the big one alive: $s"
# ... and the kernel's log names that eater, by its pid
small=$(q who '[.[].processes[] | select(.comm == "headroom" and (.cmdline | test("oom-score-adj 1000"))) | .pid][0]')
e=$(ev who '{n: length, pid: .[0].pid, adj: .[0].oom_score_adj}')
show "event: $e (the oom_score_adj 1000 eater was pid $small)"
echo "$e" | jq -e --argjson p "$small" '.n == 1 and .pid == $p and .adj == 1000' > /dev/null ||
  fail "the event does not name the oom_score_adj 1000 eater: $e"
said who oom_killed
predicted who
done_ok who
fi

# 7b. Who dies, the other way round: the small eater has oom_score_adj
#    100, which the kernel scales by the cgroup's budget at its limit (25600
#    pages: 100 × 25600 / 1000 = +2500), not by the machine's as /proc/PID/oom_score does (which
#    shows both at 666 on this machine, or the small one first): the big
#    one dies, and headroom marks it before. (Lowering an adj needs
#    CAP_SYS_RESOURCE, which this machine's root lacks; raising it does not.)
if only who2; then
lab who2 --limit 100M --swap 0 -- sh -c "\"$HR\" eat --anon 40M --oom-score-adj 100 --hold 2 & sleep 0.3;
  \"$HR\" eat --anon 70M --step 5M --every 0.05 --hold 0.5; wait"
big=$(q who2 '[.[].processes[] | select(.comm == "headroom" and (.cmdline | test("anon 70M"))) | .pid][0]')
small=$(q who2 '[.[].processes[] | select(.comm == "headroom" and (.cmdline | test("oom-score-adj 100"))) | .pid][0]')
e=$(ev who2 '{n: length, pid: .[0].pid, adj: .[0].oom_score_adj}')
# (the big one, as a rule; in the ASan build the small one's RSS grows by
# the sanitizer's own and it can be the one: what is checked is that
# headroom marked the one the kernel killed)
show "event: $e (the big eater was pid $big, the small one $small)"
echo "$e" | jq -e --argjson b "$big" --argjson s "$small" '.n == 1 and (.pid == $b or .pid == $s)' > /dev/null ||
  fail "the event does not name one of the eaters: $e"
s=$(q who2 '[.[] | select(.cgroups[0].oom_kills == 0) | {small: [.processes[] | select(.cmdline | test("oom-score-adj 100")) | .oom_score][0],
  big: [.processes[] | select(.cmdline | test("anon 70M")) | .oom_score][0]} | select(.small != null and .big != null)] | last')
show "the kernel's oom_score before the kill: $s"
echo "$s" | jq -e '.small >= .big' > /dev/null || fail "oom_score should not rank the big one first here: $s"
predicted who2
done_ok who2
fi

# 8. shmem: tmpfs data is charged to the cgroup, in no process's RES.
if only shm; then
lab shm --limit 200M -- "$HR" eat --shm 50M --hold 0.5
s=$(q shm '{shmem: (map(.cgroups[0].shmem) | max), res: ([.[].processes[].res] | max)}')
show "$s status $rc"
[ "$rc" = 0 ] || fail "COMMAND exited $rc"
echo "$s" | jq -e '.shmem >= 50*1048576 and .res < 16*1048576' > /dev/null || fail "50M of shmem in no process: $s"
done_ok shm
fi
