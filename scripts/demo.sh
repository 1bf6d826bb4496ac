#!/bin/sh
# make demo: a scripted live demo for a talk. In tmux, headroom's own lab
# mode runs each experiment while a caption at the bottom says what to look
# at: malloc is not memory (overcommit), page cache is charged and reclaimed
# first, the approach to a limit, and the OOM kill. It attaches to the
# session when run on a terminal (Ctrl-b d leaves it running; it ends by
# itself); elsewhere it runs headless and prints each screen.
#   scripts/demo.sh BUILD-DIR
set -eu
O=${1:?build dir}
cd "$(dirname "$0")/.."
HR="$PWD/$O/headroom"
sock="headroom-demo-$$"
cfg=$(mktemp -d) # the demo's settings: the user's own file is never read or written
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$cfg"' EXIT
trap 'exit 1' INT TERM HUP
tm new-session -d -s demo -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=xterm-256color -e XDG_CONFIG_HOME="$cfg" "sleep 600"
tm set-option -t demo status-style "bg=blue,fg=white" \; set-option -t demo status-left-length 118 \
  \; set-option -t demo status-right "" \; set-option -t demo remain-on-exit on
caption() { tm set-option -t demo status-left " $1"; }
headless=1
[ -t 0 ] && [ -t 1 ] && headless=0
show() { # show SECONDS: let it run; headless, print the screen at the end
  sleep "$1"
  [ $headless = 0 ] || { tm capture-pane -p -t demo; echo "--- $(tm show-options -v -t demo status-left)"; }
}
# step CAPTION RUN-ARGS...: a new window running headroom run with them
step() {
  caption "$1"; shift
  tm respawn-pane -k -t demo -e XDG_CONFIG_HOME="$cfg" "$HR run -d 0.3 $*"
}

if [ $headless = 0 ]; then
  (sleep 1; tm attach -t demo) &
  attach=$!
fi
step "1/4 malloc is not memory: 2G reserved, never touched. Press a: VIRT 2G, RES tiny; usage stays flat." \
  --name overcommit --limit 64M -- "$HR" eat --anon 2G --no-touch --hold 600
show 4; tm send-keys -t demo a; show 6; tm send-keys -t demo q
step "2/4 page cache counts: a 200M file fills the 100M limit (=/- in the bar), yet anon still fits: cache is reclaimed." \
  --name cache --limit 100M -- "$HR" eat --file 200M --anon 60M --step 6M --every 0.5 --hold 600
show 10; tm send-keys -t demo q
step "3/4 the approach to the limit: 5M every 0.2 s into 50M. Watch %LIM, the bar and the trend climb..." \
  --name oom --limit 50M --swap 0 -- "$HR" eat --anon 100M --step 5M --every 0.2
show 2
caption "4/4 ...and the OOM killer: SIGKILL (137), the OOM column turns red. i shows memory.events / oom_control."
show 3; tm send-keys -t demo i; show 4; tm send-keys -t demo q
caption "That was headroom. Every cgroup it made is gone."
show 2
[ $headless = 1 ] || { tm detach-client -s demo 2>/dev/null || true; wait "$attach" 2>/dev/null || true; }
