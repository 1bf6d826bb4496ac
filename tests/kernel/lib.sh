# Shared by the real-kernel tests: find this process's memory cgroup, make
# children below it, and remove them (and end what runs in them) afterwards.
# Never writes the starting cgroup's own files and never moves a process out
# of it: the machine's infrastructure owns it.

# cg_mount_of FSTYPE: the first mount point of that type (for cgroup v1,
# the one with the memory controller). mountinfo has a variable number of
# optional fields before "-", then the type, the source and the options.
cg_mount_of() {
  awk -v t="$1" '{ for (i = 7; i < NF; i++) if ($i == "-") break }
    $(i + 1) == t && (t != "cgroup" || $NF ~ /(^|,)memory(,|$)/) { print $5; exit }' /proc/self/mountinfo
}

# Sets CG_VERSION (1|2), CG_MOUNT (hierarchy mount point), CG_SELF (our path
# in it). Returns 1 when no usable memory hierarchy exists.
cg_find_self() {
  v1=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/self/cgroup)
  if [ -n "$v1" ]; then
    CG_VERSION=1
    CG_MOUNT=$(cg_mount_of cgroup)
    CG_SELF=$v1
  else
    CG_VERSION=2
    CG_MOUNT=$(cg_mount_of cgroup2)
    CG_SELF=$(awk -F: '$1 == "0" {print $3}' /proc/self/cgroup)
    grep -qw memory "$CG_MOUNT$CG_SELF/cgroup.subtree_control" 2>/dev/null || return 1
  fi
  [ -n "$CG_MOUNT" ] && [ -d "$CG_MOUNT$CG_SELF" ]
}

# cg_make NAME: create a child below our cgroup; prints its path in the hierarchy.
cg_make() {
  rel="${CG_SELF%/}/$1"
  mkdir "$CG_MOUNT$rel" 2>/dev/null || return 1
  echo "$rel"
}

# cg_limit REL BYTES
cg_limit() {
  if [ "$CG_VERSION" = 1 ]; then
    echo "$2" > "$CG_MOUNT$1/memory.limit_in_bytes"
  else
    echo "$2" > "$CG_MOUNT$1/memory.max"
  fi
}

# cg_remove REL: end the processes we started in it (by pid), then rmdir.
cg_remove() {
  d="$CG_MOUNT$1"
  [ -d "$d" ] || return 0
  for i in 1 2 3 4 5 6 7 8 9 10; do
    pids=$(cat "$d/cgroup.procs" 2>/dev/null)
    [ -z "$pids" ] && break
    kill -9 $pids 2>/dev/null
    sleep 0.1
  done
  for i in 1 2 3 4 5 6 7 8 9 10; do
    rmdir "$d" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "could not remove cgroup $d" >&2
  return 1
}

# cg_exec REL CMD...: run CMD inside the cgroup from its first instruction.
cg_exec() {
  rel=$1; shift
  sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$CG_MOUNT$rel" "$@"
}

# cg_test_begin NAME PREFIX: sets $name and $CG (a new child cgroup named
# PREFIX-PID below ours), or records a SKIP and exits where none can be made.
cg_test_begin() {
  name=$1
  cg_find_self || { result SKIP "$name: no memory cgroup hierarchy we can create children in"; exit 0; }
  CG=$(cg_make "$2-$$") || { result SKIP "$name: cannot create a cgroup below $CG_SELF"; exit 0; }
}

fail() { result FAIL "$name: $*"; exit 1; }

result() { echo "$1 $2" >> build/results.log; echo "$1 $2"; }

# only ID: true unless HR_TEST_ONLY (a comma-separated list of ids) is set
# and lacks ID. make mutants runs the parts a mutant concerns this way;
# make test never sets it.
only() {
  [ -z "${HR_TEST_ONLY:-}" ] && return 0
  case ",$HR_TEST_ONLY," in *",$1,"*) return 0 ;; esac
  return 1
}
