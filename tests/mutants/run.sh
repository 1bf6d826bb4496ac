#!/bin/sh
# make mutants: each tests/mutants/*.patch is one plausible bug. Applied one
# at a time to a scratch copy of the tree (build/mutants/src), it must build
# and then make the tests its "Test:" line names fail: that mutant is
# caught. First the same tests run on the unmutated copy and must pass, so
# that a failure is the mutant's doing.
#   tests/mutants/run.sh [PATCH...]   (default: every patch)
# A patch starts with two lines, then a diff (git diff) against the tree:
#   Mutant: what the bug is
#   Test: unit NAME... | tui STEP-ID,... | kernel NAME [PART-ID,...] | layout | docs
#         | qemu v2|v1 (the guest's lab and wake tests: what only that
#           kernel shows)
# tests/mutants/make.sh writes one (and writes a stale one again after a move).
set -u
cd "$(dirname "$0")/../.."
top=$PWD
S=$top/build/mutants/src
log=build/mutants/report.txt
t0=$(date +%s)
mkdir -p build/mutants
# the tree as it is now (uncommitted changes too), without build products
rm -rf "$S" && mkdir -p "$S"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$S"

# targets TEST...: what the named tests need built
targets() {
  case "$1" in
    unit) shift; for n in "$@"; do printf 'build/tests/test_%s ' "$n"; done ;;
    *) echo "build/headroom build/tests/hog" ;;
  esac
}
# runs TEST...: run them (in $S); non-zero when any fails
runs() {
  kind=$1; shift
  case "$kind" in
    unit) for n in "$@"; do timeout 120 "build/tests/test_$n" || return 1; done ;;
    tui) HR_TEST_ONLY=$1 timeout 300 sh tests/tui/test_tui.sh build ;;
    kernel) HR_TEST_ONLY=${2:-} timeout 300 sh "tests/kernel/test_$1.sh" build ;;
    layout) make -s -j2 build/headroom && sh tests/layout.sh build ;;
    docs) sh tests/docs.sh build ;;
    qemu) mkdir -p build/qemu && { [ ! -d "$top/build/qemu/kernel" ] || ln -sfn "$top/build/qemu/kernel" build/qemu/kernel; } &&
      timeout 600 tests/qemu/run-lab.sh build "$1" ;;
    *) echo "unknown test kind '$kind'" >&2; return 2 ;;
  esac
}
field() { sed -n "s/^$1: //p;/^diff /q" "$2" | head -n 1; }
quiet() { "$@" > "$S/build/mutants.out" 2>&1; }

set -- "${@:-}"
[ -n "$1" ] || set -- tests/mutants/*.patch
: > "$log"
mkdir -p "$S/build"
echo "mutants: checking that the named tests pass without a mutant"
for m in "$@"; do field Test "$m"; done | sort -u | while read -r kind args; do
  # shellcheck disable=SC2046,SC2086 # lists split on spaces, as meant
  (cd "$S" && quiet make -s -j2 $(targets $kind $args) && quiet runs $kind $args) || {
    echo "the tests '$kind $args' fail with no mutant applied:" >&2; tail -n 30 "$S/build/mutants.out" >&2; exit 1; }
done || exit 1

caught=0 missed=0 broken=0 n=0
for m in "$@"; do
  n=$((n + 1)); m0=$(date +%s)
  what=$(field Mutant "$m"); set -- $(field Test "$m"); kind=$1; shift; args="$*"
  if ! (cd "$S" && patch -p1 -s --dry-run < "$top/$m" > /dev/null && patch -p1 -s < "$top/$m"); then
    verdict=STALE; broken=$((broken + 1))
  elif ! (cd "$S" && quiet make -s -j2 $(targets $kind $args)); then
    verdict=NOBUILD; broken=$((broken + 1))
  elif (cd "$S" && quiet runs $kind $args); then
    verdict=MISSED; missed=$((missed + 1))
  else
    verdict=CAUGHT; caught=$((caught + 1))
  fi
  [ "$verdict" = STALE ] || (cd "$S" && patch -p1 -R -s < "$top/$m")
  line=$(printf '%-7s %-44s %3ss  %s' "$verdict" "$(basename "$m" .patch)" $(( $(date +%s) - m0 )) "$what")
  echo "$line" | tee -a "$log"
done
took=$(( $(date +%s) - t0 ))
echo "mutants: $caught of $n caught, $missed missed, $broken stale or not building, in ${took}s (report: $log)" | tee -a "$log"
[ "$caught" = "$n" ]
