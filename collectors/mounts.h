/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_MOUNTS_H
#define HEADROOM_MOUNTS_H

#include <stddef.h>

/* Where the memory cgroup hierarchies are, from /proc/self/mountinfo. */
enum cg_layout {
	LAYOUT_NONE,   /* no memory controller mounted */
	LAYOUT_V1,     /* memory on cgroup v1, no cgroup2 mount */
	LAYOUT_V2,     /* unified: memory in the cgroup2 root's cgroup.controllers */
	LAYOUT_HYBRID, /* memory on v1, plus a cgroup2 mount without it */
};

struct cg_mounts {
	enum cg_layout layout;
	int version;	     /* 1 or 2: the hierarchy holding memory; 0 if none */
	char *mem_mount;     /* its mount point, absolute, e.g. /sys/fs/cgroup/memory */
	char *mem_root;	     /* the cgroup path mounted there ("/" unless namespaced) */
	char *unified_mount; /* hybrid only: the cgroup2 mount (memory.pressure) */
};

/* Parse rootfd/proc/self/mountinfo. Returns 0 or an errno; strings are owned
 * by *m and released with mounts_free. */
int mounts_discover(int rootfd, struct cg_mounts *m);
void mounts_free(struct cg_mounts *m);
const char *layout_name(enum cg_layout l);

/* From the text of a /proc/PID/cgroup ("4:memory:/a/b", v2 "0::/a/b"), the
 * process's path in the memory hierarchy of the given version, relative to
 * the hierarchy's mounted root mem_root (NULL or "/": none). Returns 0, or
 * -1 when no line names that hierarchy. */
int cgroup_file_path(const char *text, int version, const char *mem_root, char *out, size_t n);

/* Undo mountinfo's octal escapes (\040) in place (mounts_discover uses it). */
void mounts_unescape(char *s);

#endif
