/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGREAD_H
#define HEADROOM_CGREAD_H

#include <stddef.h>
#include <sys/types.h>

#include "collectors/mounts.h"

/* Small reads of the live cgroup files that lab mode needs before and
 * after the dashboard's collector runs (lab/ writes, these read). */

/* The caller's own path in the memory hierarchy m (from /proc/self/cgroup),
 * or NULL. Owned by the caller. */
char *cgread_self(const struct cg_mounts *m);
/* 1 when the cgroup directory dir's cgroup.subtree_control names
 * controller (v2: its children may use it), else 0. */
int cgread_delegates(const char *dir, const char *controller);
/* The pids in dir/cgroup.procs (*n of them; NULL when none or unreadable).
 * Owned by the caller. */
pid_t *cgread_pids(const char *dir, size_t *n);

#endif
