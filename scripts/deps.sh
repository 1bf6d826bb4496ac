#!/bin/sh
# Install, with apt-get, exactly the Debian packages headroom's build and tests
# need that are missing on this machine, and say what it installs.
#   scripts/deps.sh build   packages for building headroom
#   scripts/deps.sh test    packages for building and for every test
#   scripts/deps.sh bench   packages for the benchmark
#   scripts/deps.sh capture packages for recreating the QEMU v2 fixture
#   scripts/deps.sh shots   packages for make screenshots
set -eu

BUILD="make gcc pkg-config libc6-dev libncurses-dev libproc2-dev"
TEST="$BUILD clang libcmocka-dev tmux jq procps util-linux patch qemu-system-x86 busybox-static cpio"
BENCH="$BUILD procps tmux htop"
SHOTS="$BUILD tmux aha chromium fonts-dejavu-core imagemagick"
# Recreating the v2 fixture in a QEMU guest (tests/fixtures/make-v2-capture.sh).
CAPTURE="$BUILD qemu-system-x86 busybox-static cpio"

case "${1:-build}" in
  build) want=$BUILD ;;
  test)  want=$TEST ;;
  bench) want=$BENCH ;;
  capture) want=$CAPTURE ;;
  shots) want=$SHOTS ;;
  *) echo "usage: $0 build|test|bench|capture|shots" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
  st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  case "$st" in ii*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

echo "headroom: installing missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "headroom: need root to install them (try: sudo apt-get install$missing)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent on a fresh machine; refresh them once.
if ! apt-get install -y -q --no-install-recommends $missing; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends $missing
fi
