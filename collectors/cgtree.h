/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGTREE_H
#define HEADROOM_CGTREE_H

#include "collectors/fdpool.h"
#include "collectors/mounts.h"
#include "collectors/sample.h"

/* The memory cgroup tree, kept between samples: each cgroup's directory and
 * files stay open, so a sample is one pread per file plus one getdents per
 * directory to notice new and removed children. */
struct cgtree;

/* view: cgroup path to show ("/" for all); its ancestors are read only for
 * their limits (the effective limit). Returns NULL with a message in err. */
struct cgtree *cgtree_open(int rootfd, const struct cg_mounts *m, const char *view, struct fdpool *pool, char *err,
			   size_t errlen);
void cgtree_close(struct cgtree *t);

/* Called for every pid in a cgroup's cgroup.procs, with the cgroup's index
 * in sample.cgs. A pid may be reported twice (v1 does not promise unique
 * entries). */
typedef void (*cg_pid_fn)(void *ctx, int pid, int cg);

/* Fill s->cgs (the view subtree in depth-first order, children sorted by
 * name in natural order: g2 before g10), s->base_eff_*, and report processes. Cgroups that disappear while
 * being read are left out. Returns 0, or an errno if the view's root itself
 * is gone. */
int cgtree_sample(struct cgtree *t, struct sample *s, cg_pid_fn fn, void *ctx);

/* The inotify descriptor that becomes readable when a cgroup is made or
 * removed or a file of one is written (for poll(); -1: none). cgtree_drain
 * takes what it tells into the tree (the next sample reads what changed)
 * and says whether cgroups were made or removed (CGTREE_KIDS) or a limit
 * file written (CGTREE_LIMIT). */
#define CGTREE_KIDS 1u
#define CGTREE_LIMIT 2u
int cgtree_fd(const struct cgtree *t);
unsigned cgtree_drain(struct cgtree *t);

/* Incremental mode (cgroup v1, the whole hierarchy, inotify working): a
 * sample reads a cgroup's cgroup.procs only when the cgroup is new or a
 * process was moved into it, and marks cg_sample.procs_fresh for those
 * read; the caller keeps every other process's cgroup from before, and
 * finds the cgroup of a process new to it with cgtree_pid_cgroup. */
int cgtree_incremental(const struct cgtree *t);

/* The index in s->cgs of the memory cgroup /proc/PID/cgroup names, or -1.
 * ctx: a struct cgtree_pid_ctx. */
struct cgtree_pid_ctx {
	struct cgtree *t;
	int rootfd; /* the --root directory */
};
int cgtree_pid_cgroup(void *ctx, int pid, const struct sample *s);

#endif
