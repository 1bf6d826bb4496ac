#!/bin/sh
# The lab scenarios in a guest: boot Debian's cloud kernel in QEMU (TCG,
# under timeout) with cgroup v2 only (or, VERSION v1, the memory controller
# on cgroup v1), run tests/kernel/test_lab.sh there with this build's
# headroom (and jq, with the libraries ldd names), and record the guest's
# PASS/FAIL lines in build/results.log.
#   tests/qemu/run-lab.sh BUILD-DIR [v2|v1]
set -u
O=${1:?build dir}; V=${2:-v2}
cd "$(dirname "$0")/../.."
Q=build/qemu
mkdir -p $Q
t0=$(date +%s)
record() { echo "$1 $2" >> build/results.log; echo "$1 $2"; }
kver=$(tests/qemu/kernel.sh $Q/kernel) || { record FAIL "qemu/$V lab: no guest kernel (apt-get download failed)"; exit 1; }

# headroom and jq with their shared libraries, at the same paths
files="$O/headroom=/opt/hr/build/headroom tests/kernel/lib.sh=/opt/hr/tests/kernel/lib.sh"
files="$files tests/kernel/test_lab.sh=/opt/hr/tests/kernel/test_lab.sh $(command -v jq)=/bin/jq"
files="$files tests/kernel/test_wake.sh=/opt/hr/tests/kernel/test_wake.sh"
for lib in $( (ldd "$O/headroom"; ldd "$(command -v jq)") | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | sort -u); do
  files="$files $lib=$lib"
done
# shellcheck disable=SC2086 # the list splits on spaces, as meant
tests/qemu/mkinitrd.sh $Q/lab.gz $Q/kernel tests/qemu/lab-guest.sh $files || { record FAIL "qemu/$V lab: initramfs"; exit 1; }
CGROUP=$V tests/qemu/boot.sh $Q/kernel $Q/lab.gz $Q/lab-$V.log 300
res=$(sed -n '/===RESULTS-BEGIN===/,/===RESULTS-END===/p' $Q/lab-$V.log | sed '1d;$d' | tr -d '\r')
took=$(( $(date +%s) - t0 ))
if [ -z "$res" ]; then
  tail -n 30 $Q/lab-$V.log
  record FAIL "qemu/$V lab: the guest (kernel $kver) gave no results (see $Q/lab-$V.log)"
  exit 1
fi
grep -a '^kernel/lab' $Q/lab-$V.log | tr -d '\r'  # what each scenario measured
status=0
echo "$res" | while read -r word rest; do
  record "$word" "$rest [cgroup $V, QEMU guest, kernel $kver]"
done
echo "$res" | grep -q '^FAIL' && status=1
# Every scenario reports, and the script in the guest ended well: a
# scenario that died without a word must not pass by being absent.
want=12 # test_lab.sh's 11 scenarios and test_wake.sh
got=$(echo "$res" | grep -c '^PASS')
if [ "$got" != "$want" ] && ! echo "$res" | grep -q '^FAIL'; then
  record FAIL "qemu/$V lab: $got of $want scenarios passed and none failed: the rest never reported (see $Q/lab-$V.log)"
  status=1
fi
lab_rc=$(sed -n 's/^===LAB-EXIT \([0-9]*\)===.*/\1/p' $Q/lab-$V.log | tr -d '\r')
if [ "$lab_rc" != 0 ] && ! echo "$res" | grep -q '^FAIL'; then
  record FAIL "qemu/$V lab: tests/kernel/test_lab.sh exited '${lab_rc:-?}' in the guest with no scenario failed"
  status=1
fi
echo "qemu/$V lab: guest booted, ran and powered off in ${took}s"
exit $status
