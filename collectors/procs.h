/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PROCS_H
#define HEADROOM_PROCS_H

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
 * cg_pid_fn), then read. With from_proc set, the pids are taken from a
 * readdir of /proc instead (no memory cgroup hierarchy to list them). */
void proctab_begin(struct proctab *t);
void proctab_note(void *t, int pid, int cg);
void proctab_read(struct proctab *t, struct sample *s, int from_proc);

/* Is process instance (pid, id) still the one that was sampled? Re-reads its
 * statm descriptor; 0 if it was reaped (details read meanwhile are void). */
int proctab_alive(struct proctab *t, int pid, uint64_t id);


#endif
