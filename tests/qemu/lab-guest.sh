# Runs in the QEMU guest (busybox sh) for tests/qemu/run-lab.sh: the lab
# scenarios of tests/kernel/test_lab.sh and the wake-ups of test_wake.sh,
# page cache on a real filesystem (zram1), their results between markers
# on the console.
mke2fs -q -b 4096 /dev/zram1 > /dev/null && mount /dev/zram1 /mnt || echo "guest: no filesystem for page cache"
export TMPDIR=/mnt
cd /opt/hr && mkdir -p build && : > build/results.log
sh tests/kernel/test_lab.sh build
rc=$?
sh tests/kernel/test_wake.sh build || rc=1
echo "===RESULTS-BEGIN==="
cat build/results.log
echo "===RESULTS-END==="
echo "===LAB-EXIT $rc==="
