#!/bin/sh
# boot.sh KERNELDIR INITRD LOG [SECONDS]: boot the guest under TCG (KVM
# cannot boot a stock kernel on these machines), serial console to LOG,
# always under timeout. CGROUP=v1 boots with the memory controller on
# cgroup v1 instead of cgroup v2 only.
set -u
KDIR=${1:?usage: boot.sh KERNELDIR INITRD LOG [SECONDS]}; INITRD=$2; LOG=$3; T=${4:-300}
timeout "$T" qemu-system-x86_64 -accel tcg -m 512M -smp 1 -nographic -no-reboot \
  -kernel "$KDIR/vmlinuz" -initrd "$INITRD" \
  -append "console=ttyS0 $([ "${CGROUP:-v2}" = v1 ] && echo hr_cgroup=v1 || echo cgroup_no_v1=all) quiet panic=-1" < /dev/null > "$LOG" 2>&1
