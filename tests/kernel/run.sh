#!/bin/sh
# Every real-kernel test, for one build (build/ or build/asan/).
set -u
O=${1:?build dir}
cd "$(dirname "$0")/../.."
status=0
for t in tests/kernel/test_*.sh; do
  sh "$t" "$O" || status=1
done
exit $status
