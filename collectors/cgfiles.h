/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGFILES_H
#define HEADROOM_CGFILES_H

/* The single-number memory files of a cgroup, for both versions. Each is
 * read into cg_sample.f[] under its enum; the table gives the kernel's file
 * name (which is also the JSON key) and how to parse it. */
enum cg_file {
	/* cgroup v2 */
	F2_CURRENT,
	F2_MIN,
	F2_LOW,
	F2_HIGH,
	F2_MAX,
	F2_PEAK,
	F2_SWAP_CURRENT,
	F2_SWAP_HIGH,
	F2_SWAP_MAX,
	F2_SWAP_PEAK,
	F2_ZSWAP_CURRENT,
	F2_ZSWAP_MAX,
	F2_OOM_GROUP,
	/* cgroup v1 */
	F1_USAGE,
	F1_LIMIT,
	F1_SOFT_LIMIT,
	F1_MAX_USAGE,
	F1_FAILCNT,
	F1_MEMSW_USAGE,
	F1_MEMSW_LIMIT,
	F1_MEMSW_MAX_USAGE,
	F1_MEMSW_FAILCNT,
	F1_KMEM_USAGE,
	F1_KMEM_LIMIT,
	F1_SWAPPINESS,
	F1_USE_HIERARCHY,
	CG_NFILES
};

/* Flat-keyed files ("key value" lines). */
enum cg_kvfile {
	K_STAT,		/* memory.stat (v1 and v2) */
	K_EVENTS,	/* v2 memory.events */
	K_EVENTS_LOCAL, /* v2 memory.events.local */
	K_OOM_CONTROL,	/* v1 memory.oom_control */
	CG_NKV
};

struct cg_file_info {
	const char *name;
	int version;  /* 1 or 2 */
	int is_limit; /* "max" / v1 maximum mean unlimited */
	int config;   /* changes only when written: re-read on inotify IN_MODIFY */
	int count;    /* a plain number (counter, flag), not bytes */
};

extern const struct cg_file_info cg_files[CG_NFILES];
extern const struct cg_file_info cg_kvfiles[CG_NKV];

#endif
