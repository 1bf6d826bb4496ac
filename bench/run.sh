#!/bin/sh
# make bench: build/bench/bench with the issue's sizes (2,000 sleeping
# processes in 200 cgroups, 100 samples), then headroom's dashboard and htop
# side by side for 60 s over the same processes. Extra arguments pass
# through (e.g. -t '10 build/headroom' for a shorter dashboard run).
set -eu
O=${1:?build dir}; shift
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- -t "60 $O/headroom"
echo "command: $O/bench/bench $* (machine: $(nproc) cores, $(uname -r))"
exec "$O/bench/bench" "$@"
