/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PROCMAPS_H
#define HEADROOM_PROCMAPS_H

#include <stddef.h>
#include <stdint.h>

#include "util/value.h"

/* One process's memory by mapping, from /proc/PID/smaps (it walks the page
 * tables: read it for one process at a time, the one a user looks at). */
enum smap_group {
	SG_HEAP,   /* [heap] */
	SG_STACK,  /* [stack] */
	SG_ANON,   /* anonymous mmap (no file) */
	SG_LIBS,   /* shared libraries (*.so*) */
	SG_FILES,  /* other files */
	SG_SHMEM,  /* shared memory and tmpfs: /dev/shm, SysV, memfd */
	SG_KERNEL, /* [vdso], [vvar], [vsyscall] */
	SG_N
};
extern const char *const smap_group_names[SG_N];

struct smap_figs {
	uint64_t size, rss, pss, private, swap; /* bytes */
};

struct smap {
	uint64_t start, end;
	char perms[5];
	char *path; /* owned; "" for anonymous */
	enum smap_group group;
	struct smap_figs f;
};

struct procmaps {
	struct smap *maps;
	size_t n;
	struct smap_figs group[SG_N], total;
	val_t statm[7]; /* size resident shared text lib data dt, bytes */
};

/* Read rootfd/proc/PID/smaps and statm into m (emptied first). Returns 0
 * or an errno (ESRCH/ENOENT: the process is gone; EACCES). When only smaps
 * fails, m still holds statm; what was not read is N/A. */
int procmaps_read(int rootfd, int pid, struct procmaps *m);
void procmaps_free(struct procmaps *m);

/* The group of a mapping's path. */
enum smap_group smap_classify(const char *path);

#endif
