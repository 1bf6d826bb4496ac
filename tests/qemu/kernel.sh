#!/bin/sh
# kernel.sh DIR: put Debian's cloud kernel (vmlinuz) and the modules zram
# swap needs into DIR, unless already there. Downloads the package with
# apt-get (no install). Prints the kernel version.
set -eu
DIR=${1:?usage: kernel.sh DIR}
if [ -f "$DIR/vmlinuz" ] && [ -f "$DIR/version" ]; then cat "$DIR/version"; exit 0; fi
pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [ -z "$pkg" ]; then
  apt-get update -q >/dev/null
  pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
fi
[ -n "$pkg" ] || { echo "kernel.sh: no linux-image-cloud-amd64 in the package lists" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -q "$pkg" >/dev/null 2>&1 && dpkg-deb --fsys-tarfile ./*.deb | tar -x ./boot ./lib/modules)
mkdir -p "$DIR/modules"
cp "$tmp"/boot/vmlinuz-* "$DIR/vmlinuz"
for m in mm/zsmalloc.ko drivers/block/zram/zram.ko crypto/lzo.ko crypto/lzo-rle.ko; do
  cp "$tmp"/lib/modules/*/kernel/$m "$DIR/modules/"
done
echo "${pkg#linux-image-}" > "$DIR/version"
cat "$DIR/version"
