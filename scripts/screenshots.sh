#!/bin/sh
# make screenshots: each screen of the dashboard as a PNG under screenshots/,
# from a live experiment on this machine, made below our own memory cgroup
# and removed afterwards:
#   demo/cache       limit 128M: a 200M file written (page cache at the
#                    limit), 40M of anon and 16M of tmpfs (shmem) on top
#   demo/oom         limit 64M: an allocator touching 100M, OOM-killed
#                    while headroom watches (the events pane and screen)
#   demo/overcommit  4G mapped and never touched, 20M touched
# tmux capture-pane -e -> aha -> headless chromium, as in shared/MACHINE.md.
set -eu
O=${1:?build dir}
cd "$(dirname "$0")/.."
. tests/kernel/lib.sh
. tests/tui/lib.sh
OUT=screenshots
HR="$PWD/$O/headroom" HOG="$PWD/$O/tests/hog"
tmp=$(mktemp -d)
mkdir -p "$OUT"
result() { echo "$1 $2"; }
die() { echo "screenshots: $*" >&2; exit 1; }
cleanup() {
  tui_cleanup
  for c in cache oom overcommit; do [ -n "${DEMO:-}" ] && cg_remove "$DEMO/$c"; done
  [ -n "${DEMO:-}" ] && cg_remove "$DEMO"
  rm -rf "$tmp" "/dev/shm/headroom-demo-$$"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

cg_find_self || die "no memory cgroup hierarchy here"
DEMO=$(cg_make "demo") || die "cannot create a cgroup below $CG_SELF"
for c in cache oom overcommit; do cg_make "demo/$c" > /dev/null || die "cannot create demo/$c"; done
cg_limit "$DEMO/cache" $((128 << 20))
cg_limit "$DEMO/oom" $((64 << 20))

shot() { # shot NAME: the screen as it is now, to $OUT/NAME.png
  tm capture-pane -p -e -t t > "$tmp/$1.txt"
  aha --black --title "headroom: $1" -f "$tmp/$1.txt" > "$tmp/$1.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --hide-scrollbars --window-size=960,620 \
    --screenshot="$PWD/$OUT/$1.png" "file://$tmp/$1.html" > /dev/null 2>&1
  [ -s "$OUT/$1.png" ] || die "no $OUT/$1.png"
  echo "screenshots: $OUT/$1.png"
}
need() { tui_wait "$1" "${2:-10}" || { tui_screen; die "the screen never showed '$1'"; }; }

tui_start 120 40 "$HR" -d 0.5
need "LIVE"
sleep 2  # some history before the experiment starts
(cg_exec "$DEMO/cache" sh -c "dd if=/dev/zero of=$tmp/file bs=1M count=200 status=none;
  dd if=/dev/zero of=/dev/shm/headroom-demo-$$ bs=1M count=16 status=none;
  exec $HOG 40 4 100 600" > /dev/null 2>&1 &)
(cg_exec "$DEMO/oom" "$HOG" 100 2 150 600 > /dev/null 2>&1 &)
(cg_exec "$DEMO/overcommit" "$HOG" 20 2 200 600 4096 > /dev/null 2>&1 &)
sleep 8  # the approach, the kill, the cache at its limit
tui_keys Home / o o m Enter
need "oom"
shot overview
tui_keys Home / c a c h e Enter i
need "Cgroup $DEMO/cache"
shot cgroup-detail
tui_keys Escape Home / d e m o Enter Enter
need "Processes in $DEMO"
need "tests/hog"
shot processes
tui_keys / 4 0 9 6 Enter Enter
need "Mappings, largest RSS first"
shot process-detail
tui_keys Escape Escape Escape e
need "Events since headroom started"
need "OOM kill: hog"
shot events
tui_keys Escape h
need "Any key closes this help"
shot help
tui_keys q
