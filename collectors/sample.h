/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SAMPLE_H
#define HEADROOM_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "collectors/cgfiles.h"
#include "util/parse.h"
#include "util/value.h"

/* One sample per tick: plain structs, no terminal. Everything below is
 * owned by the struct sample that holds it; sample_free releases it all. */

/* The view both cgroup versions map into (see docs/headroom.1, FIGURES). */
struct cg_norm {
	val_t usage, limit, anon, file, kernel, shmem, swap;
	val_t active_file, inactive_file; /* the page cache's LRU lists */
	val_t working_set, reclaimable, oom_kills, limit_hits;
	/* this cgroup's own, not its subtree's: OOM kills of its processes,
	 * hits of its own limit, throttling at its memory.high (v2); v1's
	 * under_oom (1: its OOM killer is disabled and its tasks wait) */
	val_t kills_local, hits_local, high_local, under_oom;
	val_t peak; /* the kernel's high-water mark of usage */
	val_t min, low, high, soft_limit; /* markers; N/A where the version has none */
	val_t eff_limit;		  /* smallest limit from here to the root */
	int eff_from;			  /* index of the cgroup setting it; EFF_FROM_BASE: an ancestor
					     outside the view (sample.base_eff_from); EFF_FROM_NONE: no limit */
	int usage_no_kernel; /* v1's root: the kernel counts its usage from page counts, without
				kernel memory, so it can be below a child's */
};
#define EFF_FROM_BASE (-1)
#define EFF_FROM_NONE (-2)

/* Per-second rates between the previous sample and this one (model/rates.h
 * fills them); NAN = N/A. */
struct cg_rates {
	double usage_bps; /* signed: bytes per second */
	double pgscan_ps, pgsteal_ps, refault_ps;
	double limit_hits_ps; /* v2 events max, v1 failcnt */
	val_t new_oom_kills;  /* since the previous sample */
	val_t new_kills_local, new_hits_local, new_high_local; /* the same of cg_norm's *_local */
	double swap_bps, file_bps; /* signed: swap used, page cache */
};

/* The model's reading of a cgroup (model/diagnose.h). */
struct cg_diag {
	uint32_t mask;		    /* 1 << enum diag_id, for each that applies */
	val_t procs_res, procs_shr; /* summed over the processes of its subtree (statm) */
	double ttl, ttl_bps;	    /* seconds to the effective limit at the pace usage grows, and
				       that pace (model/predict.h); NAN: no steady growth */
	int victim;		    /* pid the OOM killer would pick at its limit (model/victim.h);
				       0 none; -1 unknown (a figure not read) */
	int64_t victim_points;
	uint64_t victim_budget; /* pages */
};

struct cg_sample {
	uint64_t id;	  /* stable across samples while the cgroup lives */
	char *path;	  /* cgroup path, "/" for the hierarchy root */
	const char *name; /* last component of path */
	int parent;	  /* index in sample.cgs; -1 for the view's root */
	int prev;	  /* the same cgroup's index in the previous sample, -1 none (model/rates.c) */
	int depth;
	val_t f[CG_NFILES];	 /* enum cg_file */
	struct kvset kv[CG_NKV]; /* enum cg_kvfile */
	uint8_t kv_why[CG_NKV];	 /* na_reason when that file was not read */
	struct psi psi;		 /* memory.pressure (hybrid: from the unified tree) */
	uint32_t nprocs;
	uint8_t procs_fresh; /* cgroup.procs was read in this sample (see cgtree_incremental) */
	struct cg_norm n;
	struct cg_rates r;
	struct cg_diag diag;
};

struct proc_detail {
	int asked; /* details were asked for in this sample */
	int ok;    /* filled through libproc2 in this sample */
	int ppid;
	char *user, *comm, *cmdline; /* owned; raw bytes from the kernel */
	val_t rss_anon, rss_file, rss_shmem, swap;
	sval_t oom_score, oom_adj;
	char state;  /* stat: R S D Z T ...; 0 when not read */
	val_t tics;  /* stat utime + stime, clock ticks: CPU% from two samples */
	val_t began; /* stat start_time, clock ticks after boot */
	int smaps_asked;
	val_t pss, uss, swap_pss; /* smaps_rollup */
	val_t pgtables;		  /* status VmPTE: page tables (collector_pgtables) */
};

struct proc_sample {
	int pid; /* first: sample_pid_cmp relies on it */
	int cg;		      /* index in sample.cgs; -1 when not in the view's cgroups */
	uint64_t id;	      /* one process instance: a reused pid gets a new id */
	uint8_t oom_killed;   /* the kernel log told its kill since this sample was taken
				 (model/events.c): listed here, but gone */
	val_t virt, res, shr; /* bytes, from /proc/PID/statm */
	struct proc_detail d;
};

enum vm_counter {
	VM_PGSCAN_KSWAPD,
	VM_PGSCAN_DIRECT,
	VM_PGSCAN_KHUGEPAGED,
	VM_PGSTEAL_KSWAPD,
	VM_PGSTEAL_DIRECT,
	VM_PGSTEAL_KHUGEPAGED,
	VM_REFAULT_ANON,
	VM_REFAULT_FILE,
	VM_REFAULT, /* before Linux 5.9 */
	VM_PGMAJFAULT,
	VM_OOM_KILL,
	VM_N
};
extern const char *const vm_counter_names[VM_N];

struct sys_sample {
	val_t mem_total, mem_free, mem_available, buffers, cached, shmem;
	val_t slab, slab_reclaimable, swap_total, swap_free, committed_as, commit_limit;
	val_t anon_pages, kernel_stack, page_tables;
	val_t swap_cached; /* SwapCached: swapped out and still in RAM */
	val_t overcommit_memory, overcommit_ratio, overcommit_kbytes;
	struct psi psi;
	val_t vm[VM_N];
	val_t pgscan, pgsteal, refault;				 /* sums of the counters above */
	double pgscan_ps, pgsteal_ps, refault_ps, pgmajfault_ps; /* NAN = N/A */
	val_t new_oom_kills;
	/* derived (model/sysnorm.c): used as free(1) of procps 4 counts it,
	 * MemTotal - MemAvailable (what cannot be had back); page cache (Cached +
	 * Buffers - Shmem); kernel (Slab + KernelStack + PageTables);
	 * SwapTotal - SwapFree. N/A when a part is. */
	val_t used, cache, kernel, swap_used;
};

struct sample {
	uint64_t seq; /* 1 for the first sample of a collector */
	double mono;  /* CLOCK_MONOTONIC seconds */
	double wall;  /* seconds since the epoch */
	double boot;  /* CLOCK_BOOTTIME seconds: this machine's (NAN under --root) */
	int version;  /* of the memory hierarchy: 1 or 2; 0 none */
	int layout;   /* enum cg_layout */
	struct sys_sample sys;
	struct cg_sample *cgs;
	size_t ncg, cgcap;
	struct proc_sample *procs;
	size_t nproc, proccap;
	val_t base_eff_limit; /* effective limit above the view's root */
	char *base_eff_from;  /* path of the ancestor setting it, or NULL */
};

void sample_free(struct sample *s);
/* Append a zeroed cgroup / process slot, reusing memory from earlier use. */
struct cg_sample *sample_add_cg(struct sample *s);
struct proc_sample *sample_add_proc(struct sample *s);
/* Index of a cgroup by path, or -1. */
int sample_find_cg(const struct sample *s, const char *path);
/* The process pid of s (NULL: none; s NULL too): procs are sorted by pid. */
struct proc_sample *sample_find_proc(const struct sample *s, int pid);
/* path is root's or below it ("/" holds every path). */
int sample_path_under(const char *path, const char *root);
/* Path of the cgroup setting cgs[i]'s effective limit, or NULL if none. */
const char *sample_eff_from_path(const struct sample *s, size_t i);

/* bsearch comparator: an int pid key against an element whose first member
 * is an int pid (struct proc_sample; arrays sorted by pid). */
int sample_pid_cmp(const void *key, const void *elem);

#endif
