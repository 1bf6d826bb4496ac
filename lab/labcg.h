/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_LABCG_H
#define HEADROOM_LABCG_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Lab mode's own cgroup: made below the memory cgroup the caller is in
 * (never the caller's own files), limits written, a process put in it, and
 * everything in it ended and the cgroup removed afterwards. */
struct labcg {
	int version; /* 1 or 2 */
	char *dir;   /* its directory, absolute */
	char *path;  /* its path in the hierarchy, e.g. /user.slice/headroom-run-42 */
};

/* Make a child named name below parent (a path in the memory hierarchy),
 * or, parent NULL, below the caller's own memory cgroup. Returns 0, or -1
 * with a clear message in err (no hierarchy, no such parent, no privilege,
 * v2 without the memory controller enabled for the parent's children). */
int labcg_create(struct labcg *c, const char *parent, const char *name, char *err, size_t errlen);

/* The knobs: which file each is on each version. */
/* What a run may set; the last is v1's own way to say "no swap" (the
 * dashboard's default, see lab/run.c), no option of its own. */
enum lab_knob { KNOB_LIMIT, KNOB_HIGH, KNOB_LOW, KNOB_SWAP, KNOB_OOM_KILL_DISABLE, KNOB_SWAPPINESS, KNOB_N };
extern const char *const lab_knob_names[KNOB_N]; /* "--limit" ... */

/* Write a knob (bytes, or 1 for oom_kill_disable). v1 --swap is the memsw
 * limit: limit + swap, written after the limit. Returns 0 or an errno with
 * a message (EINVAL: a knob this version lacks; ENOENT: no such file, for
 * swap no swap accounting; else the kernel refused it). */
int labcg_set(const struct labcg *c, enum lab_knob k, uint64_t v, uint64_t limit, char *err, size_t errlen);

/* Move the calling process into the cgroup (writes "0" to cgroup.procs). */
int labcg_enter(const struct labcg *c);

/* Pids in the cgroup now; *n set. Returns a malloc'd array (NULL, n 0:
 * none or unreadable). */
pid_t *labcg_pids(const struct labcg *c, size_t *n);

/* SIGKILL what is left in the cgroup and remove it; waits up to ~3 s for
 * the processes to go. Returns 0 or -1 with a message. Frees c's strings. */
int labcg_destroy(struct labcg *c, char *err, size_t errlen);

/* Write /proc/self/oom_score_adj. Returns 0 or an errno. */
int proc_set_oom_score_adj(int adj);

#endif
