#!/bin/sh
# mkinitrd.sh OUT KERNELDIR SCENARIO [FILE...]: an initramfs holding
# busybox-static, the zram modules of KERNELDIR, tests/qemu/init (which sets
# up cgroup v2 and zram swap, then runs /scenario) and each FILE under /opt;
# a FILE given as SRC=DEST goes to DEST (an absolute path in the guest).
set -eu
OUT=${1:?usage: mkinitrd.sh OUT KERNELDIR SCENARIO [FILE...]}; KDIR=$2; SCEN=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/opt" "$root/lib/modules" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" "$root/mnt"
cp /bin/busybox "$root/bin/busybox"
cp "$KDIR"/modules/*.ko "$root/lib/modules/"
cp "$here/init" "$root/init"
cp "$SCEN" "$root/scenario"
chmod +x "$root/init" "$root/scenario"
for f in "$@"; do
  case $f in
    *=*) mkdir -p "$root$(dirname "${f#*=}")" && cp -L "${f%%=*}" "$root${f#*=}" ;;
    *) cp "$f" "$root/opt/" ;;
  esac
done
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$OUT"
