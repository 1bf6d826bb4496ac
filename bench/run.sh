#!/bin/sh
# make bench: build/bench/bench with the issue's sizes (2,000 sleeping
# processes in 200 cgroups, 100 samples). Extra arguments pass through.
set -eu
O=${1:?build dir}; shift
cd "$(dirname "$0")/.."
echo "command: $O/bench/bench $* (machine: $(nproc) cores, $(uname -r))"
exec "$O/bench/bench" "$@"
