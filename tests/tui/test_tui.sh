#!/bin/sh
# The dashboard, driven in tmux: the real binary against the QEMU v2 capture
# (a fixed screen to assert on) and against this machine.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
. tests/tui/lib.sh
HR="$PWD/$O/headroom"
FX="$PWD/tests/fixtures/v2-qemu"
tmp= CG=
cleanup() {
  tui_cleanup
  [ -z "$tmp" ] || rm -rf "$tmp"
  [ -z "$CG" ] || cg_remove "$CG"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs cleanup
# step ID NAME: start a step, unless HR_TEST_ONLY names others (see only).
step() { name="tui/$2 ($O)"; only "$1"; }
check() { # check CONDITION-COMMAND... : fail with the screen shown
  if ! "$@"; then
    echo "--- screen:"; tui_screen; echo "---"
    fail "$*"
  fi
}
pass() { result PASS "$name"; tui_stop; }
# fx_copy: a copy of the capture in $tmp, to change (cleanup removes it)
fx_copy() { tmp=$(mktemp -d) && cp -a "$FX/." "$tmp/"; }

if step overview "overview 120x40"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
s=$(tui_screen)
for want in "LIVE" "F1 Help"; do
  echo "$s" | grep -qF -- "$want" || { echo "$s"; fail "overview lacks '$want'"; }
done
# The system's meters, from $FX/proc/meminfo (kB), each bar 120 - 6 - the
# text - 1 cells wide, segments ending where their cumulative sum rounds:
#  Mem, 85 cells of MemTotal 481296: AnonPages 167920 -> 30 '#'; Slab 16876
#    + KernelStack 848 + PageTables 580 -> 33 (three 'K'); Shmem 11360 -> 35
#    (two 'S'); Cached 52328 + Buffers 200 - Shmem -> 42 (seven '='); the
#    (Buffers 200 -> 0 'b'), the mark '|' of used as free(1) counts it,
#    MemTotal - MemAvailable 269768 = 211528 -> 207M of 470M, at
#    211528 * 85 / MemTotal = cell 37; MemAvailable 263M
#  Swap, 87 cells: SwapTotal 262140 - SwapFree 228604 = 33536 -> 11 '~'
#    (SwapCached 0: no '='), "cached 0" after it
#  Cmt, 84 cells of CommitLimit 502788 (the largest of the three):
#    Committed_AS 214776 -> 35.9 -> 36 '+'; MemTotal marked at cell 80,
#    CommitLimit on the last; overcommit_memory 0: heuristic
check tui_wait_line "Mem  ##############################KKKSS==|====                                               207M of 470M   avail 263M"
# under the meters, from 30 lines on, what their characters and marks mean
check tui_wait_line "     # anon  K kernel  S shmem  b buffers  = cache  | used    Cmt:  | MemTotal  | CommitLimit  + past one  + past both"
check tui_wait_line "Swap $(rep '~' 11)$(rep ' ' 76)     33M of 256M   cached 0"
check tui_wait_line "Cmt  ++++++++++++++++++++++++++++++++++++                                            |  |    210M of 491M   (heuristic)"
# and their colours: anon green, kernel magenta, shmem cyan, cache yellow,
# swap red, commit blue; marks white, CommitLimit's red
bars=$(tui_colours 1 | cut -c6-90; tui_colours 2 | cut -c6-92; tui_colours 3 | cut -c6-89)
want="$(rep g 30)$(rep m 3)$(rep c 2)$(rep y 2)w$(rep y 4)$(rep ' ' 43)
$(rep r 11)$(rep ' ' 76)
$(rep b 36)$(rep ' ' 44)w  r"
[ "$bars" = "$want" ] || { printf '%s\n---\n%s\n' "$bars" "$want"; fail "the meters' colours"; }
# Whole lines, their USAGE TREND column (it moves as samples come) masked.
# From the files under $FX/sys/fs/cgroup, against the effective limit:
#  hr-fixture: current 156864512 of its own max 209715200 = 74.8%; its bar
#    of 18 cells, each segment ending where its cumulative sum rounds (half
#    up): anon 104914944 -> 9.005 -> 9 '#'; + kernel 1544192 -> 9.14 -> 9
#    (no 'K'); + shmem 8388608 -> 9.86 -> 10 (one 'S'); + active_file
#    65536 -> 10 (no '='); + inactive_file 41943040 -> 13.46 -> 13 (three
#    '-'); memory.low 16M marked '|' on cell 1 (16777216 * 18 / 209715200
#    = 1.44)
#  child: current 156852224 of 200M^ (set by hr-fixture; its own max is 500M)
#    = 74.8%, not the 29.9% of its own limit; its bar as hr-fixture's, with
#    kernel 1531904 and no marks; diagnosis: its own limit capped by an
#    ancestor's ("limit^")
#  idle: 0 of 200M^ (no limit of its own: no diagnosis); marks: min 5M at
#    cell 0 (0.45), low 10M at 0 (0.9), high 100M at 9 (9.0)
#  hr-swap: current 66949120 of 67108864 = 99.8%; anon 66695168 -> 17.89 ->
#    18 '#': full; its swap 34095104 is past the limit and cut; past 80% of
#    its own limit, its one process (hog) is the OOM killer's next pick
# OOM: memory.events oom_kill (hierarchical); HITS/s: events max, no change.
title="CGROUP                  USAGE     LIMIT  %LIM MEMORY             USAGE TREND         OOM HITS/s PROCS DIAGNOSIS"
echo "$s" | grep -qxF -- "$title" || { echo "$s"; fail "the column titles are not where this test expects them"; }
check tui_wait_row "├─-hr-fixture" "├─-hr-fixture            150M      200M  74.8 #|#######S---      <trend>    1      0     0"
check tui_wait_row "child" "│ ├──child               150M     200M^  74.8 #########S---      <trend>    1      0     1 limit^"
check tui_wait_row "idle" "│ └──idle                   0     200M^   0.0 |        |         <trend>    0      0     0"
check tui_wait_row "hr-swap" "└──hr-swap                64M       64M  99.8 ################## <trend>    0      0     1 next: hog"
# /: no limit applies, so its bar and %LIM are against MemTotal (492847104
#  bytes; usage N/A at the v2 root: %LIM N/A), and the bar's end says so
#  ("RAM": 18 cells have no room for "of 470M RAM"): anon 171941888 ->
#  6.28 -> 6 '#'; + kernel 1798144 -> 6.35 -> 6; + shmem 11333632 -> 6.76
#  -> 7 (one 'S'); + active_file 208896 -> 7; + inactive_file 41947136 ->
#  8.30 -> 8 (one '-'); no trend to scale (usage N/A)
check tui_wait_row "-/" "-/                        N/A unlimited   N/A ######S-       RAM <trend>  N/A    N/A    51"
# rows in tree order, the child under its parent
echo "$s" | awk '/hr-fixture/ {a=NR} /child/ {b=NR} END {exit !(a && b == a + 1)}' || fail "child not right below hr-fixture"
pass
fi

if step drill "drill-down and back"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys Down Down Enter          # / -> hr-fixture -> child
check tui_wait "Processes in /hr-fixture/child: 1"
# Whole rows, from $FX/proc/PID: statm (pages of 4 KiB) gives VIRT, RES,
# SHR; status VmSwap; smaps_rollup Pss, and Private_* (USS); oom_score,
# oom_score_adj; RES of VIRT: 16 cells, RES '#' rounded, the rest '.'.
#  112: statm 25848 25756 163 -> 101M 101M 652K; swap 0; Pss 102780 kB ->
#       100M; Private 102456 kB -> 100M; 758, 0; 25756/25848 * 11 -> 11 '#'
#  115: statm 24835 16440 163 -> 97M 64M 652K; VmSwap 33272 kB -> 32M;
#       Pss 65456 kB -> 64M; Private 8 + 65124 kB -> 64M; 755, 0;
#       16440/24835 * 11 = 7.3 -> 7 '#'
# Each is alone in the subtree of a limit past half full (/hr-fixture's
# 200M, /hr-swap's 64M): the OOM killer's next pick there, marked. S from
# stat (sleeping); CPU% from stat's utime + stime in two samples: 0.0, the
# capture does not change. At 120 columns the command has its 48 cells
# first: whole, the bar 11 cells.
check tui_wait_line "    112 root     S   0.0   101M   101M   652K      0   100M   100M    758     0 ########### [next OOM] hog 100 100 0 600"
tui_keys Escape
check tui_wait "hr-swap"
tui_keys a
check tui_wait "Processes (all)"
check tui_wait "/init"
check tui_wait_line "    115 root     S   0.0    97M    64M   652K    32M    64M    64M    755     0 #######.... [next OOM] hog 96 8 10 600"
tui_keys BSpace
check tui_wait "USAGE TREND"
pass
fi

if step sort "sort"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys a
check tui_wait "Processes (all)"
first() { tui_screen | sed -n 3p | awk '{print $1}'; }
[ "$(first)" = 112 ] || fail "by RES the first process should be 112 (101M), not $(first)"
tui_keys '<' '<' '<' '<' '<' Home  # RES -> VIRT -> CPU% -> S -> USER -> PID, then the top
check tui_wait "PID▼"
sleep 0.3
[ "$(first)" = 117 ] || fail "by PID descending the first process should be 117, not $(first)"
tui_keys I Home
check tui_wait "PID▲"
sleep 0.3
[ "$(first)" = 1 ] || fail "by PID ascending the first process should be 1, not $(first)"
tui_keys F6                         # htop's F6: a menu of the columns, PID chosen
check tui_wait "Sort the processes by"
check tui_wait "> PID"
tui_keys Down Down Down Down Down Enter  # USER, S, CPU%, VIRT, RES
check tui_wait "RES▲"
pass
fi

if step fold "fold, flat, help"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys Down Space
check tui_gone "child"
tui_screen | grep -qF "+hr-fixture" || fail "folded row not marked +"
tui_keys Space
check tui_wait "child"
tui_keys t
check tui_wait "/hr-fixture/child"   # flat rows show whole paths
tui_keys h
check tui_wait "Any key closes this help"
tui_keys x
check tui_gone "Any key closes this help"
pass
fi

if step detail "cgroup detail"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys Down Down i              # / -> hr-fixture -> child
check tui_wait "Cgroup /hr-fixture/child (memory cgroup v2)"
# whole lines: the child's own 500M, and the 200M that applies, set by its
# parent (not by itself, nor by /hr-fixture/child: a substring would match)
check tui_wait_line "limit                                      500M            memory.max"
check tui_wait_line "effective_limit                            200M            set by /hr-fixture"
check tui_wait_line "memory.max                                 500M"
check tui_wait_line "memory.low                                    0"
# said first: the diagnosis, and where the charge is: usage 156852224 =
# anon 104914944 + cache (file 50397184 - shmem 8388608 = 42008576) +
# kernel 1531904 + shmem 8388608 + other 8192
check tui_wait_line "limit^                                                     limit from /hr-fixture: 200M caps its own 500M"
check tui_wait_line "charged (usage)                            150M            anon 100M + cache 40M + kernel 1.5M + shmem 8.0M + other 8.0K"
tui_keys End
# memory.pressure: the three averages whole at 120 columns
check tui_wait_re "^some +[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} +% stalled avg10 avg60 avg300"
check tui_wait "memory.events.local"
tui_keys Escape
check tui_wait "USAGE TREND"
pass
fi

if step split "split overview: the selected cgroup's processes under the tree"; then
# pane_at SIZE: the line the pane's title is on ("" when there is none)
pane_at() { tui_screen | grep -n "^ Processes in " | cut -d: -f1; }
for size in "200 50" "120 40" "80 24"; do
  tui_start $size "$HR" --root "$FX"
  check tui_wait "hr-swap"
  # under the header (4 lines, 5 with the legend), the column titles and the
  # 5 cgroups: the tree needs 6 rows of those it may have half of, and takes them
  check tui_wait " Processes in /: "
  want=11; [ "${size#* }" -lt 30 ] || want=12  # the meters' legend from 30 lines
  [ "$(pane_at)" = $want ] || fail "${size% *}x${size#* }: the pane starts on line $(pane_at), not $want"
  tui_keys Down Down                # the child: the pane follows the selection
  check tui_wait " Processes in /hr-fixture/child: 1"
  tui_screen | grep -qE "^ +112 root .*\] hog( |$)" || fail "${size% *}x${size#* }: the child's hog is not in the pane"
  tui_screen | grep -q "^ *115 " && fail "${size% *}x${size#* }: /hr-swap's hog in the child's pane"
done
tui_keys End                        # the last cgroup
check tui_wait " Processes in /hr-swap: 1"
tui_keys Tab                        # the keys go to the pane: Enter opens the process
check tui_wait "Tab Tree"
tui_keys Enter
check tui_wait "Process 115 in /hr-swap: hog 96 8 10 600"
tui_keys Escape                     # back to the overview, the pane still has the keys
check tui_wait "Tab Tree"
tui_keys Tab Up                     # the tree has them again: Up moves in it
check tui_wait "Tab Pane"
check tui_wait " Processes in /hr-fixture/idle: 0"
# a tree longer than its share: 30 cgroups on 80x24 (19 rows under the
# header) take 9 rows (half, titles included), the pane the other 10
fx_copy
for i in $(seq 1 25); do mkdir "$tmp/sys/fs/cgroup/g$i" && : > "$tmp/sys/fs/cgroup/g$i/cgroup.procs"; done
tui_start 80 24 "$HR" --root "$tmp"
check tui_wait " Processes in /: "
[ "$(pane_at)" = 14 ] || fail "80x24 with 30 cgroups: the pane starts on line $(pane_at), not 14"
tui_keys '}' '}'                    # the tree's share to 70%: 13 rows
check tui_wait "the tree takes up to 70% of the rows"
[ "$(pane_at)" = 18 ] || fail "80x24 at 70%: the pane starts on line $(pane_at), not 18"
tui_keys End                        # the selection scrolls within the tree's rows
check tui_wait " Processes in /hr-swap: 1"
[ "$(pane_at)" = 18 ] || fail "80x24: the pane moved when the tree scrolled"
rm -rf "$tmp"; tmp=
tui_start 40 10 "$HR" --root "$FX"  # too short: the tree only
check tui_wait "hr-fixture"
[ -z "$(pane_at)" ] || fail "40x10 shows a process pane"
tui_keys Tab
check tui_wait "no room for the processes under the tree"
pass
fi

if step cgsort "sort cgroups: siblings in the tree, all when flat"; then
TUI_KEEP_CONFIG=1
rm -rf "$TUI_CONFIG"; TUI_CONFIG=$(mktemp -d)
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
# names: the rows' first words, from the column titles down to the pane
names() { tui_screen | awk '/^CGROUP/ {on = 1; next} /^ Processes in / {on = 0} on {print $1}' | sed 's/^[^a-z/]*//' | tr '\n' ' '; }
tui_keys '>' '>' '>' '>'            # CGROUP, USAGE, LIMIT, %LIM: largest first
check tui_wait "%LIM▼"
# in the tree, siblings by %LIM: hr-swap (99.8) before hr-fixture (74.8),
# and under it child (74.8) before idle (0)
[ "$(names)" = "/ hr-swap hr-fixture child idle " ] || fail "by %LIM in the tree: $(names)"
tui_keys t                          # flat: every row by %LIM, N/A (the root's) last
check tui_wait "/hr-fixture/child"
[ "$(names)" = "/hr-swap /hr-fixture /hr-fixture/child /hr-fixture/idle / " ] || fail "by %LIM, flat: $(names)"
tui_keys '>' '>'                    # USAGE TREND, then OOM: the cgroups with a kill first
check tui_wait "OOM▼"                # (ties in natural order: idle before hr-swap)
[ "$(names)" = "/hr-fixture /hr-fixture/child /hr-fixture/idle /hr-swap / " ] || fail "by OOM, flat: $(names)"
tui_keys I                          # ascending: N/A first, then the fewest kills
check tui_wait "OOM▲"
[ "$(names)" = "/ /hr-fixture/idle /hr-swap /hr-fixture /hr-fixture/child " ] || fail "by OOM ascending: $(names)"
tui_keys M                          # htop's M: by USAGE, largest first
check tui_wait "USAGE▼"
[ "$(names)" = "/hr-fixture /hr-fixture/child /hr-swap /hr-fixture/idle / " ] || fail "by USAGE: $(names)"
tui_keys q
check tui_exit
for want in "cgroup_sort = usage" "cgroup_sort_ascending = 0"; do
  grep -qxF "$want" "$TUI_CONFIG/headroom/config" || fail "the settings file lacks '$want'"
done
tui_start 120 40 "$HR" --root "$FX"  # kept for the next run
check tui_wait "USAGE▼"
tui_keys F6                         # htop's F6: a menu of the columns, USAGE chosen
check tui_wait "Sort the cgroups by"
check tui_wait "> USAGE"
tui_keys Down Down Down Down Enter  # LIMIT, %LIM, USAGE TREND, OOM
check tui_wait "OOM▼"
check tui_gone "Sort the cgroups by"
TUI_KEEP_CONFIG=
pass
fi

if step cpu "process state, CPU% and cgroup columns, live"; then
if cg_find_self && CG=$(cg_make "hr-tui-cpu-$$"); then
  (cg_exec "$CG" sh -c 'while :; do :; done' >/dev/null 2>&1 &)  # a busy loop: R, most of a core
  tui_until 5 grep -q . "$CG_MOUNT$CG/cgroup.procs" || fail "no loop in the cgroup"
  pid=$(cat "$CG_MOUNT$CG/cgroup.procs")
  tui_start 250 40 "$HR" --cgroup "$CG" -d 0.5
  # CPU% from two samples' utime + stime: a loop on a core of two shows
  # 30 to 100 (the machine is shared); its cgroup in CGROUP, whole at 250
  # columns (the column shares the spare width once COMMAND has 48 cells,
  # up to 64)
  [ ${#CG} -le 64 ] || fail "the test's cgroup path is longer than the column: $CG"
  check tui_wait_re "^ +$pid root +R +([3-9][0-9]|100)\.[0-9] .* $CG +sh -c while" 5
  tui_stop
  tui_start 133 40 "$HR" --cgroup "$CG" -d 0.5   # the first width with it: 24 cells, its tail
  check tui_wait_re "^ +$pid root +R .* \.\.\.[^ ]*$(basename "$CG") +sh -c while" 5
  kill "$pid"
  check tui_wait " Processes in $CG: 0"
  # a process begun since the previous sample has no reading from before:
  # its ticks since it began (stat's start_time), not N/A, as soon as its
  # row shows (-d 10: the next sample would be 10 s away)
  tui_stop
  tui_start 130 40 "$HR" --cgroup "$CG" -d 10
  check tui_wait " Processes in $CG: 0"
  (cg_exec "$CG" sh -c 'while :; do :; done' >/dev/null 2>&1 &)
  tui_until 5 grep -q . "$CG_MOUNT$CG/cgroup.procs" || fail "no loop in the cgroup"
  pid=$(cat "$CG_MOUNT$CG/cgroup.procs")
  tui_until 12 tui_shows -E "^ +$pid root " || fail "the new loop never showed"
  row=$(tui_screen | grep -E "^ +$pid root ")
  echo "$row" | grep -qE "^ +$pid root +[RS] +[0-9]+\.[0-9] " || { echo "$row"; fail "a new process's CPU% is not its ticks since it began"; }
  # ... but one that was there, off screen (no reading from before), is
  # N/A, not its whole life's average: 20 sleeps after the loop, newest
  # first in 7 rows, the loop found with / after the second sample
  (cg_exec "$CG" sh -c 'for i in $(seq 20); do sleep 600 & done; wait' >/dev/null 2>&1 &)
  tui_until 5 sh -c '[ "$(wc -l < "$0")" -ge 22 ]' "$CG_MOUNT$CG/cgroup.procs" || fail "no sleeps in the cgroup"
  tui_stop
  tui_start 130 10 "$HR" --cgroup "$CG" -d 3
  check tui_wait "$(basename "$CG")"
  tui_keys Enter F6 Up Up Up Up Up Enter  # its processes; F6 from RES up to PID (largest first)
  check tui_wait "PID▼"
  tui_lacks " $pid root " || fail "the loop is on screen before the search"
  sleep 3.5                          # the second sample (a previous one, without the loop read)
  tui_keys / "$pid" Enter
  check tui_wait_re "^ +$pid root +R +N/A " 1
  pass
  cg_remove "$CG" && CG=
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step users "K kernel threads, H, u one user's processes"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys a                          # the capture's 52 processes, 7 with memory:
check tui_wait "Processes (all): 7"  # kernel threads (statm all 0) hidden, as htop
tui_lacks "[kthreadd]" || fail "a kernel thread listed by default"
tui_keys K
check tui_wait "processes without memory (kernel threads, zombies) shown"
check tui_wait "Processes (all): 52"
check tui_wait "[kthreadd]"
tui_keys H
check tui_wait "headroom lists processes, not threads"
tui_stop
if cg_find_self && CG=$(cg_make "hr-tui-users-$$"); then
  (cg_exec "$CG" sleep 600 >/dev/null 2>&1 &)
  (cg_exec "$CG" setpriv --reuid=65534 --regid=65534 --clear-groups sleep 601 >/dev/null 2>&1 &)
  tui_until 5 sh -c "[ \$(wc -l < '$CG_MOUNT$CG/cgroup.procs') = 2 ]" || fail "two sleeps not in the cgroup"
  tui_start 120 40 "$HR" --cgroup "$CG"
  check tui_wait "sleep 601"
  tui_keys Tab u                    # htop's u: a menu of the users in view
  check tui_wait "Show the processes of"
  check tui_wait "> every user"
  check tui_wait "  nobody"
  tui_keys Down Down Enter          # root, then nobody (in pid order)
  check tui_wait " Processes of nobody in $CG: 1"
  tui_lacks "sleep 600" || fail "u nobody: root's sleep still listed"
  tui_keys u Up Up Enter            # every user again (the menu opens on the one chosen)
  check tui_wait " Processes in $CG: 2"
  tui_stop
  for pid in $(cat "$CG_MOUNT$CG/cgroup.procs"); do kill "$pid"; done
  cg_remove "$CG" && CG=
  pass
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step columns "F2: the columns of both tables shown and their order, K, kept"; then
TUI_KEEP_CONFIG=1
rm -rf "$TUI_CONFIG"; TUI_CONFIG=$(mktemp -d)
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys a F2
check tui_wait "Process columns (saved on quit)"
check tui_wait "> [x] PID"
tui_keys Down Down '-'              # S above USER
check tui_wait_re "^ +PID +S +USER +CPU% "
tui_keys Down Space                 # USER hidden: listed last, unticked
check tui_wait "> [ ] USER"
check tui_wait_re "^ +PID +S +CPU% +VIRT "
tui_keys Enter
check tui_gone "Process columns"
tui_keys q
check tui_exit
want="columns = pid,state,cpu,virt,res,shr,swap,pss,uss,oom_score,oom_score_adj,res_of_virt,cgroup,command"
grep -qxF "$want" "$TUI_CONFIG/headroom/config" || { cat "$TUI_CONFIG/headroom/config"; fail "the settings file lacks '$want'"; }
tui_start 120 40 "$HR" --root "$FX"  # read back
check tui_wait "hr-swap"
check tui_wait_re "^ +PID +S +CPU% +VIRT "   # the pane under the tree too
tui_keys a
check tui_wait_re "^ +PID +S +CPU% +VIRT "
# the cgroup table's too, and K's choice
tui_keys K Escape
check tui_wait_re "^CGROUP +USAGE +LIMIT "
tui_keys F2
check tui_wait "Cgroup columns (saved on quit)"
check tui_wait "> [x] CGROUP"
tui_keys Down Space                 # USAGE hidden: listed last, unticked
check tui_wait "> [ ] USAGE"
check tui_wait_re "^CGROUP +LIMIT +%LIM +MEMORY "
tui_keys Up '-'                     # DIAGNOSIS before PROCS
check tui_wait_re " OOM +HITS/s +DIAGNOSIS +PROCS *$"
tui_keys Enter
check tui_gone "Cgroup columns"
# < > go through the columns as shown: USAGE hidden, PROCS after DIAGNOSIS
tui_keys '>' '>'
check tui_wait_re "^CGROUP +LIMIT▼ "
tui_keys '<' '<' '<'                # CGROUP, round the end to PROCS, DIAGNOSIS
check tui_wait_re "DIAGNOSIS▼ +PROCS *$"
tui_keys '>'                        # PROCS, 5 cells: its title cut, the mark kept
check tui_wait_re "DIAGNOSIS +PROC▼ *$"
tui_keys q
check tui_exit
for want in "cgroup_columns = cgroup,limit,pct,memory,trend,oom,hits,diagnosis,procs" "kernel_threads = 1" \
  "cgroup_sort = procs"; do
  grep -qxF "$want" "$TUI_CONFIG/headroom/config" || { cat "$TUI_CONFIG/headroom/config"; fail "the settings file lacks '$want'"; }
done
tui_start 120 40 "$HR" --root "$FX"  # read back
check tui_wait_re "^CGROUP +LIMIT +%LIM +MEMORY .* OOM +HITS/s +DIAGNOSIS +PROC▼ *$"
tui_keys q                          # (it saves as it quits: before the edit)
check tui_exit
# a name headroom does not know: every column, said, the file kept
sed -i 's/^cgroup_columns = .*/cgroup_columns = cgroup,rss/' "$TUI_CONFIG/headroom/config"
cp "$TUI_CONFIG/headroom/config" "$TUI_CONFIG/before"
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "config: cgroup_columns: no column 'rss'; every column shown (the file is kept as it is)"
check tui_wait_re "^CGROUP +USAGE +LIMIT +%LIM "
tui_keys q
check tui_exit
cmp -s "$TUI_CONFIG/headroom/config" "$TUI_CONFIG/before" || fail "a file with an unknown column was written over"
TUI_KEEP_CONFIG=
pass
fi

if step kill "F9: a signal to a process, or why not"; then
if cg_find_self && CG=$(cg_make "hr-tui-kill-$$"); then
  # a sleep that ignores SIGTERM (ignored stays ignored across exec): only
  # the SIGKILL chosen below ends it
  (cg_exec "$CG" sh -c 'trap "" TERM; exec sleep 600' >/dev/null 2>&1 &)
  tui_until 5 grep -q . "$CG_MOUNT$CG/cgroup.procs" || fail "no sleep in the cgroup"
  pid=$(cat "$CG_MOUNT$CG/cgroup.procs")
  # as nobody: the menu, then the refusal, and the process lives on
  tui_start 120 40 setpriv --reuid=65534 --regid=65534 --clear-groups "$HR" --cgroup "$CG"
  check tui_wait "sleep 600"
  tui_keys Tab F9                   # the pane has the keys: its process's menu
  check tui_wait "Send to $pid: sleep 600"
  check tui_wait "> 15 SIGTERM"
  tui_keys Enter
  check tui_wait "SIGTERM not sent to $pid: not permitted: it is another user's (only root may signal it)"
  kill -0 "$pid" || fail "the refused signal was sent"
  # as its owner: Down to SIGKILL, Enter sends it
  tui_start 120 40 "$HR" --cgroup "$CG"
  check tui_wait "sleep 600"
  tui_keys Tab F9 Down
  check tui_wait ">  9 SIGKILL"
  tui_keys Enter
  check tui_wait "SIGKILL sent to $pid"
  tui_until 5 sh -c "! kill -0 $pid 2>/dev/null" || fail "pid $pid lives on after SIGKILL"
  tui_stop
  cg_remove "$CG" && CG=
  # a capture's pids are not this machine's: nothing is sent
  tui_start 120 40 "$HR" --root "$FX"
  check tui_wait "hr-swap"
  tui_keys a F9 Enter
  check tui_wait "SIGTERM not sent to 112: these are a capture's processes (--root), not this machine's"
  pass
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step search "search and filter"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys '\' c h i
check tui_wait "Filter: chi_"
tui_keys Enter
check tui_wait "[filter: chi]"
check tui_gone "hr-swap"
tui_screen | grep -qF "child" || fail "the filter hid the match"
tui_screen | grep -qF "hr-fixture" || fail "the filter hid the match's parent"
tui_keys '\' Escape
check tui_wait "hr-swap"
tui_keys a / h o g ' ' 9 6
check tui_wait "Search: hog 96_"
tui_keys Enter Enter               # the match selected, then its detail
check tui_wait "Process 115 in /hr-swap: hog 96 8 10 600"
tui_keys Escape '\' 1 1 2 Enter
check tui_wait "Processes (all): 1"
tui_screen | grep -qE "^ +112 .* hog 100 100" || fail "filtered by pid 112 but its row is not shown"
tui_keys / n o p e Enter n
check tui_wait "'nope' not found"
pass
fi

if step htop "htop's keys: F3 F4 F5 F6 M, and a key with nothing to do says so"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys F5
check tui_wait "/hr-fixture/child"   # flat, as t
tui_keys F5
check tui_gone "/hr-fixture/child"
tui_keys F4 c h i
check tui_wait "Filter: chi_"
tui_keys Escape F3 i d
check tui_wait "Search: id_"
tui_keys Escape F7
check tui_wait "no key 'F7' here: F1 lists the keys"
tui_keys a F6 Down Enter            # F6: a menu of the columns, RES chosen; Down, SHR
check tui_wait_re "^ +PID USER +S +CPU% +VIRT +RES +SHR▼ "   # sorted by SHR now
tui_keys M
check tui_wait_re "^ +PID USER +S +CPU% +VIRT +RES▼ +SHR "
tui_screen | grep -A1 "RES▼" | tail -1 | grep -qF " 112 " || fail "M: the largest RES (pid 112, 101M) is not first"
pass
fi

if step settings "settings kept between runs"; then
rm -rf "$TUI_CONFIG"; TUI_CONFIG=$(mktemp -d) # from no settings, whatever ran before
TUI_KEEP_CONFIG=1
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys t '}'                     # flat; the tree takes up to 60% of the rows
check tui_wait "the tree takes up to 60% of the rows"
tui_keys a '<' ']'                 # processes sorted by VIRT, every 2 s
check tui_wait "VIRT▼"
tui_keys q
check tui_exit
cfg="$TUI_CONFIG/headroom/config"
for want in "sort = virt" "tree = 0" "interval = 2" "split = 60"; do
  grep -qxF "$want" "$cfg" || { cat "$cfg"; fail "the settings file lacks '$want'"; }
done
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "/hr-fixture/child"  # flat again: whole paths
check tui_wait "every 2s"
tui_keys a
check tui_wait "VIRT▼"
tui_keys q
check tui_exit
# -d is for this run: shown, not saved (the file keeps its 2 s)
tui_start 120 40 "$HR" --root "$FX" -d 0.05
check tui_wait "every 0.05s"
tui_keys q
check tui_exit
grep -qxF "interval = 2" "$cfg" || { cat "$cfg"; fail "-d 0.05 was saved over the file's interval"; }
# ... unless changed on screen: then what the keys made is saved
tui_start 120 40 "$HR" --root "$FX" -d 0.05
check tui_wait "every 0.05s"
tui_keys ']'
check tui_wait "refresh every 0.1s"
tui_keys q
check tui_exit
grep -qxF "interval = 0.1" "$cfg" || { cat "$cfg"; fail "an interval changed on screen was not saved"; }
echo "colour = pink" >> "$cfg"
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "config line 12: 'colour' wants a known key; skipped (the file is kept as it is)"
tui_keys t q
check tui_exit
grep -qxF "colour = pink" "$cfg" || fail "a settings file with a line headroom cannot read was overwritten"
grep -qxF "tree = 0" "$cfg" || fail "a settings file with a line headroom cannot read was overwritten"
# a value headroom cannot use is kept as written, too
printf 'sort = nosuch\ntree = 0\n' > "$cfg"
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "config: no column 'nosuch' to sort by; sorting by res (the file is kept as it is)"
tui_keys t q
check tui_exit
grep -qxF "sort = nosuch" "$cfg" || { cat "$cfg"; fail "a sort value headroom cannot use was rewritten"; }
unset TUI_KEEP_CONFIG
pass
fi

if step unlimited "no limit: the bar, %LIM and trend against RAM, and said"; then
# hr-swap without its limit (a copy of the capture): 66949120 of MemTotal
# 492847104 = 13.58% -> "13.6r"; its bar of 18 cells: anon 66695168 -> 2.44
# -> 2 '#'; + swap 34095104 -> 3.68 -> 4 (two '~'); "RAM" at the end; its
# trend from 0 to its highest, 64M, said after it
fx_copy && echo max > "$tmp/sys/fs/cgroup/hr-swap/memory.max"
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait_re "^└──hr-swap +64M +unlimited +13\.6r ##~~           RAM +[^ ]+ +64M +0 +0 +1 *\$"
# on a machine of 48G (MemTotal in the copy: 50331648 kB) the same is 0.13%
# of RAM, a twentieth of a cell: its largest part, anon, still gets one
sed -i 's/^MemTotal: .*/MemTotal:       50331648 kB/' "$tmp/proc/meminfo"
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait_re "^└──hr-swap +64M +unlimited +0\.1r #     .* RAM "
rm -rf "$tmp"; tmp=
pass
fi

if step overcommit "Cmt past MemTotal and CommitLimit: coloured past each"; then
# Committed_AS 600000 kB in a copy of the capture: past MemTotal 481296 and
# CommitLimit 502788. The bar (70 cells, the text "586M of 491M (heuristic)
# OVERCOMMITTED" takes the rest) spans Committed_AS: blue to MemTotal (cell
# 56.15 -> 56), yellow on to CommitLimit (58.66 -> 59), red past both; the
# marks on cells 56 (MemTotal, white) and 58 (CommitLimit, red)
fx_copy && sed -i 's/^Committed_AS: .*/Committed_AS:     600000 kB/' "$tmp/proc/meminfo"
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait_line "Cmt  $(rep + 56)|+|$(rep + 11)    586M of 491M   (heuristic) OVERCOMMITTED"
got=$(tui_colours 3 | cut -c6-75)
want="$(rep b 56)wyr$(rep r 11)"
[ "$got" = "$want" ] || { printf '%s\n%s\n' "$got" "$want"; fail "the Cmt bar's colours past MemTotal and CommitLimit"; }
rm -rf "$tmp"; tmp=
pass
fi

if step swap "Swap: what is also in RAM apart, the figures coloured as it fills"; then
# a copy of the capture with SwapFree 10000 kB (252140 of 262140 used, 96%:
# past critical_percent 95) and SwapCached 8000 kB: the bar (84 cells; the
# text "246M of 256M   cached 7.8M" the rest) red '~' to 244140 (78.2 ->
# 78), yellow '=' on to 252140 (80.8 -> 81); the figures red
fx_copy && sed -i 's/^SwapCached: .*/SwapCached:        8000 kB/; s/^SwapFree: .*/SwapFree:     10000 kB/' "$tmp/proc/meminfo"
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait_line "Swap $(rep '~' 78)===       246M of 256M   cached 7.8M"
got=$(tui_colours 2 | cut -c6-120)
want="$(rep r 78)$(rep y 3)       $(rep r 4) $(rep r 2) $(rep r 4)   $(rep r 6) $(rep r 4)"
[ "$got" = "$want" ] || { printf '%s\n%s\n' "$got" "$want"; fail "the Swap bar's and figures' colours"; }
tui_stop
sed -i 's/^SwapFree: .*/SwapFree:     131070 kB/' "$tmp/proc/meminfo"   # half: white
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait "128M of 256M   cached 7.8M"
got=$(tui_colours 2 | cut -c93-120)
[ "$got" = " $(rep - 4) $(rep - 2) $(rep - 4)   $(rep - 6) $(rep - 4)" ] || { echo "$got"; fail "a half-full swap's figures coloured"; }
rm -rf "$tmp"; tmp=
pass
fi

if step meminfo "no meminfo: N/A, never 0"; then
# /proc/meminfo gone from a copy of the capture: every figure that needs it
# is N/A, the meters draw no bar, and nothing reads "0 of N/A"
fx_copy && rm "$tmp/proc/meminfo"
tui_start 120 40 "$HR" --root "$tmp"
check tui_wait "hr-swap"
check tui_wait_line "Mem                                                                                             N/A of N/A    avail N/A"
check tui_wait_line "Swap$(rep ' ' 91)N/A of N/A    cached N/A"
check tui_wait_line "Cmt                                                                                           N/A of N/A    (heuristic)"
# no MemTotal: the bars of cgroups without a limit have nothing to be drawn
# against, and their %LIM is N/A
check tui_wait_row "-/" "-/                        N/A unlimited   N/A                    <trend>  N/A    N/A    51"
"$HR" --root "$tmp" -b -n 1 > "$tmp/batch" 2>&1
grep -qxF "Commit:  N/A committed, limit N/A, N/A of MemTotal; overcommit_memory 0, ratio 50" "$tmp/batch" ||
  { cat "$tmp/batch"; fail "batch output's Commit line with no meminfo"; }
rm -rf "$tmp"; tmp=
pass
fi

if step count "-n: the dashboard ends after N samples"; then
tui_start 120 40 "$HR" --root "$FX" -n 3 -d 0.2
check tui_wait "hr-swap"
check tui_exit 5
[ "$(tui_status)" = 0 ] || fail "exit status $(tui_status) after -n 3"
pass
fi

if step dumb "a terminal that cannot draw: samples instead, and why"; then
tmp=$(mktemp -d); err=$tmp/err
tui_start 200 60 sh -c 'TERM=dumb "$0" --root "$1" -n 1 -c /hr-fixture/child 2> "$2"' "$HR" "$FX" "$err"
check tui_exit
[ "$(tui_status)" = 0 ] || fail "exit status $(tui_status) with TERM=dumb"
grep -qxF "headroom: the terminal (TERM=dumb) cannot move its cursor: printing samples instead of the dashboard (as -b)" "$err" ||
  fail "TERM=dumb: no word why, stderr: $(cat "$err")"
# (the pane's history too: tmux may have scrolled the first line there)
tm capture-pane -p -S - -t t | grep -qF "sample 1 - memory cgroup v2" ||
  { tui_screen; fail "TERM=dumb: no batch sample on the terminal"; }
rm -rf "$tmp"; tmp=
pass
fi

if step small "small terminals and resize"; then
tui_start 80 24 "$HR" --root "$FX"
check tui_wait "hr-swap"
# USAGE, LIMIT and %LIM of each row: the effective limit, '^' where an
# ancestor sets it
for want in "hr-fixture 150M 200M 74.8" "child 150M 200M^ 74.8" "idle 0 200M^ 0.0" "hr-swap 64M 64M 99.8"; do
  got=$(tui_screen | awk -v n="${want%% *}" '{ sub(/^[^a-z]*/, "") } $1 == n { print $1, $2, $3, $4; exit }')
  [ "$got" = "$want" ] || { tui_screen; fail "80x24: the row reads '$got', not '$want'"; }
done
# the diagnosis is kept at 80 columns, the usage trend is not: the child's
# row says its limit is its parent's
tui_screen | grep -q "USAGE TREND" && fail "80x24 keeps the usage trend"
tui_screen | grep -qE "^CGROUP .* DIAGNOSIS *\$" || { tui_screen; fail "80x24 drops the DIAGNOSIS column"; }
tui_screen | grep -qE "child .* limit\^ *\$" || { tui_screen; fail "80x24: the child's row does not say limit^"; }
# the footer keeps help and quit, dropping the least needed hints first
foot=$(tui_screen | tail -n 1)
[ "$foot" = "F1 Help  Enter Procs  Tab Pane  i Detail  a All  / Search  \\ Filter  q Quit" ] ||
  fail "80x24: the footer reads '$foot'"
tui_keys h                        # 32 lines of help in 22 rows: it scrolls
check tui_wait "lines 1-21 of 32: Up Down PgUp PgDn; other keys close"
tui_screen | grep -qF "headroom - live memory" || fail "80x24 cuts the help's first line"
tui_keys PgDn
check tui_wait "Any key closes this help"
check tui_wait "lines 12-32 of 32"
tui_keys x
check tui_gone "lines 12-32 of 32"
tm resize-window -t t -x 40 -y 10
check tui_gone "USAGE TREND"
tui_keys h                        # 8 rows: each line seen by scrolling
check tui_wait "lines 1-7 of 32"
tui_keys Down Down PgDn PgDn PgDn
check tui_wait "lines 21-27 of 32"
tui_keys k
check tui_wait "lines 20-26 of 32"
tui_keys x
check tui_gone "USAGE TREND"
check tui_wait "CGROUP"
tui_screen | grep -q "hr-fixture" || fail "40x10 lacks the cgroup names"
tui_keys Down i                   # every screen at 40x10
check tui_wait "Cgroup /hr-fixture"
tui_keys Escape a Enter
check tui_wait "Process 112"
tui_keys Escape Escape h
sleep 0.3
tui_keys x
check tui_wait "CGROUP"
tm resize-window -t t -x 20 -y 5
sleep 0.5
tm resize-window -t t -x 120 -y 40
check tui_wait "USAGE TREND"
tui_dead && fail "exited while resizing"
pass
fi

if step quit "quit restores the terminal"; then
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
[ "$(tui_alt)" = 1 ] || fail "not on the alternate screen while running"
tui_keys q
check tui_exit
[ "$(tui_status)" = 0 ] || fail "exit status $(tui_status) after q"
[ "$(tui_alt)" = 0 ] || fail "alternate screen still on after q"
pass
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
kill -TERM "$(tui_pid)"
check tui_exit
[ "$(tui_status)" = 0 ] || fail "exit status $(tui_status) after SIGTERM"
[ "$(tui_alt)" = 0 ] || fail "alternate screen still on after SIGTERM"
result PASS "tui/sigterm restores the terminal ($O)"
tui_stop
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
tui_keys C-c
check tui_exit
[ "$(tui_status)" = 0 ] || fail "exit status $(tui_status) after Ctrl-C"
[ "$(tui_alt)" = 0 ] || fail "alternate screen still on after Ctrl-C"
result PASS "tui/ctrl-c restores the terminal ($O)"
tui_stop
tui_start 120 40 "$HR" --root "$FX"
check tui_wait "hr-swap"
kill -SEGV "$(tui_pid)"
check tui_exit
[ "$(tui_status)" = 139 ] || fail "a crash should still end by SIGSEGV (139), not $(tui_status)"
[ "$(tui_alt)" = 0 ] || fail "alternate screen still on after a crash"
result PASS "tui/a crash restores the terminal ($O)"
tui_stop
fi

if step escape "escape sequences stay inert"; then
fx_copy
evil=$(printf 'zz\033]0;pwned\007\033[2J')
mkdir "$tmp/sys/fs/cgroup/$evil" && : > "$tmp/sys/fs/cgroup/$evil/cgroup.procs"
tui_start 200 40 "$HR" --root "$tmp"  # wide: the whole command line in view
check tui_wait "zz?]0;pwned??[2J"
tui_screen | grep -qF "hr-swap" || fail "the screen was cleared by a cgroup name"
[ "$(tm display -p -t t '#{pane_title}')" != pwned ] || fail "a cgroup name set the terminal title"
# a process whose command line carries the same: in the list and its detail
printf 'hog\033]0;owned\007\033[2J\000100\000' > "$tmp/proc/112/cmdline"
tui_keys a
check tui_wait "hog?]0;owned??[2J 100"
tui_screen | grep -qF "hog 96 8 10 600" || fail "the screen was cleared by a process name"
tui_keys Enter
check tui_wait "Process 112 in /hr-fixture/child: hog?]0;owned??[2J 100"
[ "$(tm display -p -t t '#{pane_title}')" != owned ] || fail "a process name set the terminal title"
pass
fi

if step procdetail "process detail, live"; then
CG=
if cg_find_self && CG=$(cg_make "hr-tui-$$"); then
  (cg_exec "$CG" "$PWD/$O/tests/hog" 24 24 0 600 >/dev/null 2>&1 &) # not our job: no "Terminated"
  tui_start 160 40 "$HR" --cgroup "$CG"
  check tui_wait "$(basename "$CG")"
  tui_keys Enter
  check tui_wait "hog 24 24 0 600"  # its directory left out when the column is narrow
  tui_keys Enter
  check tui_wait "anonymous mmap"
  check tui_wait "Mappings, largest RSS first"
  # the 24 MiB the hog touched: one anonymous mapping, first by RSS
  # the 24 MiB the hog touched: an anonymous mapping with 24M resident
  # (smaps is re-read each second, so the hog may still be touching it)
  check tui_wait_re '^\[anonymous\] +[0-9.]+[MGT] +2[45]M' 3
  check tui_wait_re '^ statm: size [0-9.]+[MGT]  resident [23][0-9]M' 3
  tui_screen | grep -A1 "Mappings, largest" | tail -n 1 | grep -q '^\[anonymous\]' || fail "largest RSS not first"
  tui_keys i
  check tui_wait "Cgroup $CG (memory cgroup"
  tui_keys Escape
  check tui_wait "Mappings, largest RSS first"
  kill "$(cat "$CG_MOUNT$CG/cgroup.procs")"
  check tui_wait "(exited; last reading)" 5
  tui_keys Escape
  check tui_wait "Processes in $CG: 0"
  pass
  cg_remove "$CG" && CG=
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step oom "an OOM kill between two samples, told at once"; then
# A 32M cgroup; in it a hog holding 24M with oom_score_adj 1000, whose
# detail is open when a second hog (16M) takes the cgroup past its limit:
# the kernel kills the first (and, when the first's memory is not yet
# uncharged as the second retries, the second too). At -d 10, everything below must show before
# the second sample: the detail turns OOM-KILLED and keeps the victim's
# cgroup and command, the process list keeps its row, the overview's pane
# tells the kill and its cgroup row flashes for 3 s, then stops, and the
# events screen lists it.
if cg_find_self && CG=$(cg_make "hr-tui-oom-$$"); then
  cg_limit "$CG" 33554432
  hog="$PWD/$O/tests/hog"
  (cg_exec "$CG" choom -n 1000 -- "$hog" 24 24 0 600 >/dev/null 2>&1 &)
  tui_until 5 grep -q . "$CG_MOUNT$CG/cgroup.procs" || fail "the first hog did not start"
  victim=$(cat "$CG_MOUNT$CG/cgroup.procs")
  tui_start 220 40 "$HR" -d 10 --cgroup "$CG"
  check tui_wait "every 10s"
  tui_keys Enter
  check tui_wait "$hog 24 24 0 600"
  # at 75% of its limit: ranked as the kernel would, the adj 1000 hog is next
  check tui_wait "[next OOM] $hog 24 24 0 600"
  tui_keys Enter
  check tui_wait "Process $victim in $CG: $hog 24 24 0 600"
  (cg_exec "$CG" "$hog" 16 16 0 600 >/dev/null 2>&1 &)
  check tui_wait_re "^ Process $victim \(OOM-KILLED [0-9]s ago; last reading\) in $CG: $hog 24 24 0 600 *\$" 3
  check tui_wait_re "^ at its death \(kernel log\): total-vm [0-9.]+[MGT]  anon-rss 2[4-9]M  file-rss [0-9.]+[KM]  shmem-rss 0  pgtables [0-9.]+K  oom_score_adj 1000 *\$"
  tui_keys Escape
  # its row first, with headroom's last reading (RES: the 24M and the
  # program; the ASan build's hog maps terabytes, touches more), OOMSC N/A
  # (the kill woke a sample: the second hog may be listed already)
  check tui_wait_re "^ Processes in $CG: [01] and [12] OOM-killed"
  # (its program without the directory: the row says OOM-KILLED and its age first)
  # (state X, dead; no CPU%)
  check tui_wait_re "^ *$victim +root +X +N/A +[0-9.]+[MGT] +[23][0-9]M +[0-9.]+[KM] +[0-9.]+[KM]? +N/A +N/A +N/A +1000 [#.]+ ([^ ]+ +)?OOM-KILLED [0-9]s ago: hog 24 24( 0( 600)?)? *\$"
  tui_keys Escape
  line="OOM kill: hog \\(pid $victim\\) in $CG; anon 2[4-9]M file [0-9.]+[KM] shmem 0; oom_score_adj 1000; limit 32M of that cgroup, usage 3[12][0-9.]*M"
  check tui_wait_re "^ +[0-9]s  $line *\$"
  check tui_wait_re "hr-tui-oom-$$ .* OOM-killed( \+[0-9])? *\$"   # the row says it too
  row=$(tui_screen | grep -n "^ *[^ ]*hr-tui-oom-$$ " | cut -d: -f1)
  [ -n "$row" ] || fail "no row for the cgroup"
  # the row's name in the kill's white on red, then its own colour again
  # (its headroom's: yellow past 75%), while the sample the kill woke is
  # still the one shown: the flash ended without waiting for a sample
  tui_colours "$row" | grep -q '^ *w' || fail "the cgroup's row does not flash: $(tui_colours "$row")"
  woke=$(tui_screen | grep -oE 'every 10s +[0-9:]+')
  flash_off() { tui_colours "$row" | grep -q '^ *[^w ]'; }
  check tui_until 5 flash_off
  tui_shows -F "$woke" || fail "the flash ended only with the next sample"
  tui_keys e
  # the view's one cgroup woken by its counters (v1: an eventfd), the
  # system's PSI trigger (the unified tree here has no such cgroup)
  check tui_wait_re "^ Events since headroom started: [0-9]+ \(OOM kills [12]; victims named by the kernel log; 1 cgroups and 1 PSI triggers watched\)"
  check tui_wait_re "^[0-9:]{8} +[0-9]s $line *\$"
  tui_keys q
  check tui_exit
  pass
  cg_remove "$CG" && CG=
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step run "headroom run, live"; then
if cg_find_self && CG=$(cg_make "hr-tui-run-$$"); then
  [ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$CG/cgroup.subtree_control"
  tui_start 120 40 "$HR" run --parent "$CG" --name demo --limit 50M -d 0.2 -- \
    "$HR" eat --anon 100M --step 5M --every 0.2
  check tui_wait "COMMAND: eat: anon touched"        # its output, a line at a time
  # the lab cgroup and, under it, its processes: the command, live
  check tui_wait " Processes in $CG/demo: 1"
  check tui_wait_re "^ +[0-9]+ root .* headroom eat --anon 1"  # its program's directory left out
  check tui_wait_re 'demo +[0-9.]+M +50M +[0-9.]+ .* limit in [0-9]s( \+[0-9])? *$' 5  # the approach, predicted
  check tui_wait_re 'demo +[0-9.]+M +50M +[5-9][0-9]\.[0-9]' 5   # the approach: past half the limit
  check tui_wait_re "^COMMAND OOM-killed: headroom \\(pid [0-9]+\\), anon (49|50)M at its death; exit status 137; q ends the run and removes its cgroup *\$" 10
  # (the kill is told as it happens, the count comes with the next sample)
  # and said: the row's diagnosis
  tui_wait_re 'demo .* 1 +[0-9]+ +0 OOM-killed( \+[0-9])? *$' 2 || fail "the OOM kill is not counted and said on the cgroup's row"
  # and its victim keeps a row under it
  check tui_wait_re "^ +[0-9]+ root +X .* OOM-KILLED [0-9]+s ago: head"
  tui_keys q
  check tui_exit
  [ "$(tui_status)" = 137 ] || fail "headroom run exited $(tui_status), not COMMAND's 137"
  [ ! -d "$CG_MOUNT$CG/demo" ] || fail "the run's cgroup was left behind"
  pass
  cg_remove "$CG" && CG=
else
  result SKIP "$name: cannot create a cgroup below our own"
fi
fi

if step live "live on this machine"; then
tui_start 120 40 "$HR"
check tui_wait "LIVE"
# the root has no limit here: its bar and %LIM are against RAM, and say so
# (on v1 its usage leaves kernel memory out, and it says that too)
check tui_wait_re "^.?/( \(excl\. kernel\))? +[0-9.]+[KMGT]? +unlimited +[0-9.]+r .* RAM "
if cg_find_self && [ "$CG_VERSION" = 1 ]; then check tui_wait "/ (excl. kernel)"; fi
if cg_find_self; then
  check tui_wait "$(basename "$CG_SELF" | cut -c1-12)" 3
else
  result SKIP "$name: this machine has no memory cgroup of ours to look for"
fi
tui_keys p
check tui_wait "PAUSED"
tui_keys ']'
check tui_wait "refresh every 2s"
tui_keys q
check tui_exit
pass
fi
