#!/bin/sh
# The dashboards side by side: headroom and htop, each in its own tmux
# session at 120x40 with a 1 s refresh, running at the same time over the
# same processes; the CPU each used (utime + stime from /proc/PID/stat) over
# SECONDS, after a warm-up. Called by bench/bench.c while its processes live.
#   bench/tui.sh SECONDS HEADROOM
set -eu
secs=${1:?seconds}; hr=${2:?headroom binary}
tmp=$(mktemp -d)
sock="headroom-bench-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; sleep 0.5; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE
command -v htop > /dev/null || { echo "(htop is not installed: make deps installs it)"; exit 0; }
# settings of their own, so neither reads nor writes the user's
env="-e HOME=$tmp -e XDG_CONFIG_HOME=$tmp -e LANG=C.UTF-8 -e TERM=xterm-256color"
tm new-session -d -s hr -x 120 -y 40 $env "exec $hr -d 1"
tm new-session -d -s procs -x 120 -y 40 $env "exec $hr -d 1"
tm new-session -d -s htop -x 120 -y 40 $env "exec htop -d 10"
sleep 1
tm send-keys -t procs a # headroom's process list: all processes, sorted by RES
sleep 2 # all up, past their first samples
pid() { tm display -p -t "$1" '#{pane_pid}'; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
p1=$(pid hr) p2=$(pid procs) p3=$(pid htop)
a1=$(ticks "$p1") a2=$(ticks "$p2") a3=$(ticks "$p3")
sleep "$secs"
b1=$(ticks "$p1") b2=$(ticks "$p2") b3=$(ticks "$p3")
hz=$(getconf CLK_TCK)
awk -v secs="$secs" -v hz="$hz" -v o=$((b1 - a1)) -v p=$((b2 - a2)) -v t=$((b3 - a3)) 'BEGIN {
  printf "dashboards at 120x40, 1 s refresh, %d s side by side: CPU (%% of one core)  /htop\n", secs
  printf "  headroom, cgroup overview                  %6.2f s %6.2f%%  %6.2fx\n", o / hz, 100 * o / hz / secs, t ? o / t : 0
  printf "  headroom, all processes (RES order)        %6.2f s %6.2f%%  %6.2fx\n", p / hz, 100 * p / hz / secs, t ? p / t : 0
  printf "  htop                                       %6.2f s %6.2f%%  %6.2fx\n", t / hz, 100 * t / hz / secs, 1
}'
