#!/bin/sh
# headroom run's edges on this machine's kernel: a setting the version
# lacks, eat's options that would do nothing, a command that cannot run, no
# privilege, SIGTERM mid-run, and its output closed mid-run; each
# must say what is wrong and leave no cgroup and no process behind.
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
. tests/kernel/lib.sh
cg_test_begin "kernel/run edges ($O)" headroom-test-run
HR="$PWD/$O/headroom"
out=$(mktemp)
trap 'cg_remove "$CG/r"; cg_remove "$CG"; rm -f "$out"' EXIT
trap 'exit 1' INT TERM HUP PIPE  # exit runs the EXIT trap
[ "$CG_VERSION" = 1 ] || echo +memory > "$CG_MOUNT$CG/cgroup.subtree_control"
left() { [ ! -d "$CG_MOUNT$CG/r" ] || fail "$1: cgroup $CG/r left behind"; }

# a setting this version lacks
if [ "$CG_VERSION" = 1 ]; then bad=--high; else bad=--oom-kill-disable; fi
arg=; [ "$bad" = --high ] && arg=10M
"$HR" run --parent "$CG" --name r -b $bad $arg -- true > "$out" 2>&1; rc=$?
[ "$rc" = 1 ] && grep -qF -- "$bad: cgroup v$CG_VERSION has no such setting" "$out" || fail "$bad on v$CG_VERSION: rc $rc: $(cat "$out")"
left "$bad"

# eat's options that would do nothing are refused (--every without --step,
# --step without --anon); a --file on tmpfs is said to be shmem, as the
# kernel charges it
timeout 10 "$HR" eat --anon 4M --every 0.5 > "$out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -qF "headroom eat: --every needs --step" "$out" || fail "eat --every alone: rc $rc: $(cat "$out")"
timeout 10 "$HR" eat --shm 4M --step 1M --hold 0 > "$out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -qF "headroom eat: --step and --every grow --anon only" "$out" || fail "eat --step without --anon: rc $rc: $(cat "$out")"
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
  timeout 10 "$HR" eat --file 1M --path /dev/shm --hold 0 > "$out" 2>&1; rc=$?
  [ "$rc" = 0 ] && grep -qF "eat: shmem (a file on tmpfs" "$out" || fail "eat --file on tmpfs: rc $rc: $(cat "$out")"
fi

# a command that cannot run: 127, and why
"$HR" run --parent "$CG" --name r -b -- /nonexistent/cmd > "$out" 2>&1; rc=$?
[ "$rc" = 127 ] && grep -q "cannot run /nonexistent/cmd: No such file or directory" "$out" || fail "missing command: rc $rc: $(cat "$out")"
left "missing command"

# no privilege to make a cgroup: a clear message, nothing made
command -v setpriv > /dev/null || fail "setpriv (util-linux) is missing: the unprivileged case cannot run"
setpriv --reuid=65534 --regid=65534 --clear-groups "$HR" run --parent "$CG" --name r -b -- true > "$out" 2>&1; rc=$?
[ "$rc" = 1 ] && grep -q "cannot make cgroup $CG/r: Permission denied (needs root, or a cgroup delegated to this user)" "$out" ||
  fail "unprivileged: rc $rc: $(cat "$out")"
left "unprivileged"

# SIGTERM mid-run: what runs in the cgroup is ended, the cgroup removed,
# the summary printed
"$HR" run --parent "$CG" --name r -b -d 0.1 -- sleep 60 > "$out" 2>&1 &
hr=$!
i=0; until [ -d "$CG_MOUNT$CG/r" ] && [ -n "$(cat "$CG_MOUNT$CG/r/cgroup.procs" 2>/dev/null)" ]; do
  i=$((i + 1)); [ $i -lt 50 ] || fail "the run never started"; sleep 0.1; done
sleeper=$(cat "$CG_MOUNT$CG/r/cgroup.procs")
sleep 0.3
kill -TERM "$hr"
wait "$hr"; rc=$?
[ "$rc" = 137 ] || fail "after SIGTERM: rc $rc, expected 137 (COMMAND killed): $(cat "$out")"
grep -q "COMMAND killed by signal 9" "$out" || fail "no summary after SIGTERM: $(cat "$out")"
kill -0 "$sleeper" 2>/dev/null && fail "the command outlived the run"
left "SIGTERM"

# its output closed mid-run (| head): the same, not a death by SIGPIPE that
# leaves the cgroup behind
{ "$HR" run --parent "$CG" --name r -b -d 0.1 -- sleep 60 2> "$out"; echo $? > "$out.rc"; } | head -n 3 > /dev/null
i=0; until [ -s "$out.rc" ]; do i=$((i + 1)); [ $i -lt 50 ] || fail "the run never ended"; sleep 0.1; done
rc=$(cat "$out.rc"); rm -f "$out.rc"
[ "$rc" = 137 ] || fail "after its output closed: rc $rc, expected 137 (COMMAND killed): $(cat "$out")"
left "output closed"
result PASS "$name"
