#!/bin/sh
# make screenshots: the dashboard's screens as PNGs under screenshots/, and
# one experiment as an animated GIF, from a live demo host made on this
# machine below our own memory cgroup (removed afterwards):
#   demo/system.slice   journald, sshd, cron services: a few MiB each
#   demo/user.slice     a login session with a shell-sized process
#   demo/machine.slice  a dozen containers with limits: web-1..web-6 (256M,
#                       anon and page cache), db (512M, a 200M file read),
#                       redis (128M), worker-1, worker-2 (each with 13G
#                       malloc'd and never touched: Committed_AS past
#                       CommitLimit and MemTotal, VIRT without RES)
#   demo/cache          limit 128M: a 200M file (page cache at the limit),
#                       40M of anon and 16M of tmpfs (shmem) on top
#   demo/oom            limit 64M: an allocator growing 4M every 0.25 s to
#                       100M, climbing through yellow and red to its OOM
#                       kill (the animation: screenshots/oom.gif)
# tmux capture-pane -e -> aha -> headless chromium, as in shared/MACHINE.md;
# ImageMagick joins the animation's frames.
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
CGS="system.slice/journald.service system.slice/sshd.service system.slice/cron.service
user.slice/user-1000.slice/session-1.scope
machine.slice/web-1 machine.slice/web-2 machine.slice/web-3 machine.slice/web-4 machine.slice/web-5
machine.slice/web-6 machine.slice/db machine.slice/redis machine.slice/worker-1 machine.slice/worker-2
cache oom"
cleanup() {
  tui_cleanup
  if [ -n "${DEMO:-}" ]; then # deepest first: a cgroup goes after its children
    for c in $(echo $CGS | tr ' ' '\n' | sort -r) machine.slice user.slice/user-1000.slice user.slice system.slice; do
      cg_remove "$DEMO/$c"
    done
    cg_remove "$DEMO"
  fi
  rm -rf "$tmp" "/dev/shm/headroom-demo-$$"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

cg_find_self || die "no memory cgroup hierarchy here"
DEMO=$(cg_make "demo") || die "cannot create a cgroup below $CG_SELF"
[ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$DEMO/cgroup.subtree_control"
for c in system.slice user.slice user.slice/user-1000.slice machine.slice $CGS; do
  cg_make "demo/$c" > /dev/null || die "cannot create demo/$c"
done
if [ "$CG_VERSION" = 2 ]; then # the memory controller down to the leaves
  for c in system.slice user.slice user.slice/user-1000.slice machine.slice; do
    echo +memory > "$CG_MOUNT$DEMO/$c/cgroup.subtree_control"
  done
fi
for i in 1 2 3 4 5 6; do cg_limit "$DEMO/machine.slice/web-$i" $((256 << 20)); done
cg_limit "$DEMO/machine.slice/db" $((512 << 20))
cg_limit "$DEMO/machine.slice/redis" $((128 << 20))
cg_limit "$DEMO/cache" $((128 << 20))
cg_limit "$DEMO/oom" $((64 << 20))

# run CGROUP EAT-ARGS...: headroom eat in a cgroup of the demo, in the background
run() { c=$1; shift; (cg_exec "$DEMO/$c" "$HR" eat "$@" > /dev/null 2>&1 &); }
run system.slice/journald.service --anon 12M --file 24M --path "$tmp"
run system.slice/sshd.service --anon 4M
run system.slice/cron.service --anon 2M
run user.slice/user-1000.slice/session-1.scope --anon 6M
for i in 1 2 3 4 5 6; do run "machine.slice/web-$i" --anon $((20 + 12 * i))M --file $((8 * i))M --path "$tmp"; done
run machine.slice/db --anon 120M --file 200M --path "$tmp"
run machine.slice/redis --anon 90M
run machine.slice/worker-1 --anon 13G --no-touch
run machine.slice/worker-2 --anon 13G --no-touch
(cg_exec "$DEMO/cache" sh -c "dd if=/dev/zero of=$tmp/file bs=1M count=200 status=none;
  dd if=/dev/zero of=/dev/shm/headroom-demo-$$ bs=1M count=16 status=none;
  exec $HOG 40 4 100 600" > /dev/null 2>&1 &)

render() { # render NAME: $tmp/NAME.txt (capture-pane -e) to $tmp/NAME.png
  aha --black --title "headroom: $1" -f "$tmp/$1.txt" > "$tmp/$1.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --hide-scrollbars --window-size=960,620 \
    --screenshot="$tmp/$1.png" "file://$tmp/$1.html" > /dev/null 2>&1
  [ -s "$tmp/$1.png" ] || die "no $tmp/$1.png"
}
shot() { # shot NAME: the screen as it is now, to $OUT/NAME.png
  tm capture-pane -p -e -t t > "$tmp/$1.txt"
  render "$1"
  cp "$tmp/$1.png" "$OUT/$1.png"
  echo "screenshots: $OUT/$1.png"
}
need() { tui_wait "$1" "${2:-10}" || { tui_screen; die "the screen never showed '$1'"; }; }

tui_start 120 40 "$HR" --cgroup "$DEMO" -d 0.5
need "LIVE"
need "worker-2"
sleep 6 # the services and containers settle, the trends fill
tui_keys '}' '}' / d b Enter        # the tree up to 70% of the rows: all of it
need "Processes in $DEMO/machine.slice/db"
shot overview
# the animation: the allocator in demo/oom from its start to its kill
tui_keys / o o m Enter
need "Processes in $DEMO/oom"
(cg_exec "$DEMO/oom" "$HR" eat --anon 100M --step 4M --every 0.25 > /dev/null 2>&1 &)
i=0
while [ $i -lt 28 ]; do
  tm capture-pane -p -e -t t > "$tmp/frame-$(printf %02d $i).txt"
  i=$((i + 1)); sleep 0.35
done
need "OOM-KILLED"
shot oom
for f in "$tmp"/frame-*.txt; do render "$(basename "$f" .txt)"; done
convert -delay 35 -loop 0 "$tmp"/frame-*.png -layers Optimize "$OUT/oom.gif"
echo "screenshots: $OUT/oom.gif"
tui_keys / c a c h e Enter i
need "Cgroup $DEMO/cache"
shot cgroup-detail
tui_keys Escape a F6 Up Enter       # every process, by VIRT (F6's menu)
need "VIRT▼"
need "headroom eat --anon 13G"
sleep 1.5 # a second sample: CPU% and PSS for the rows now on screen
shot processes
tui_keys / 1 3 G Enter Enter
need "Mappings, largest RSS first"
shot process-detail
tui_keys Escape Escape Escape e
need "Events since headroom started"
need "OOM kill:"
shot events
tui_keys Escape h
need "Any key closes this help"
shot help
tui_keys q
