/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PROCTAB_H
#define HEADROOM_PROCTAB_H

#include "collectors/fdpool.h"
#include "collectors/sample.h"

/* Every process, every sample: VIRT/RES/SHR from /proc/PID/statm through a
 * descriptor kept open for the life of the process. A kept descriptor is
 * tied to one process instance: once that process is reaped, pread fails
 * with ESRCH even if its pid is reused, so two processes' figures never mix
 * and a reused pid gets a new id. */
struct proctab;

struct proctab *proctab_open(int rootfd, struct fdpool *pool);
void proctab_close(struct proctab *t);

/* A sample: note the pids found in cgroup.procs (proctab_note is a
 * cg_pid_fn), then read. With from_proc set, the pids of a readdir of
 * /proc are added: for a sample without a cgroup hierarchy, or when not
 * every cgroup's list was read (cgtree_incremental). A process keeps the
 * cgroup it was last seen in unless that cgroup's list was read afresh
 * (cg_sample.procs_fresh) without it; one whose cgroup is not known is
 * asked of r (NULL: it is left out). With cgroups in the sample, a process
 * in none of them is left out. */
struct proc_resolver {
	int (*fn)(void *ctx, int pid, const struct sample *s); /* index in s->cgs or -1 */
	void *ctx;
};
void proctab_begin(struct proctab *t);
void proctab_note(void *t, int pid, int cg);
void proctab_read(struct proctab *t, struct sample *s, int from_proc, const struct proc_resolver *r);

/* Is process instance (pid, id) still the one that was sampled? Re-reads its
 * statm descriptor; 0 if it was reaped (details read meanwhile are void). */
int proctab_alive(struct proctab *t, int pid, uint64_t id);

/* Send sig to process instance (pid, id), never to a process that took its
 * pid since: a pidfd is opened, then the instance's kept statm descriptor
 * read (it fails once the instance is reaped, so the pidfd is of the
 * instance sampled). Returns 0 or an errno: ESRCH gone, EBADF its statm is
 * not kept (cannot tell), EPERM not permitted. */
int proctab_signal(struct proctab *t, int pid, uint64_t id, int sig);


#endif
